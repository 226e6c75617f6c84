"""What evaluation declares to the app-wide registries (called once by the app factory): the link on a
mentorship's page, the notification asking the mentee to answer the questionnaire when the mentorship is
completed, and the mentors' public rating (their card, page and the API)."""
from flask_babel import lazy_gettext as _l

from ..mentoring.models import MENTORSHIP_WORKFLOW, MentorshipStatus
from ..mentoring.page_links import register_mentorship_link
from ..mentors.ratings import public_rating, register_rating_source
from ..mentors.sections import register_profile_section
from ..notifications.service import notify
from ..notifications.texts import register_kinds
from ..organisations.pages import PageSection
from . import services

QUESTIONNAIRE_KIND = "evaluation.questionnaire"


def ask_for_questionnaire(change) -> None:
    """A completed mentorship: the mentee is told, with the comment of whoever completed it, and asked for the
    questionnaire (in their own language, by notify)."""
    if change.after == MentorshipStatus.COMPLETED and not change.record.mentee.is_blocked:
        notify(change.record.mentee, QUESTIONNAIRE_KIND, change.record, message=change.reason)


def rating_section(profile) -> PageSection | None:
    rating = public_rating(profile.id)
    return PageSection("evaluation/_profile_section.html", {"rating": rating}) if rating is not None else None


def register() -> None:
    register_mentorship_link("evaluation.summary", _l("Evaluation"),
                             lambda mentorship, user: mentorship.visible_to(user), position=60)
    register_kinds({QUESTIONNAIRE_KIND: _l("Your mentorship is completed: please answer a short questionnaire about it")})
    if ask_for_questionnaire not in MENTORSHIP_WORKFLOW.after_hooks:
        MENTORSHIP_WORKFLOW.on_transition(ask_for_questionnaire)
    register_rating_source(services.public_ratings)
    register_profile_section("evaluation_rating", rating_section)
