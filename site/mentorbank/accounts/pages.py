"""What the areas above accounts show on the person's account page ("my account").

Accounts sits below the domains, so it cannot ask them for the person's records; each domain registers a
section instead, as on an organisation's page (organisations/pages.py): a function of the user that returns
the template to include and its context."""
from collections.abc import Callable
from dataclasses import dataclass

from ..organisations.pages import PageSection
from .models import User

_SECTIONS: dict[str, Callable[[User], PageSection]] = {}


def register_section(name: str, section: Callable[[User], PageSection]) -> None:
    _SECTIONS[name] = section


def sections_of(user: User) -> list[PageSection]:
    return [section(user) for section in _SECTIONS.values()]


# What the domains show publicly about a person (on their mentor profile): e.g. the practices they authored.
# A section function returns None when it has nothing to show.
_PUBLIC_SECTIONS: dict[str, Callable[[User], PageSection | None]] = {}


def register_public_section(name: str, section: Callable[[User], PageSection | None]) -> None:
    _PUBLIC_SECTIONS[name] = section


def public_sections_of(user: User) -> list[PageSection]:
    return [shown for section in _PUBLIC_SECTIONS.values() if (shown := section(user)) is not None]


# The links of the account's navigation: accounts' own, then each area's (mentoring: my requests, my inbox …).
# (endpoint, label, position); shown in the order of position, then as registered; ``shown`` (a function of the
# logged-in user) keeps a link to those it concerns (the inbox: mentors); ``count`` names the navigation count
# (core.navigation) shown as its badge.
@dataclass(frozen=True)
class NavLink:
    endpoint: str
    label: object  # a lazy string, rendered in the reader's language
    position: int = 100
    shown: Callable[[User], bool] | None = None
    count: str | None = None

    def shown_to(self, user) -> bool:
        return self.shown is None or self.shown(user)


_NAV_LINKS: list[NavLink] = []


def register_nav_link(endpoint: str, label, position: int = 100, shown: Callable[[User], bool] | None = None,
                      count: str | None = None) -> None:
    if all(link.endpoint != endpoint for link in _NAV_LINKS):
        _NAV_LINKS.append(NavLink(endpoint, label, position, shown, count))


def nav_links() -> list[NavLink]:
    return sorted(_NAV_LINKS, key=lambda link: link.position)
