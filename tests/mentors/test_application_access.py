"""Who may open and change mentor applications: the author only; log-in, CSRF and escaping."""
import pytest
from sqlalchemy import select

from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile, ProfileStatus
from tests.conftest import ESCAPED_XSS, XSS, token_of

from .application_forms import press, save_draft

PAGES = ["/account/mentor-profiles", "/account/mentor-profiles/new", "/account/mentor-profiles/new?team=1"]


@pytest.fixture
def others_profile(make):
    return make.mentor("Чужая Анкета Наставника", status=ProfileStatus.DRAFT, bio="Чужой текст.")


@pytest.mark.parametrize("url", [*PAGES, "/account/mentor-profiles/{id}/edit"])
def test_pages_need_a_log_in(client, others_profile, url):
    url = url.format(id=others_profile.id)
    response = client.get(url)
    assert response.status_code == 302
    assert response.location.startswith("/auth/login?next=")
    assert "/account/mentor-profiles" in response.location


@pytest.mark.parametrize("action", ["submit", "withdraw", "edit"])
def test_a_visitor_cannot_change_a_profile(client, others_profile, action):
    token = token_of(client, "/")
    response = client.post(f"/account/mentor-profiles/{others_profile.id}/{action}", data={"csrf_token": token})
    assert response.status_code == 302 and response.location.startswith("/auth/login")
    assert db.session.get(MentorProfile, others_profile.id).status == ProfileStatus.DRAFT


@pytest.mark.parametrize("status", [ProfileStatus.DRAFT, ProfileStatus.APPROVED, ProfileStatus.RETURNED])
def test_someone_elses_profile_is_not_found(client, make, log_in, participant, status):
    profile = make.mentor("Чужая Анкета", status=status, bio="Чужой текст.")
    log_in(participant)
    base = f"/account/mentor-profiles/{profile.id}"
    assert client.get(f"{base}/edit").status_code == 404
    assert save_draft(client, f"{base}/edit", bio="Подмена").status_code == 404
    assert press(client, f"{base}/submit").status_code == 404
    assert press(client, f"{base}/withdraw").status_code == 404
    db.session.expire_all()
    assert profile.status == status and profile.bio == "Чужой текст." and profile.pending_revision is None
    assert "Чужая Анкета" not in client.get("/account/mentor-profiles").get_data(as_text=True)


def test_a_moderator_does_not_edit_here(client, log_in, moderator, others_profile):
    log_in(moderator)
    assert client.get(f"/account/mentor-profiles/{others_profile.id}/edit").status_code == 404


@pytest.mark.parametrize("url", [
    "/account/mentor-profiles/new", "/account/mentor-profiles/{id}/edit",
    "/account/mentor-profiles/{id}/submit", "/account/mentor-profiles/{id}/withdraw",
])
@pytest.mark.parametrize("htmx", [False, True])
def test_posts_without_a_csrf_token_are_refused(client, make, log_in, participant, url, htmx):
    profile = make.mentor(user=participant, status=ProfileStatus.DRAFT)
    log_in(participant)
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.post(url.format(id=profile.id), data={"bio": "x", "save": "y"}, headers=headers)
    assert response.status_code == 400
    db.session.expire_all()
    assert profile.status == ProfileStatus.DRAFT and profile.bio != "x"


def test_typed_html_comes_back_escaped(client, log_in, participant, make):
    log_in(participant)
    fields = {"subjects": f"Предмет {XSS}", "achievements": f"Достижения {XSS}", "bio": f"О себе {XSS}"}
    save_draft(client, "/account/mentor-profiles/new?team=1", team_name=f"Команда {XSS}", **fields)
    team = db.session.scalars(select(MentorProfile).where(MentorProfile.user_id == participant.id)).one()
    team.status, team.status_reason, team.decided_at = ProfileStatus.RETURNED, f"Причина {XSS}", team.created_at
    db.session.flush()
    for page in ("/account/mentor-profiles", f"/account/mentor-profiles/{team.id}/edit", "/account/submissions",
                 "/account"):
        html = client.get(page).get_data(as_text=True)
        assert "<script>alert" not in html, page
        assert ESCAPED_XSS in html, page

    team.status = ProfileStatus.APPROVED
    db.session.commit()
    public = client.get(f"/mentors/{team.id}").get_data(as_text=True)
    assert "<script>alert" not in public
    assert public.count(ESCAPED_XSS) >= 4  # team name, subjects, achievements, bio


def test_an_invalid_form_escapes_what_was_typed(client, log_in, participant):
    log_in(participant)
    response = save_draft(client, "/account/mentor-profiles/new", capacity="0", bio=XSS, phone=XSS)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "<script>alert" not in html and ESCAPED_XSS in html
