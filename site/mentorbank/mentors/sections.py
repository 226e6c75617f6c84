"""What other domains add to a mentor's public profile (competitions: the recognition of their entries), as
organisations/pages.py does for an organisation's page: a function of the profile returning a section, or
None when it has nothing to show."""
from collections.abc import Callable

from ..organisations.pages import PageSection

_SECTIONS: dict[str, Callable[[object], PageSection | None]] = {}


def register_profile_section(name: str, section: Callable[[object], PageSection | None]) -> None:
    _SECTIONS[name] = section


def profile_sections(profile) -> list[PageSection]:
    return [found for section in _SECTIONS.values() if (found := section(profile)) is not None]
