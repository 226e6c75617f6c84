"""Rebuilding the index from the database, and what /healthz reports about it."""
import logging
from collections.abc import Callable

from whoosh.index import LockError
from whoosh.writing import CLEAR

from ..extensions import db
from . import index
from .schemas import SCHEMA_VERSION

log = logging.getLogger(__name__)

# A freshly created index this large is filled by two processes into several segments (12.7 s instead of
# 31 s for 20,000 documents, DESIGN.md §7); a refill of an existing index keeps one writer, so the old
# generation stays searchable until the new one is committed.
PARALLEL_FROM = 5000
PROCS = 2

Progress = Callable[[int, int], None]


def rebuild(progress: Progress | None = None) -> int:
    """Re-index every public record; returns how many were indexed. ``progress(done, total)`` is called
    as documents are added."""
    directory = index.index_dir()
    directory.mkdir(parents=True, exist_ok=True)
    seen_stale = index.stale_marker()
    current = index.read_meta(directory).get("schema_version") == SCHEMA_VERSION
    session = db.session
    total = sum(doc_type.count(session) for doc_type in index.all_types())
    done = 0
    for doc_type in index.all_types():
        fresh = not current or not index.exists(doc_type, directory)
        if fresh:
            index.create(doc_type, directory)
        writer_options = {"procs": PROCS, "multisegment": True} if fresh and total >= PARALLEL_FROM else {}

        def fill(writer, doc_type=doc_type):
            nonlocal done
            for record in doc_type.load(session, None):
                writer.add_document(**doc_type.document(record))
                done += 1
                if progress:
                    progress(done, total)

        if fresh:
            index.write(doc_type, fill, writer_options=writer_options)
            continue
        done_before = done
        try:
            index.write(doc_type, fill, mergetype=CLEAR)
        except LockError:
            raise
        except Exception:  # noqa: BLE001 - a damaged index: start it again from nothing
            log.warning("search index %s is damaged; re-creating it", doc_type.name, exc_info=True)
            done = done_before
            index.create(doc_type, directory)
            index.write(doc_type, fill)
    index.write_meta(directory, rebuilt=True)
    index.clear_stale(seen_stale)
    log.info("search index rebuilt: %d documents", done)
    return done


def _needs_rebuild() -> str | None:
    meta = index.read_meta()
    missing = [doc_type.name for doc_type in index.all_types() if not index.exists(doc_type)]
    if missing:
        return f"missing: {', '.join(missing)}"
    if meta.get("schema_version") != SCHEMA_VERSION:
        return f"schema version {meta.get('schema_version')}, expected {SCHEMA_VERSION}"
    if not meta.get("rebuilt"):
        return "never filled from the database"
    if index.stale_marker() is not None:
        return "stale: an update was missed"
    return None


def ensure_index() -> bool:
    """Rebuild when the index is missing, of an older schema, never filled, or stale; True if rebuilt."""
    reason = _needs_rebuild()
    if reason is None:
        return False
    log.info("rebuilding the search index (%s)", reason)
    rebuild()
    return True


def index_status() -> dict:
    status = {"ok": False, "documents": {}, "schema_version": None, "stale": False, "error": None}
    try:
        status["schema_version"] = index.read_meta().get("schema_version")
        status["stale"] = index.stale_marker() is not None
        for doc_type in index.all_types():
            if index.exists(doc_type):
                status["documents"][doc_type.name] = index.searcher(doc_type).searcher.doc_count()
        reason = _needs_rebuild()
        if reason and not status["stale"] and "never filled" not in reason:
            status["error"] = reason
        status["ok"] = status["error"] is None and not status["stale"]
    except Exception as error:  # noqa: BLE001 - health reports the problem instead of failing
        log.exception("search index status")
        status["error"] = str(error) or type(error).__name__
    return status
