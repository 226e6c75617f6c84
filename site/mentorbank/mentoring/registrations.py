"""What mentoring declares to the app-wide registries (called once by the app factory): its record pages, the
links of the account's navigation, its notifications' words, who else sees a mentor's contacts.

One function per part of the area, so each part keeps its declarations together."""


def register_requests() -> None:
    """Requests and suggestions (request_routes.py)."""


def register_inbox() -> None:
    """The mentor's inbox, answers and the silence sweep (inbox_routes.py)."""


def register_mentorships() -> None:
    """Mentorships, programmes, plans, meetings, printing, the curator's view (mentorship_routes.py)."""


def register() -> None:
    register_requests()
    register_inbox()
    register_mentorships()
