"""What the competitions area declares to the app-wide registries (called once by the app factory): its record
pages, the recognition on an organisation's page and on a mentor's profile, the person's entries on their
account page."""
from ..accounts import pages as account_pages
from ..attachments import register_owner
from ..core import records
from ..mentors.sections import register_profile_section
from ..organisations.pages import PageSection, register_section
from . import services
from .models import Competition, Entry
from .recognition import awards_of_organisation, awards_of_user


def organisation_awards(organisation) -> PageSection:
    return PageSection("competitions/_awards_section.html", {"awards": awards_of_organisation(organisation.id)})


def mentor_awards(profile) -> PageSection | None:
    awards = awards_of_user(profile.user_id)
    return PageSection("competitions/_awards_section.html", {"awards": awards}) if awards else None


def account_entries(user) -> PageSection:
    return PageSection("competitions/_account_section.html", {"entries": services.entries_of(user.id)})


def register() -> None:
    records.register(records.RecordType(
        "competition", Competition, "title",
        public=records.Page("competitions.detail", "competition_id"),
        moderator=records.Page("competitions.manage", "competition_id"),
    ))
    records.register(records.RecordType(
        "competition_entry", Entry, "title", public=records.Page("competitions.entry_link", "entry_id"),
    ))
    register_owner(services.ENTRY_OWNER_KIND, services.may_view_entry_files)
    register_section("competitions", organisation_awards)
    register_profile_section("competitions", mentor_awards)
    account_pages.register_section("competitions", account_entries)
