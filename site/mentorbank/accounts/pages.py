"""What the areas above accounts show on the person's account page ("my account").

Accounts sits below the domains, so it cannot ask them for the person's records; each domain registers a
section instead, as on an organisation's page (organisations/pages.py): a function of the user that returns
the template to include and its context."""
from collections.abc import Callable

from ..organisations.pages import PageSection
from .models import User

_SECTIONS: dict[str, Callable[[User], PageSection]] = {}


def register_section(name: str, section: Callable[[User], PageSection]) -> None:
    _SECTIONS[name] = section


def sections_of(user: User) -> list[PageSection]:
    return [section(user) for section in _SECTIONS.values()]
