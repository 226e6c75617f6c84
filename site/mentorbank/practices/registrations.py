"""What the practice bank declares to the app-wide registries (called once by the app factory): its record
pages, its moderated kind, its notifications' words, the practices on an organisation's page and on their
authors' mentor profiles."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..accounts import pages as account_pages
from ..attachments import register_owner
from ..core import records
from ..core.security import public_url
from ..core.text import shortened
from ..extensions import db
from ..feed import FeedEntry, register_source
from ..notifications.texts import register_kinds
from ..organisations.pages import PageSection, register_section
from . import files, moderated  # noqa: F401  (registers practices as a moderated kind on import)
from .models import Practice, PracticeVersion, practice_version_author, public_practices

SECTION_LIMIT = 50
FEED_SUMMARY_LENGTH = 400


def _newest_first(statement) -> list[Practice]:
    return list(db.session.scalars(statement.order_by(Practice.first_published_at.desc(), Practice.id.desc())
                                   .limit(SECTION_LIMIT)))


def organisation_practices(organisation) -> PageSection:
    """The organisation's published practices, and the practices its school adopted."""
    own = _newest_first(public_practices().where(PracticeVersion.organisation_id == organisation.id))
    adopted = _newest_first(public_practices().where(Practice.adoptions.any(organisation_id=organisation.id)))
    return PageSection("practices/_organisation_section.html", {"practices": own, "adopted": adopted})


def person_practices(user) -> PageSection | None:
    """The published practices the person is an author of (on their mentor profile)."""
    authored = _newest_first(public_practices().where(PracticeVersion.id.in_(
        select(practice_version_author.c.version_id).where(practice_version_author.c.user_id == user.id))))
    return PageSection("practices/_person_section.html", {"practices": authored}) if authored else None


def newest_practices(limit: int) -> list[FeedEntry]:
    """The feed's source: practices newly published in the bank, newest first (a new version of a practice
    already announced is not news again)."""
    practices = db.session.scalars(public_practices().order_by(Practice.first_published_at.desc(),
                                                               Practice.id.desc()).limit(limit))
    entries = []
    for practice in practices:
        version = practice.published_version
        url = public_url("practices.detail", practice_id=practice.id)
        entries.append(FeedEntry(
            id_uri=url, title=version.title, url=url, updated=practice.first_published_at,
            summary=shortened(version.summary, FEED_SUMMARY_LENGTH),
            author=version.organisation.name if version.organisation is not None else "",
        ))
    return entries


def register() -> None:
    account_pages.register_nav_link("practices.mine", _l("My practices"), 40)
    records.register(records.RecordType(
        "practice", Practice, "title",
        public=records.Page("practices.detail", "practice_id"),
        moderator=records.Page("moderation.practice", "practice_id"),
        owner=records.Page("practices.mine"),
    ))
    register_owner(files.VERSION_OWNER_KIND, files.may_view_version_files)
    register_section("practices", organisation_practices)
    account_pages.register_public_section("practices", person_practices)
    register_kinds({
        "practice.approved": _l("Your practice is published in the bank"),
        "practice.returned": _l("Your practice was returned for changes"),
        "practice.changes_approved": _l("The changes to your practice are approved and published"),
        "practice.changes_returned": _l(
            "The changes to your practice were returned; the published version stays in the bank"),
    })
    register_source("practices", newest_practices)
