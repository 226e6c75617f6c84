"""The curator's cabinet: the school's mentor profiles with their status in words, never another school's; the
team profile the curator starts goes through moderation and then shows on the organisation's page; a person's
contacts never show on the organisation's page."""
import re

import pytest
from sqlalchemy import select

from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile, ProfileStatus
from mentorbank.vocabularies.models import Vocabulary
from tests.conftest import post_form

from .conftest import cabinet_url, log_out, make_curator_of, public_url

STATUS_LABELS = {
    ProfileStatus.DRAFT: "Draft",
    ProfileStatus.PENDING: "Waiting for moderation",
    ProfileStatus.APPROVED: "Published in the bank",
    ProfileStatus.RETURNED: "Returned for changes",
    ProfileStatus.WITHDRAWN: "Withdrawn",
}
NAMES = {
    ProfileStatus.DRAFT: "Черновикова Алла",
    ProfileStatus.PENDING: "Ожидаева Белла",
    ProfileStatus.APPROVED: "Опубликованная Вера",
    ProfileStatus.RETURNED: "Возвращённая Галина",
    ProfileStatus.WITHDRAWN: "Отозванная Дарья",
}


def visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", html))


@pytest.fixture
def school_profiles(make, school_a):
    return {status: make.mentor(NAMES[status], org=school_a, status=status) for status in ProfileStatus}


def test_the_cabinet_lists_the_schools_mentors_with_their_status_in_words(
        client, log_in, make, curator_a, school_a, school_b, school_profiles):
    make.mentor("Чужая Елена", org=school_b, status=ProfileStatus.PENDING)
    log_in(curator_a)
    response = client.get(cabinet_url(school_a))
    text = visible_text(response.get_data(as_text=True))
    assert response.status_code == 200
    for status, profile in school_profiles.items():
        row = re.search(rf"{NAMES[status]} .*?(?=Опубликованная|Ожидаева|Отозванная|Возвращённая|Черновикова|$)",
                        text).group(0)
        assert STATUS_LABELS[status] in row, status
    for code in ("draft", "pending", "approved", "returned", "withdrawn"):
        assert not re.search(rf"\b{code}\b", text), code
    assert "Чужая Елена" not in text
    assert "Mentor profiles of the organisation: Draft 1 · Waiting for moderation 1 · Published in the bank 1" in text


def test_the_account_page_leads_curators_to_their_cabinet(client, log_in, curator_a, participant, school_a):
    log_in(curator_a)
    assert f'href="{cabinet_url(school_a)}"' in client.get("/account").get_data(as_text=True)
    log_in(participant)
    assert "/account/organisations/" not in client.get("/account").get_data(as_text=True)


def team_profile_form(make) -> dict:
    """A complete team profile as the application form posts it, submitted for moderation."""
    return {
        "team_name": "Команда наставников лицея № 58",
        "subjects": "математика; информатика",
        "experience_years": "15",
        "bio": "Команда учителей лицея ведёт молодых коллег другой школы: открытые уроки, разбор занятий, "
               "совместное планирование и методическая поддержка в течение года. Каждый наставник команды "
               "ведёт одного-двух коллег, а куратор лицея следит, чтобы план был выполнен к концу года.",
        "capacity": "5",
        "accepting_requests": "y",
        "forms": str(make.term(Vocabulary.FORM, "team-team").id),
        "directions": str(make.term(Vocabulary.DIRECTION, "methodical").id),
        "mentoring_consent": "y",
        "publication_consent": "y",
        "submit_for_review": "Submit for moderation",
    }


def start_team_profile(client, make, school) -> MentorProfile:
    cabinet = client.get(cabinet_url(school)).get_data(as_text=True)
    new_team_url = f"/account/mentor-profiles/new?team=1&amp;organisation={school.id}"
    assert f'href="{new_team_url}"' in cabinet
    response = post_form(client, new_team_url.replace("&amp;", "&"), team_profile_form(make))
    assert response.status_code == 303, response.get_data(as_text=True)
    return db.session.scalars(select(MentorProfile).where(MentorProfile.is_team.is_(True))).one()


