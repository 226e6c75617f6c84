"""The index follows the database after commit (microblog's pattern, made safe for several workers).

Flushes record which mentor profiles, organisations, users, municipalities and regions changed; after the
commit the affected documents are read again through a new session (never the committed one, whose objects
are expired) and updated, or deleted when no longer public. A rolled-back transaction indexes nothing. If
the index cannot be updated the commit still stands: the error is logged and the index marked stale.
"""
import logging
from dataclasses import dataclass, field
from itertools import chain

from flask import has_app_context
from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import event, inspect, or_, select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..mentors.models import MentorProfile
from ..organisations.models import Municipality, Organisation, Region
from . import index
from .documents import MENTOR, ORGANISATION, DocType

log = logging.getLogger(__name__)

CHANGES_KEY = "mentorbank.search.changes"


@dataclass
class Changes:
    profiles: set[int] = field(default_factory=set)
    organisations: set[int] = field(default_factory=set)
    users: set[int] = field(default_factory=set)
    municipalities: set[int] = field(default_factory=set)
    regions: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return any((self.profiles, self.organisations, self.users, self.municipalities, self.regions))


WATCHED = {
    MentorProfile: "profiles",
    Organisation: "organisations",
    User: "users",
    Municipality: "municipalities",
    Region: "regions",
}


def _after_flush(session: Session, _flush_context) -> None:
    # Here new objects have their ids and new/dirty/deleted still describe the flush.
    changes = session.info.setdefault(CHANGES_KEY, Changes())
    for record in chain(session.new, session.dirty, session.deleted):
        bucket = WATCHED.get(type(record))
        if bucket and (record not in session.dirty or session.is_modified(record)):
            getattr(changes, bucket).add(record.id)


def _after_commit(session: Session) -> None:
    changes = session.info.pop(CHANGES_KEY, None)
    if changes and has_app_context():
        apply(changes, session.get_bind(mapper=inspect(MentorProfile).mapper))


def _after_transaction_end(session: Session, transaction) -> None:
    # A rolled-back (or closed, uncommitted) transaction indexes nothing. Savepoints are left alone: the
    # documents are read again after the commit, so a change recorded and then undone costs one update.
    if transaction.parent is None:
        session.info.pop(CHANGES_KEY, None)


def affected(session: Session, changes: Changes) -> tuple[set[int], set[int]]:
    """The mentor profile ids and organisation ids whose documents may have changed."""
    organisation_ids = set(changes.organisations)
    if changes.municipalities or changes.regions:
        organisation_ids.update(session.scalars(
            select(Organisation.id).join(Municipality).where(or_(
                Municipality.id.in_(changes.municipalities), Municipality.region_id.in_(changes.regions)
            ))
        ))
    profile_ids = set(changes.profiles)
    if organisation_ids or changes.users:
        # A mentor's document carries their organisation's name and place, and the person's name and post.
        profile_ids.update(session.scalars(
            select(MentorProfile.id).where(or_(
                MentorProfile.organisation_id.in_(organisation_ids), MentorProfile.user_id.in_(changes.users)
            ))
        ))
    return profile_ids, organisation_ids


def reindex(session: Session, doc_type: DocType, ids: set[int]) -> None:
    """Update the documents of these records; the ones not public (any more) leave the index."""
    if not ids:
        return
    documents = [doc_type.document(record) for record in doc_type.load(session, ids)]
    gone = {str(record_id) for record_id in ids} - {document["id"] for document in documents}

    def change(writer):
        for document in documents:
            writer.update_document(**document)
        for record_id in gone:
            writer.delete_by_term("id", record_id)

    index.write(doc_type, change)


def apply(changes: Changes, bind) -> None:
    """Never raises: the database write already stands; a missed update marks the index stale."""
    try:
        # A new session sees what was committed; on a test's outer connection it reads inside a savepoint.
        with Session(bind=bind, join_transaction_mode="create_savepoint") as fresh:
            profile_ids, organisation_ids = affected(fresh, changes)
            reindex(fresh, ORGANISATION, organisation_ids)
            reindex(fresh, MENTOR, profile_ids)
    except Exception as error:  # noqa: BLE001 - see the docstring
        log.exception("search index update failed; marking the index stale")
        index.mark_stale(f"update failed: {type(error).__name__}: {error}")


def listen() -> None:
    """Listen on Flask-SQLAlchemy's session class (every app's sessions, tests' ones too), once."""
    for name, listener in (
        ("after_flush", _after_flush),
        ("after_commit", _after_commit),
        ("after_transaction_end", _after_transaction_end),
    ):
        if not event.contains(FlaskSession, name, listener):
            event.listen(FlaskSession, name, listener)
