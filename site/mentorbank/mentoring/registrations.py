"""What mentoring declares to the app-wide registries (called once by the app factory): its record pages, the
links of the account's navigation, its notifications' words, who else sees a mentor's contacts.

One function per part of the area, so each part keeps its declarations together."""
from flask_babel import lazy_gettext as _l

from ..audit.labels import register_labels


def register_requests() -> None:
    """Requests and suggestions (request_routes.py)."""
    register_labels("mentoring_request", _l("Mentoring requests"), {
        "send": _l("Mentoring request sent to a mentor"),
        "accept": _l("Mentoring request accepted"),
        "decline": _l("Mentoring request declined"),
        "withdraw": _l("Mentoring request withdrawn by the mentee"),
        "withdraw_on_acceptance": _l("Mentoring request withdrawn: another one was accepted"),
        "expire": _l("Mentoring request expired unanswered"),
    })


def register_inbox() -> None:
    """The mentor's inbox, answers and the silence sweep (inbox_routes.py)."""


def register_mentorships() -> None:
    """Mentorships, programmes, plans, meetings, printing, the curator's view (mentorship_routes.py)."""
    register_labels("mentorship", _l("Mentorships"), {"complete": _l("Mentorship completed")})


def register() -> None:
    register_requests()
    register_inbox()
    register_mentorships()
