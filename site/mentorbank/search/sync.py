"""The index follows the database through an outbox (models.SearchPendingChange).

Flushes record, in the same transaction, which documents the changed records affect (from the declarations'
``watches``); a rolled-back transaction leaves no row. After the commit the rows are applied at once if the
index writer is free, and left for later if it is busy: a save never waits on the index. Whatever a worker
did not apply (busy, killed between the commit and the index) is applied by the next commit, the catch-up
of a later request, or ``flask search sync``/``ensure``. A failed update (not a busy one) marks the index
stale; the rows stay.
"""
import logging
import time
from collections import defaultdict
from itertools import chain

from flask import current_app, has_app_context
from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import delete, event, func, insert, select
from sqlalchemy.orm import Session

from ..core.models import utcnow
from ..extensions import db
from . import engine, registry
from .documents import key, to_document
from .engine import IndexBusy
from .models import SearchPendingChange

log = logging.getLogger(__name__)

WRITTEN_KEY = "mentorbank.search.pending_written"
BATCH = 1000
UPDATE, DELETE = "update", "delete"


def _changed_records(session: Session) -> tuple[dict[type, set[int]], dict[type, set[int]]]:
    """Ids of changed rows per watched class, and of deleted rows per class."""
    watched = {cls for searchable in registry.types() for cls in searchable.watches}
    changed, deleted = defaultdict(set), defaultdict(set)
    for record in chain(session.new, session.dirty, session.deleted):
        cls = type(record)
        if cls not in watched or (record in session.dirty and not session.is_modified(record)):
            continue
        changed[cls].add(record.id)
        if record in session.deleted:
            deleted[cls].add(record.id)
    return changed, deleted


def _after_flush(session: Session, _flush_context) -> None:
    # Here new objects have their ids and new/dirty/deleted still describe the flush.
    changed, deleted = _changed_records(session)
    if not changed:
        return
    now, rows = utcnow(), []
    for searchable in registry.types():
        own_model = next(iter(searchable.watches), None)
        affected = set()
        for cls, records_of in searchable.watches.items():
            if changed.get(cls):
                affected |= records_of(session, changed[cls])
        for record_id in sorted(affected):
            action = DELETE if record_id in deleted.get(own_model, ()) else UPDATE
            rows.append({"type": searchable.name, "record_id": record_id, "action": action, "created_at": now})
    if rows:
        # On the flush's own connection: the same transaction as the change.
        session.connection().execute(insert(SearchPendingChange.__table__), rows)
        session.info[WRITTEN_KEY] = True


def _after_commit(session: Session) -> None:
    if session.info.pop(WRITTEN_KEY, False) and has_app_context():
        apply_pending(session.get_bind())


def _after_transaction_end(session: Session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(WRITTEN_KEY, None)


def _apply_batch(bind, index_writer) -> list[int]:
    """Write one batch of pending changes into the writer; the ids of the rows written."""
    with Session(bind=bind, join_transaction_mode="create_savepoint") as session:
        rows = session.execute(
            select(SearchPendingChange.id, SearchPendingChange.type, SearchPendingChange.record_id,
                   SearchPendingChange.action).order_by(SearchPendingChange.id).limit(BATCH)
        ).all()
        by_type = defaultdict(set)
        for row in rows:
            by_type[row.type].add(row.record_id)
        for type_name, ids in by_type.items():
            if type_name not in registry.names():
                continue  # a type no longer declared: nothing of it is searchable any more
            searchable = registry.get(type_name)
            for record_id in ids:
                index_writer.delete_documents_by_term(engine.KEY, key(type_name, record_id))
            for document in searchable.documents(session, ids):
                index_writer.add_document(to_document(searchable, document))
        return [row.id for row in rows]


def _forget(bind, row_ids: list[int]) -> None:
    with Session(bind=bind, join_transaction_mode="create_savepoint") as session:
        session.execute(delete(SearchPendingChange).where(SearchPendingChange.id.in_(row_ids)))
        session.commit()


def apply_pending(bind=None, wait: bool = False) -> int:
    """Apply every pending change; how many were applied. Without ``wait`` a busy index leaves them for
    later. Never raises: the database writes already stand; a failed update marks the index stale."""
    bind = bind if bind is not None else db.session.get_bind()
    applied = 0
    try:
        while True:
            # Rows and records are read while holding the writer, so two workers never write older states
            # over newer ones; the rows go only once the index has committed their documents.
            with engine.writer(wait=wait) as (_index, index_writer):
                row_ids = _apply_batch(bind, index_writer)
            if row_ids:
                _forget(bind, row_ids)
                applied += len(row_ids)
            if len(row_ids) < BATCH:
                return applied
    except IndexBusy:
        log.info("search index busy: %d changes left for later", pending_count(bind))
    except Exception as error:  # noqa: BLE001 - see the docstring
        log.exception("search index update failed; marking the index stale")
        engine.mark_stale(f"update failed: {type(error).__name__}: {error}")
    return applied


def pending_count(bind=None) -> int:
    bind = bind if bind is not None else db.session.get_bind()
    with Session(bind=bind, join_transaction_mode="create_savepoint") as session:
        return session.scalar(select(func.count()).select_from(SearchPendingChange))


def oldest_pending_age(bind=None) -> float | None:
    """Seconds the oldest pending change has waited, or None when none waits."""
    bind = bind if bind is not None else db.session.get_bind()
    with Session(bind=bind, join_transaction_mode="create_savepoint") as session:
        oldest = session.scalar(select(func.min(SearchPendingChange.created_at)))
    return None if oldest is None else max((utcnow() - oldest).total_seconds(), 0.0)


_last_catch_up: dict[str, float] = {}


def catch_up() -> None:
    """Before a request, at most every SEARCH_CATCH_UP_SECONDS per process: apply changes left waiting longer
    than that (by a worker killed after its commit, or while the index was busy). Never blocks on the lock."""
    interval = current_app.config["SEARCH_CATCH_UP_SECONDS"]
    directory = current_app.config["SEARCH_INDEX_DIR"]
    now = time.monotonic()
    if now - _last_catch_up.get(directory, float("-inf")) < interval:
        return
    _last_catch_up[directory] = now
    try:
        age = oldest_pending_age()
    except Exception:  # noqa: BLE001 - a request is never failed by the index's housekeeping
        log.exception("cannot read the search outbox")
        return
    if age is not None and age >= interval:
        apply_pending()


def listen() -> None:
    """Listen on Flask-SQLAlchemy's session class (every app's sessions, tests' ones too), once."""
    for name, listener in (
        ("after_flush", _after_flush),
        ("after_commit", _after_commit),
        ("after_transaction_end", _after_transaction_end),
    ):
        if not event.contains(FlaskSession, name, listener):
            event.listen(FlaskSession, name, listener)
