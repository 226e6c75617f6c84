"""What mentoring declares to the app-wide registries (called once by the app factory): its record pages, the
links of the account's navigation, its notifications' words, who else sees a mentor's contacts.

One function per part of the area, so each part keeps its declarations together."""
from flask_babel import lazy_gettext as _l

from ..audit.labels import register_labels


def register_requests() -> None:
    """Requests and suggestions (request_routes.py)."""
    from ..accounts import pages as account_pages
    from ..core import records
    from ..notifications.texts import register_kinds
    from . import account_events  # noqa: F401  (a blocked or closed account's requests are withdrawn)
    from . import requests  # noqa: F401  (its hook audits and notifies every transition of a request)
    from .models import MentoringRequest

    account_pages.register_nav_link("requests.mine", _l("My requests"), 50)
    # The mentee follows a request on its page; its mentor, opening the same link, lands in their inbox.
    records.register(records.RecordType(
        "mentoring_request", MentoringRequest, "title", owner=records.Page("requests.detail", "request_id")))
    register_kinds({
        "mentoring_request.received": _l("You have a new mentoring request"),
        "mentoring_request.accepted": _l("Your mentoring request is accepted: your mentorship begins"),
        "mentoring_request.declined": _l("Your mentoring request was declined"),
        "mentoring_request.withdrawn": _l("A mentoring request to you was withdrawn by the mentee"),
        "mentoring_request.withdrawn_on_acceptance": _l(
            "A mentoring request to you was withdrawn: another mentor accepted the mentee"),
        "mentoring_request.expired": _l("Your mentoring request expired unanswered"),
        "mentoring_request.withdrawn_for_account": _l(
            "Your mentoring request was withdrawn: the mentor no longer takes part in the bank"),
    })
    register_labels("mentoring_request", _l("Mentoring requests"), {
        "send": _l("Mentoring request sent to a mentor"),
        "accept": _l("Mentoring request accepted"),
        "decline": _l("Mentoring request declined"),
        "withdraw": _l("Mentoring request withdrawn by the mentee"),
        "withdraw_on_acceptance": _l("Mentoring request withdrawn: another one was accepted"),
        "expire": _l("Mentoring request expired unanswered"),
        "withdraw_for_account": _l("Mentoring request withdrawn: an account was blocked or closed, or the mentor "
                                   "left the bank"),
    })


def register_inbox() -> None:
    """The mentor's inbox, answers and the silence sweep (inbox_routes.py)."""
    from flask_login import user_logged_in

    from ..accounts.pages import register_nav_link
    from ..notifications.texts import register_kinds
    from ..core.navigation import register_count
    from .inbox_routes import is_mentor, waiting_count
    from .sweep import NOTIFICATION_KINDS

    register_count("inbox_waiting", waiting_count)
    register_nav_link("inbox.index", _l("Inbox"), 35, shown=is_mentor, count="inbox_waiting")
    register_kinds(NOTIFICATION_KINDS)
    # Logging in is activity: a mentor paused for silence takes requests again (the log-in route commits).
    user_logged_in.connect(_came_back)


def _came_back(_app, user, **_extra) -> None:
    from .sweep import mark_mentor_active

    mark_mentor_active(user)


def register_mentorships() -> None:
    """Mentorships, programmes, plans, meetings, printing, the curator's view (mentorship_routes.py)."""
    from ..accounts import pages as account_pages
    from ..core import records
    from ..mentors.models import register_contact_grant
    from ..notifications.texts import register_kinds
    from ..organisations.pages import PageSection
    from .models import Mentorship
    from .pairs import contact_grant

    def curated_mentoring(user) -> PageSection:
        """On a curator's account page: the mentoring of the organisations they curate."""
        curated = [grant.organisation for grant in user.role_grants if grant.organisation is not None]
        return PageSection("mentorships/_account_section.html",
                           {"organisations": sorted(curated, key=lambda organisation: organisation.name)})

    register_labels("mentorship", _l("Mentorships"), {
        "complete": _l("Mentorship completed"),
        "extend": _l("Mentoring programme extended"),
        "request_replacement": _l("The mentee asked to replace the mentor"),
    })
    records.register(records.RecordType(
        "mentorship", Mentorship, "title",
        moderator=records.Page("mentorships.detail", "mentorship_id"),
        owner=records.Page("mentorships.detail", "mentorship_id"),
    ))
    register_contact_grant(contact_grant)
    account_pages.register_nav_link("mentorships.index", _l("My mentorships"), 60)
    account_pages.register_section("mentoring_curation", curated_mentoring)
    register_kinds({
        "mentorship.completed": _l("A mentorship you take part in or curate is completed"),
        "mentorship.replacement_requested": _l("A mentee asks to replace their mentor"),
    })


def register() -> None:
    register_requests()
    register_inbox()
    register_mentorships()
