"""The index on disk: one Whoosh index per type in SEARCH_INDEX_DIR, a metadata file with the schema
version, a stale marker, cached searchers and lock-safe writers.

The directory is read from the app config on every call (tests change it per test); caches are keyed by it.
"""
import fcntl
import json
import logging
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from flask import current_app
from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.searching import Searcher
from whoosh.writing import SegmentWriter

from .documents import DOC_TYPES, DocType
from .schemas import SCHEMA_VERSION

log = logging.getLogger(__name__)

META_FILE = "mentorbank-index.json"
STALE_FILE = "STALE"
CREATE_LOCK_FILE = "create.lock"
# A writer waits for the lock this long, this many times: several workers committing at once queue up
# instead of losing updates (the default writer lost 75 of 100 concurrent commits, DESIGN.md §7).
WRITER_TIMEOUT = 10.0
WRITER_DELAY = 0.05
WRITER_ATTEMPTS = 3

# Searchers are not shared between threads (Whoosh reads files through shared file objects).
_local = threading.local()


def index_dir() -> Path:
    return Path(current_app.config["SEARCH_INDEX_DIR"])


def read_meta(directory: Path | None = None) -> dict:
    try:
        return json.loads(((directory or index_dir()) / META_FILE).read_text())
    except (OSError, ValueError):
        return {}


def write_meta(directory: Path, rebuilt: bool) -> None:
    """``rebuilt`` is False for an index created empty on first use: ``ensure_index`` then fills it."""
    (directory / META_FILE).write_text(json.dumps({"schema_version": SCHEMA_VERSION, "rebuilt": rebuilt}))


@contextmanager
def _create_lock(directory: Path):
    """Serialises creating indexes between processes (workers may find a fresh directory at once)."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / CREATE_LOCK_FILE, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def exists(doc_type: DocType, directory: Path | None = None) -> bool:
    """Whether one type's index is there and readable (a damaged one counts as missing: rebuild it)."""
    directory = directory or index_dir()
    try:
        return directory.is_dir() and whoosh_index.exists_in(str(directory), indexname=doc_type.indexname)
    except Exception:  # noqa: BLE001 - any unreadable table of contents
        log.warning("search index %s in %s is unreadable", doc_type.name, directory, exc_info=True)
        return False


def create(doc_type: DocType, directory: Path) -> whoosh_index.Index:
    """Create (or empty and re-create, with the current schema) one type's index."""
    with _create_lock(directory):
        created = whoosh_index.create_in(str(directory), doc_type.schema(), indexname=doc_type.indexname)
        if not read_meta(directory):
            write_meta(directory, rebuilt=False)
    _forget_searchers(directory)
    return created


def _present(doc_type: DocType, directory: Path) -> bool:
    """Whether the index has files at all, readable or not (a damaged index is not silently replaced)."""
    return any(directory.glob(f"_{doc_type.indexname}_*.toc"))


def open_index(doc_type: DocType) -> whoosh_index.Index:
    """Open one type's index, creating it empty when missing, so a fresh site searches and indexes."""
    directory = index_dir()
    if not _present(doc_type, directory):
        with _create_lock(directory):
            if not _present(doc_type, directory):
                whoosh_index.create_in(str(directory), doc_type.schema(), indexname=doc_type.indexname)
                if not read_meta(directory):
                    write_meta(directory, rebuilt=False)
    return whoosh_index.open_dir(str(directory), indexname=doc_type.indexname)


# -- searchers ----------------------------------------------------------------------------------------


class CachedSearcher:
    """A searcher kept per thread and refreshed, not reopened, when the index changed; ``cache`` holds
    data computed from this exact generation (facet bitmaps), dropped with it."""

    def __init__(self, searcher: Searcher):
        self.searcher = searcher
        self.cache: dict = {}


def _searchers() -> dict:
    if not hasattr(_local, "searchers"):
        _local.searchers = {}
    return _local.searchers


def _forget_searchers(directory: Path) -> None:
    cached = _searchers()
    for key in [key for key in cached if key[0] == str(directory)]:
        del cached[key]


def searcher(doc_type: DocType) -> CachedSearcher:
    key = (str(index_dir()), doc_type.indexname)
    cached = _searchers().get(key)
    if cached is None:
        cached = CachedSearcher(open_index(doc_type).searcher())
    else:
        fresh = cached.searcher.refresh()
        if fresh is not cached.searcher:
            # The old searcher shares segment readers with the new one: it is left to the garbage collector.
            cached = CachedSearcher(fresh)
    _searchers()[key] = cached
    return cached


# -- writing ------------------------------------------------------------------------------------------


def write(
    doc_type: DocType, change: Callable[[SegmentWriter], None], writer_options: dict | None = None, **commit_options
) -> None:
    """Apply ``change`` in one writer, waiting for the lock and retrying; raises LockError if never got."""
    ix = open_index(doc_type)
    for attempt in range(1, WRITER_ATTEMPTS + 1):
        try:
            writer = ix.writer(timeout=WRITER_TIMEOUT, delay=WRITER_DELAY, **(writer_options or {}))
        except LockError:
            log.warning("search index %s is locked (attempt %d of %d)", doc_type.name, attempt, WRITER_ATTEMPTS)
            continue
        try:
            change(writer)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(**commit_options)
        return
    raise LockError(f"could not lock the {doc_type.name} index")


# -- staleness ----------------------------------------------------------------------------------------


def mark_stale(reason: str) -> None:
    """Remember that the index missed an update; ``ensure_index`` and /healthz see it. Never raises."""
    try:
        directory = index_dir()
        directory.mkdir(parents=True, exist_ok=True)
        (directory / STALE_FILE).write_text(f"{time.time()} {reason}\n")
    except OSError:
        log.exception("cannot mark the search index stale")


def stale_marker() -> str | None:
    try:
        return (index_dir() / STALE_FILE).read_text()
    except OSError:
        return None


def clear_stale(seen: str | None) -> None:
    """Remove the marker only if nobody marked the index stale again since ``seen`` was read."""
    if stale_marker() == seen and seen is not None:
        (index_dir() / STALE_FILE).unlink(missing_ok=True)


def all_types() -> list[DocType]:
    return list(DOC_TYPES.values())
