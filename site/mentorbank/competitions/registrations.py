"""What the competitions area declares to the app-wide registries (called once by the app factory): its record
pages, the recognition on an organisation's page and on a mentor's profile, the person's entries on their
account page."""
from ..accounts import pages as account_pages
from ..attachments import register_owner
from flask_babel import gettext as _

from ..core import records
from ..core.security import public_url
from ..feed import FeedEntry, register_source
from ..mentors.sections import register_profile_section
from ..organisations.pages import PageSection, register_section
from . import services
from .models import Competition, Entry
from .recognition import awards_of_organisation, awards_of_user, newest_results


def organisation_awards(organisation) -> PageSection:
    return PageSection("competitions/_awards_section.html", {"awards": awards_of_organisation(organisation.id)})


def mentor_awards(profile) -> PageSection | None:
    awards = awards_of_user(profile.user_id)
    return PageSection("competitions/_awards_section.html", {"awards": awards}) if awards else None


def account_entries(user) -> PageSection:
    return PageSection("competitions/_account_section.html", {"entries": services.entries_of(user.id)})


def published_results(limit: int) -> list[FeedEntry]:
    """The feed's source: competitions whose results were published. Results reopened and published again are
    a new entry (the id carries the publication time), so readers hear of the change."""
    entries = []
    for competition in newest_results(limit):
        url = public_url("competitions.detail", competition_id=competition.id)
        published = competition.results_published_at
        host = url.split("/")[2]
        entries.append(FeedEntry(
            id_uri=f"tag:{host},{published:%Y-%m-%d}:competition-{competition.id}-results-{published:%Y%m%dT%H%M%S}",
            title=_("Results: %(title)s", title=competition.title), url=url, updated=published,
            summary=_("The winners of the competition «%(title)s» (%(year)s) are published.",
                      title=competition.title, year=competition.year),
        ))
    return entries


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
    register_source("competitions", published_results)
