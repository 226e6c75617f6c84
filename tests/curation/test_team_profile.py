"""One team profile per school (the review found two identical team cards of one school in the bank), kept by
whichever of its curators is at work."""
from sqlalchemy import func, select

from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile

from ..conftest import post_form
from .conftest import cabinet_url, make_curator_of


def team_profiles(school) -> int:
    return db.session.scalar(select(func.count()).select_from(MentorProfile).where(
        MentorProfile.is_team, MentorProfile.organisation_id == school.id))


def test_a_school_has_one_team_profile_whoever_asks_for_another(client, log_in, make, school_a):
    started = make.mentor("Команда лицея", org=school_a, is_team=True, team_name="Команда лицея № 58")
    colleague = make.user(full_name="Зайцева Анна Олеговна", email="colleague@example.org", org=school_a)
    log_in(colleague)

    response = client.get("/account/mentor-profiles/new?team=1")
    assert response.status_code == 303 and response.headers["Location"].endswith("/account/mentor-profiles")
    page = client.get("/account/mentor-profiles").get_data(as_text=True)
    assert "already has its team profile" in page
    assert "/account/mentor-profiles/new?team=1" not in page

    refused = post_form(client, "/account/mentor-profiles/new?team=1", {"team_name": "Вторая команда", "save": "y"},
                        page_url="/account/mentor-profiles")
    assert refused.status_code == 303
    assert team_profiles(school_a) == 1
    # Nor may a colleague who is not a curator edit the team profile someone else started.
    assert client.get(f"/account/mentor-profiles/{started.id}/edit").status_code == 404


def test_any_curator_of_the_school_edits_its_team_profile(client, log_in, make, school_a, curator_a):
    team = make.mentor("Команда лицея", org=school_a, user=curator_a, is_team=True, team_name="Команда лицея № 58")
    second = make.user(full_name="Морозова Вера Ильинична", email="curator.a2@example.org", org=school_a)
    make_curator_of(second, school_a)
    log_in(second)

    cabinet = client.get(cabinet_url(school_a)).get_data(as_text=True)
    assert f'href="/account/mentor-profiles/{team.id}/edit"' in cabinet
    assert "team=1&amp;organisation=" not in cabinet  # no second team offered
    form = client.get(f"/account/mentor-profiles/{team.id}/edit")
    assert form.status_code == 200 and "Команда лицея № 58" in form.get_data(as_text=True)
    assert team_profiles(school_a) == 1