def test_the_curators_team_profile_is_moderated_then_shown_on_the_organisation_page(
        client, log_in, post, make, curator_a, school_a, moderator):
    log_in(curator_a)
    team = start_team_profile(client, make, school_a)
    assert (team.status, team.organisation_id, team.user_id) == (ProfileStatus.PENDING, school_a.id, curator_a.id)
    assert "Команда наставников лицея № 58" not in client.get(public_url(school_a)).get_data(as_text=True)
    cabinet = client.get(cabinet_url(school_a)).get_data(as_text=True)
    assert "Waiting for moderation" in cabinet and f"/account/mentor-profiles/{team.id}/edit" in cabinet

    log_in(moderator)
    assert "Команда наставников лицея № 58" in client.get("/moderation").get_data(as_text=True)
    assert post(f"/moderation/mentor-profiles/{team.id}/approve", confirm="y").status_code == 303

    log_out(client)
    html = client.get(public_url(school_a)).get_data(as_text=True)
    teams = html[html.index('id="teams-title"'):html.index('id="mentors-title"')]
    assert f'href="/mentors/{team.id}"' in teams and "Команда наставников лицея № 58" in teams
    assert re.search(r'id="teams-title">[^<]*<span class="count">1</span>', html)


def test_a_curator_starts_the_team_of_the_school_they_curate_not_their_own(
        client, log_in, make, participant, school_a):
    make_curator_of(participant, school_a)  # their account names another school
    log_in(participant)
    form = client.get(f"/account/mentor-profiles/new?team=1&organisation={school_a.id}").get_data(as_text=True)
    assert "The team belongs to your organisation: МБОУ «Лицей № 58»." in form
    team = start_team_profile(client, make, school_a)
    assert team.organisation_id == school_a.id != participant.organisation_id


def test_nobody_else_starts_a_team_profile_for_the_school(client, log_in, make, curator_b, school_a):
    log_in(curator_b)
    url = f"/account/mentor-profiles/new?team=1&organisation={school_a.id}"
    assert client.get(url).status_code == 403
    assert post_form(client, url, team_profile_form(make), page_url="/account").status_code == 403
    assert db.session.scalars(select(MentorProfile).where(MentorProfile.is_team.is_(True))).all() == []


@pytest.mark.parametrize("viewer", [None, "curator_a", "moderator"])
def test_a_persons_contacts_never_show_on_the_organisation_page(client, log_in, make, request, school_a, viewer):
    mentor = make.mentor("Опубликованная Вера", org=school_a, phone="+7 900 123-45-67",
                         email="vera.personal@example.org")
    school_a.contact_email, school_a.contact_phone = "priem@lyceum58.example.ru", "+7 (843) 200-58-58"
    db.session.flush()
    if viewer:
        log_in(request.getfixturevalue(viewer))
    html = client.get(public_url(school_a)).get_data(as_text=True)
    assert f'data-mentor-id="{mentor.id}"' in html
    assert "priem@lyceum58.example.ru" in html
    assert "vera.personal@example.org" not in html and "123-45-67" not in html
    assert "curator.a@example.org" not in html


def test_the_cabinet_and_the_page_speak_russian(client, log_in, make, curator_a, school_a, school_profiles):
    school_a.description = "Открытые уроки для молодых учителей."
    db.session.flush()
    log_in(curator_a, locale="ru")
    cabinet = visible_text(client.get(cabinet_url(school_a)).get_data(as_text=True))
    assert "Наставники организации" in cabinet and "Начать анкету команды организации" in cabinet
    assert "Черновик" in cabinet and "Возвращена на доработку" in cabinet
    form = visible_text(client.get(f"/account/organisations/{school_a.id}/page").get_data(as_text=True))
    assert "Не указывайте личные почту или телефон сотрудника" in form
    page = visible_text(client.get(public_url(school_a)).get_data(as_text=True))
    assert "Что предлагает организация Открытые уроки для молодых учителей." in page
