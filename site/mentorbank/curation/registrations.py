"""What the curator's cabinet declares to the app-wide registries (called once by the app factory): its section
of "my account", shown to curators only."""
from ..accounts import pages as account_pages
from ..organisations.pages import PageSection
from .services import curated_organisations


def account_curated_organisations(user) -> PageSection:
    return PageSection("curation/_account_section.html", {"organisations": curated_organisations(user)})


def register() -> None:
    account_pages.register_section("curation", account_curated_organisations)
