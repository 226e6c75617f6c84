"""What people do with practices: start one, edit it (a new version when it is published), submit it, and the
moderator's decisions; and the competitions' contract: a contest's winning work becomes (or updates) a
published practice carrying its provenance. Services only flush: the request commits once."""
from collections.abc import Sequence
from dataclasses import dataclass

from ..accounts.models import User
from ..core.versioning import start_pending_version
from ..core.workflow import transition
from ..extensions import db
from ..vocabularies.models import Term
from . import lifecycle  # noqa: F401  (registers the workflow's hooks before the first transition)
from .content import PRACTICE_CONTENT, copy_version
from .models import Place, Practice, PracticeStatus, PracticeVersion

VERSION_OWNER_KIND = "practice_version"  # the attachments' owner kind of a version's files


@dataclass(frozen=True)
class Provenance:
    """Where a practice comes from: a contest (a competition of the site, or a past one named in text)."""
    competition_id: int | None = None
    competition_title: str | None = None
    nomination: str | None = None
    year: int | None = None
    place: Place | str | None = None


def start_practice(owner: User, organisation_id: int | None = None) -> Practice:
    """A new practice with an empty draft, in its owner's hands."""
    practice = Practice(owner_id=owner.id if owner is not None else None)
    db.session.add(practice)
    db.session.flush()
    version = PracticeVersion(record_id=practice.id, organisation_id=organisation_id, status=PracticeStatus.DRAFT)
    db.session.add(version)
    practice.pending_version = version
    db.session.flush()
    return practice


def editable_version(practice: Practice) -> PracticeVersion:
    """The version the owner edits: the pending one, or a new one copied from the published version (the
    published one stays public until the new one is approved). A submitted version goes back to draft."""
    pending = practice.pending_version
    if pending is None:
        with db.session.no_autoflush:
            pending = start_pending_version(db.session, practice, PracticeVersion, PRACTICE_CONTENT)
            pending.status = PracticeStatus.DRAFT
            pending.authors = list(practice.published_version.authors)
        _copy_files(practice.published_version, pending)
        db.session.flush()
    return pending


def save_content(version: PracticeVersion, values: dict, terms: Sequence[Term], authors: Sequence[User] = ()) -> None:
    """The typed fields, the terms and the authors with accounts of a version in the owner's hands."""
    for name in PRACTICE_CONTENT.typed_field_names:
        if name in values:
            setattr(version, name, values[name])
    if "organisation_id" in values:
        version.organisation_id = values["organisation_id"]
    version.terms = list(terms)
    version.authors = list(authors)
    db.session.flush()


def submit(practice: Practice, user: User) -> None:
    """Send the version in the owner's hands to moderation (again, after a return)."""
    transition(practice.pending_version, PracticeStatus.SUBMITTED, user)


def reopen(practice: Practice, user: User) -> None:
    transition(practice.pending_version, PracticeStatus.DRAFT, user)


def approve(practice: Practice, moderator: User) -> None:
    transition(practice.pending_version, PracticeStatus.PUBLISHED, moderator)


def return_to_author(practice: Practice, moderator: User, reason: str) -> None:
    transition(practice.pending_version, PracticeStatus.RETURNED, moderator, reason)


def create_or_update_from_competition(
    title: str, summary: str, body: str, organisation_id: int | None, authors: Sequence[User | str],
    term_ids: Sequence[int], year: int | None, provenance: Provenance,
    attachments_from: tuple[str, int] | None, source_practice_id: int | None, actor: User | None,
) -> Practice:
    """A contest's winning work as a published practice: a new one, or a new published version of the practice
    the entry came from (``source_practice_id``), carrying the contest's provenance. ``authors`` are users or
    free-text names; ``attachments_from`` names the files to copy (the entry's). The jury has judged the work,
    so no moderator's approval follows: the version is published at once (``actor`` is recorded)."""
    practice = db.session.get(Practice, source_practice_id) if source_practice_id else None
    if practice is None:
        practice = start_practice(None, organisation_id)
        version = practice.pending_version
    else:
        version = PracticeVersion(record_id=practice.id, status=PracticeStatus.DRAFT)
        db.session.add(version)
        db.session.flush()
    people = [author for author in authors if isinstance(author, User)]
    names = [author.strip() for author in authors if isinstance(author, str) and author.strip()]
    terms = list(db.session.scalars(db.select(Term).where(Term.id.in_(list(term_ids))))) if term_ids else []
    save_content(version, {
        "title": title, "summary": summary or "", "body": body or "", "organisation_id": organisation_id,
        "author_names": "\n".join(names) or None, "year": year,
    }, terms, people)
    version.competition_id = provenance.competition_id
    version.competition_title = provenance.competition_title
    version.nomination = provenance.nomination
    version.contest_year = provenance.year
    version.place = Place(provenance.place) if provenance.place else None
    if attachments_from is not None:
        _copy_files_from(attachments_from, version)
    pending, practice.pending_version = practice.pending_version, version
    transition(version, PracticeStatus.PUBLISHED, actor, details={"source": "competition"})
    if pending is not None and pending is not version:
        practice.pending_version = pending  # the owner's own edit keeps waiting beside the new publication
    db.session.flush()
    return practice


def _copy_files(source: PracticeVersion, target: PracticeVersion) -> None:
    _copy_files_from((VERSION_OWNER_KIND, source.id), target)


def _copy_files_from(origin: tuple[str, int], target: PracticeVersion) -> None:
    from . import files

    files.copy_files(origin, (VERSION_OWNER_KIND, target.id))
