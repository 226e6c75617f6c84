"""Rebuilding the index from the database, and what /healthz reports about it."""
import logging
from collections.abc import Callable
from contextlib import contextmanager

from flask import current_app
from tantivy import Query

from ..extensions import db
from . import engine, registry, sync
from .documents import to_document
from .engine import IndexBusy

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@contextmanager
def _holding_current_writer():
    """Hold the current generation's writer while a new one is built: updates wait in the outbox (and are
    applied to the new generation) instead of going to the old one and being lost with it. A current index
    that cannot be opened at all (damaged) is simply replaced."""
    try:
        holder = engine.writer(wait=True)
        holder.__enter__()
    except IndexBusy:
        raise
    except Exception:  # noqa: BLE001 - a damaged index is what a rebuild repairs
        log.warning("the current search index cannot be opened; replacing it", exc_info=True)
        holder = None
    try:
        yield
    finally:
        if holder is not None:
            holder.__exit__(None, None, None)


def rebuild(progress: Progress | None = None) -> int:
    """Re-index every public record into a new generation and make it current; returns how many were indexed.
    The old generation answers searches until then. ``progress(done, total)`` is called as documents are
    added."""
    seen_stale = engine.stale_marker()
    session = db.session
    types = registry.types()
    total = sum(searchable.count(session) for searchable in types)
    done = 0
    with _holding_current_writer():
        generation = engine.new_generation()
        with engine.writer(heap=engine.REBUILD_HEAP, generation=generation) as (_index, index_writer):
            for searchable in types:
                for document in searchable.documents(session, None):
                    index_writer.add_document(to_document(searchable, document))
                    done += 1
                    if progress:
                        progress(done, total)
        engine.write_meta(generation, filled=True)
        engine.make_current(generation)
    sync.apply_pending(wait=True)
    engine.clear_stale(seen_stale)
    log.info("search index rebuilt: %d documents", done)
    return done


def _needs_rebuild() -> str | None:
    generation = engine.current_generation()
    if generation is None:
        return "missing"
    meta = engine.read_meta(generation)
    if meta.get("schema_version") != engine.schema_version():
        return f"schema version {meta.get('schema_version')}, expected {engine.schema_version()}"
    try:
        engine.open_index(generation)
    except Exception:  # noqa: BLE001 - unreadable: rebuild it
        return "unreadable"
    if not meta.get("rebuilt"):
        return "never filled from the database"
    if engine.stale_marker() is not None:
        return "stale: an update was missed"
    return None


def ensure_index() -> bool:
    """Rebuild when the index is missing, of an older schema, never filled, or stale (True); otherwise apply
    the changes still pending (False)."""
    reason = _needs_rebuild()
    if reason is None:
        sync.apply_pending(wait=True)
        return False
    log.info("rebuilding the search index (%s)", reason)
    rebuild()
    return True


def documents_per_type() -> dict[str, int]:
    _index, searcher = engine.searcher()
    answer = searcher.aggregate(Query.all_query(), {"types": {"terms": {"field": engine.TYPE, "size": 1000}}})
    return {bucket["key"]: bucket["doc_count"] for bucket in answer["types"]["buckets"]}


def index_status() -> dict:
    """What /healthz shows: documents per type, schema, staleness, and changes waiting too long to be applied
    (longer than SEARCH_PENDING_MAX_AGE seconds: the index is degraded)."""
    status = {"ok": False, "documents": {}, "schema_version": None, "stale": False, "pending": 0, "error": None}
    try:
        status["schema_version"] = engine.read_meta(engine.current_generation()).get("schema_version")
        status["stale"] = engine.stale_marker() is not None
        status["pending"] = sync.pending_count()
        if engine.current_generation() is not None:
            status["documents"] = documents_per_type()
        reason = _needs_rebuild()
        if reason and not status["stale"] and "never filled" not in reason:
            status["error"] = reason
        age = sync.oldest_pending_age()
        if status["error"] is None and age is not None and age > current_app.config["SEARCH_PENDING_MAX_AGE"]:
            status["error"] = f"updates waiting {int(age)} s"
        status["ok"] = status["error"] is None and not status["stale"]
    except Exception as error:  # noqa: BLE001 - health reports the problem instead of failing
        log.exception("search index status")
        status["error"] = str(error) or type(error).__name__
    return status
