"""What the domains show on an organisation's public page.

The organisations area sits below the domains (mentors, and practices next), so it cannot ask them for their
records; each domain registers a section instead: a function of the organisation that returns the template to
include and its context, computed from that domain's public query.
"""
from collections.abc import Callable
from dataclasses import dataclass

from .models import Organisation


@dataclass(frozen=True)
class PageSection:
    template: str
    context: dict


_SECTIONS: dict[str, Callable[[Organisation], PageSection]] = {}


def register_section(name: str, section: Callable[[Organisation], PageSection]) -> None:
    _SECTIONS[name] = section


def sections_of(organisation: Organisation) -> list[PageSection]:
    return [section(organisation) for section in _SECTIONS.values()]
