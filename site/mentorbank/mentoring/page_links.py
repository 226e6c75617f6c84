"""The links a mentorship's page offers, declared by the areas that own the pages they lead to (evaluation's
forms, publishing the programme to the bank), so the mentorship page never lists other areas' endpoints."""
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import url_for


@dataclass(frozen=True)
class MentorshipLink:
    endpoint: str  # called with mentorship_id=
    label: Any  # a lazy string, rendered in the reader's language
    # (mentorship, logged-in user) → whether this person is offered the link; the route checks again.
    shown: Callable[[Any, Any], bool]
    position: int = 100


_LINKS: list[MentorshipLink] = []


def register_mentorship_link(endpoint: str, label, shown: Callable[[Any, Any], bool], position: int = 100) -> None:
    if all(link.endpoint != endpoint for link in _LINKS):
        _LINKS.append(MentorshipLink(endpoint, label, shown, position))


def mentorship_links(mentorship, user) -> list[tuple[str, str]]:
    """(url, label) of the links this person is offered on this mentorship's page, in their order."""
    return [(url_for(link.endpoint, mentorship_id=mentorship.id), str(link.label))
            for link in sorted(_LINKS, key=lambda link: link.position) if link.shown(mentorship, user)]
