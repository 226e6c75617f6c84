"""What the mentors area declares to the app-wide registries (called once by the app factory): its record
pages, its moderated kind, the mentors section of an organisation's page and the person's mentor profiles on
their account page."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..accounts import pages as account_pages
from ..core import records
from ..extensions import db
from ..organisations.pages import PageSection, register_section
from . import moderated  # noqa: F401  (registers mentor profiles as a moderated kind on import)
from .cards import mentor_cards
from .models import MentorProfile, profiles_of


def organisation_mentors(organisation) -> PageSection:
    """The organisation's public mentor teams' and mentors' cards, by name."""
    ids = db.session.scalars(select(MentorProfile.id).where(
        MentorProfile.is_public, MentorProfile.organisation_id == organisation.id
    ))
    cards = sorted(mentor_cards(ids).values(), key=lambda card: card.display_name.casefold())
    return PageSection("mentors/_organisation_section.html", {
        "teams": [card for card in cards if card.is_team],
        "mentors": [card for card in cards if not card.is_team],
    })


def account_mentor_profiles(user) -> PageSection:
    """The person's own mentor profiles, whatever their status, or an invitation to become a mentor."""
    return PageSection("account/_mentor_profiles_section.html", {"profiles": profiles_of(user.id)})


def register() -> None:
    account_pages.register_nav_link("mentor_application.index", _l("Mentor profiles"), 30)
    records.register(records.RecordType(
        "mentor_profile", MentorProfile, "display_name",
        public=records.Page("mentors.detail", "profile_id"),
        moderator=records.Page("moderation.mentor_profile", "profile_id"),
        owner=records.Page("submissions.index"),
        aliases=("mentor",),
    ))
    register_section("mentors", organisation_mentors)
    account_pages.register_section("mentors", account_mentor_profiles)
