"""Helpers for the mentor application and account tests: a log-in that does not depend on the log-in form
(the session carries the user, as Flask-Login stores it), the English UI, and forms posted with their token."""
import pytest

from mentorbank.core.i18n import LOCALE_SESSION_KEY
from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile
from tests.conftest import csrf_token_from

XSS = '<script>alert("x")</script>'
ESCAPED_XSS = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"


@pytest.fixture
def log_in(client):
    """Log ``user`` in for the following requests, with the English UI."""

    def log_in(user):
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
            session[LOCALE_SESSION_KEY] = "en"
        return user

    return log_in


def token_of(client, page_url: str = "/account") -> str:
    return csrf_token_from(client.get(page_url).get_data(as_text=True))


def post_form(client, url: str, data: dict, page_url: str | None = None):
    """Post ``data`` with a CSRF token read from a page of the site."""
    return client.post(url, data={"csrf_token": token_of(client, page_url or "/account"), **data})


def profile_data(**changes) -> dict:
    """A complete mentor profile as the form posts it; None leaves a field out (an unticked box)."""
    data = {
        "subjects": "математика; информатика",
        "experience_years": "12",
        "achievements": "Победитель конкурса «Учитель года» 2021.",
        "bio": "Помогаю молодым учителям математики.",
        "capacity": "3",
        "accepting_requests": "y",
        "phone": "+7 (900) 111-22-33",
        "mentoring_consent": "y",
        "publication_consent": "y",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def save_draft(client, url: str, **changes):
    return post_form(client, url, {**profile_data(**changes), "save": "Save draft"})


def submit_form(client, url: str, **changes):
    return post_form(client, url, {**profile_data(**changes), "submit_for_review": "Submit for moderation"})


def press(client, url: str):
    """A state-changing button (submit, withdraw) from the list of my profiles."""
    return client.post(url, data={"csrf_token": token_of(client, "/account/mentor-profiles")})


def own_profile(user, team: bool = False) -> MentorProfile:
    db.session.expire_all()
    return db.session.scalars(
        db.select(MentorProfile).where(
            MentorProfile.user_id == user.id, MentorProfile.is_team.is_(team), MentorProfile.revision_of_id.is_(None)
        )
    ).one()
