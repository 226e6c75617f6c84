"""The mentor application's forms as the tests fill them: a complete profile, its save and submit buttons, and
the buttons of the list of my profiles (log-in, locale and posting with a token: the root conftest)."""
from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile
from mentorbank.vocabularies.models import Vocabulary, terms_of
from tests.conftest import post_form

# Long enough for a card (mentors/application.py BIO_MIN_LENGTH).
BIO = ("Помогаю молодым учителям математики: разбираем трудные темы и уроки, готовим открытые занятия, учимся "
       "работать с сильными и отстающими учениками. Встречаемся раз в неделю, между встречами отвечаю в переписке.")


def profile_data(**changes) -> dict:
    """A complete mentor profile as the form posts it; None leaves a field out (an unticked box)."""
    data = {
        "subjects": "математика; информатика",
        "experience_years": "12",
        "achievements": "Победитель конкурса «Учитель года» 2021.",
        "bio": BIO,
        "capacity": "3",
        "accepting_requests": "y",
        "phone": "+7 (900) 111-22-33",
        "mentoring_consent": "y",
        "publication_consent": "y",
    }
    data["forms"] = [terms_of(Vocabulary.FORM)[0].id]
    data["directions"] = [terms_of(Vocabulary.DIRECTION)[0].id]
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def save_draft(client, url: str, **changes):
    return post_form(client, url, {**profile_data(**changes), "save": "Save draft"}, page_url="/account")


def submit_form(client, url: str, **changes):
    return post_form(client, url, {**profile_data(**changes), "submit_for_review": "Submit for moderation"},
                     page_url="/account")


def press(client, url: str):
    """A state-changing button (submit, withdraw) from the list of my profiles."""
    return post_form(client, url, page_url="/account/mentor-profiles")


def own_profile(user, team: bool = False) -> MentorProfile:
    db.session.expire_all()
    return db.session.scalars(
        db.select(MentorProfile).where(
            MentorProfile.user_id == user.id, MentorProfile.is_team.is_(team), MentorProfile.revision_of_id.is_(None)
        )
    ).one()
