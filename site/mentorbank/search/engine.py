"""The only place that talks to tantivy: the index schema, its directories, readers and the writer lock.

Layout of SEARCH_INDEX_DIR (read from the app config on every call; tests change it per test):
``current`` names the generation directory searched now; ``gen-*`` are tantivy indexes, each with a meta
file (schema version, whether it was filled from the database); ``STALE`` marks a missed update. A rebuild
fills a new generation and replaces ``current`` atomically (os.replace), so the old one answers until then.

One writer at a time, across threads and processes: tantivy's own lock file. A busy lock is ``IndexBusy``,
never the engine's error. Readers reload before each search, so a commit is visible at once in every worker.
"""
import fcntl
import hashlib
import json
import logging
import os
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import tantivy
from flask import current_app

from . import registry

log = logging.getLogger(__name__)

# Bump with any change of what documents hold or how text is analysed: ``flask search ensure`` rebuilds.
ANALYSIS_VERSION = 2
POINTER_FILE = "current"
META_FILE = "mentorbank-index.json"
STALE_FILE = "STALE"
CREATE_LOCK_FILE = "create.lock"
GENERATION_PREFIX = "gen-"
# tantivy's minimum writer heap is 15 MB per thread; one thread is plenty for the bank's updates.
WRITER_HEAP = 15_000_000
REBUILD_HEAP = 100_000_000
# How long a waiting writer (commands, rebuilds) retries a busy lock, and the pause between tries.
WAIT_SECONDS = 30.0
RETRY_DELAY = 0.02

KEY, TYPE, ID, TITLE, SORT_NAME, SPELLING, ORIGINALS = "key", "type", "id", "title", "sort_name", "spelling", "originals"


class IndexBusy(Exception):
    """Another writer (a worker, an import, a rebuild) holds the index; try again later."""


def text_field(name: str) -> str:
    return f"t_{name}"


def facet_field(name: str) -> str:
    return f"f_{name}"


def sortable_field(name: str) -> str:
    return f"s_{name}"


def _field_layout() -> dict:
    types = registry.types()
    return {
        "text": sorted({text.name for t in types for text in t.text_fields}),
        "facets": sorted({facet for t in types for facet in t.facets}),
        "sortables": sorted({name for t in types for name in t.sortables}),
    }


def schema_version() -> str:
    """The analysis version and the declared fields: any change means a rebuild."""
    layout = json.dumps({"analysis": ANALYSIS_VERSION, **_field_layout()}, sort_keys=True)
    return hashlib.sha256(layout.encode()).hexdigest()[:12]


def build_schema() -> tantivy.Schema:
    layout = _field_layout()
    builder = tantivy.SchemaBuilder()
    builder.add_text_field(KEY, stored=False, tokenizer_name="raw", index_option="basic")
    builder.add_text_field(TYPE, stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_unsigned_field(ID, stored=True)
    builder.add_bytes_field(TITLE, stored=True)
    builder.add_text_field(SORT_NAME, fast=True, tokenizer_name="raw", index_option="basic")
    # Whole words (folded) for "did you mean": a lexicon of stems would suggest stems.
    builder.add_text_field(SPELLING, tokenizer_name="whitespace", index_option="basic")
    # The original texts of the snippet fields, as JSON: the text fields hold analysed terms only.
    builder.add_bytes_field(ORIGINALS, stored=True)
    for name in layout["text"]:
        builder.add_text_field(text_field(name), tokenizer_name="whitespace", index_option="position")
    for name in layout["facets"]:
        builder.add_text_field(facet_field(name), fast=True, tokenizer_name="raw", index_option="basic")
    for name in layout["sortables"]:
        builder.add_integer_field(sortable_field(name), indexed=True, fast=True)
    return builder.build()


# -- directories ----------------------------------------------------------------------------------------


def root() -> Path:
    return Path(current_app.config["SEARCH_INDEX_DIR"])


def current_generation() -> Path | None:
    try:
        name = (root() / POINTER_FILE).read_text().strip()
    except OSError:
        return None
    path = root() / name
    return path if name and path.is_dir() else None


def read_meta(generation: Path | None) -> dict:
    if generation is None:
        return {}
    try:
        return json.loads((generation / META_FILE).read_text())
    except (OSError, ValueError):
        return {}


def write_meta(generation: Path, filled: bool) -> None:
    (generation / META_FILE).write_text(json.dumps({"schema_version": schema_version(), "rebuilt": filled}))


@contextmanager
def _create_lock():
    """Serialises creating generations between processes (workers may all find a fresh directory at once)."""
    root().mkdir(parents=True, exist_ok=True)
    with open(root() / CREATE_LOCK_FILE, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def new_generation() -> Path:
    """An empty index in a directory of its own, not yet current."""
    root().mkdir(parents=True, exist_ok=True)
    path = root() / f"{GENERATION_PREFIX}{time.time_ns()}-{os.getpid()}-{threading.get_ident()}"
    path.mkdir()
    tantivy.Index(build_schema(), path=str(path), reuse=False)
    write_meta(path, filled=False)
    return path


def make_current(generation: Path) -> None:
    """Point searches and writers at ``generation`` atomically; older generations but the previous one go."""
    pointer = root() / POINTER_FILE
    previous = current_generation()
    temporary = root() / f"{POINTER_FILE}.{os.getpid()}.{threading.get_ident()}"
    temporary.write_text(generation.name)
    os.replace(temporary, pointer)
    keep = {generation.name, previous.name if previous else None}
    for path in root().glob(f"{GENERATION_PREFIX}*"):
        if path.name not in keep and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
            _INDEXES.pop(str(path), None)


def ensure_generation() -> Path:
    """The current generation, created empty on first use so a fresh site searches and indexes."""
    generation = current_generation()
    if generation is not None:
        return generation
    with _create_lock():
        generation = current_generation()
        if generation is None:
            generation = new_generation()
            make_current(generation)
    return generation


# -- opening, reading -----------------------------------------------------------------------------------

_INDEXES: dict[str, tantivy.Index] = {}
_INDEXES_LOCK = threading.Lock()


def open_index(generation: Path) -> tantivy.Index:
    key = str(generation)
    with _INDEXES_LOCK:
        index = _INDEXES.get(key)
        if index is None:
            index = _INDEXES[key] = tantivy.Index.open(key)
    return index


def searcher() -> tuple[tantivy.Index, tantivy.Searcher]:
    """The current index and a searcher that sees its last commit (reloaded: ~1 ms, DESIGN.md §7)."""
    index = open_index(ensure_generation())
    index.reload()
    return index, index.searcher()


def state_token() -> tuple:
    """Changes whenever the searchable data may have changed: a new generation or a new commit in it
    (tantivy rewrites its meta.json at each commit)."""
    generation = ensure_generation()
    try:
        meta = os.stat(generation / "meta.json")
    except OSError:
        return (str(generation),)
    return str(generation), meta.st_mtime_ns, meta.st_size, meta.st_ino


_MEMO: dict[tuple, tuple[tuple, object]] = {}


def memoised(name: str, compute):
    """``compute()``'s value, computed again only when the index changed since (per process)."""
    key = (str(root()), name)
    token = state_token()
    cached = _MEMO.get(key)
    if cached is not None and cached[0] == token:
        return cached[1]
    value = compute()
    _MEMO[key] = (token, value)
    return value


# -- writing ----------------------------------------------------------------------------------------------


def _is_lock_busy(error: Exception) -> bool:
    return isinstance(error, ValueError) and "LockBusy" in str(error)


def _open_writer(index: tantivy.Index, heap: int) -> tantivy.IndexWriter:
    try:
        return index.writer(heap_size=heap, num_threads=1)
    except ValueError as error:
        if _is_lock_busy(error):
            raise IndexBusy("the search index is being written by another process") from error
        raise


@contextmanager
def writer(wait: bool = False, heap: int = WRITER_HEAP, generation: Path | None = None):
    """The writer of the current generation (or of ``generation``), yielded with its index. Without ``wait``
    a busy lock raises IndexBusy at once; with it, tries again for WAIT_SECONDS. Committed when the block
    ends without an error, rolled back otherwise."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        target = generation or ensure_generation()
        index = open_index(target)
        try:
            opened = _open_writer(index, heap)
        except IndexBusy:
            if not wait or time.monotonic() > deadline:
                raise
            time.sleep(RETRY_DELAY)
            continue
        # A rebuild may have swapped generations while this one waited: write to the current one only.
        if generation is None and current_generation() != target:
            _release(opened, commit=False)
            continue
        break
    try:
        yield index, opened
    except BaseException:
        _release(opened, commit=False)
        raise
    _release(opened, commit=True)


def _release(opened: tantivy.IndexWriter, commit: bool) -> None:
    """Commit (or drop) what the writer holds and free the lock at once: the bindings' context exit commits
    and consumes the writer, whoever still refers to it."""
    if not commit:
        opened.rollback()
    opened.__exit__(None, None, None)


# -- staleness ------------------------------------------------------------------------------------------


def mark_stale(reason: str) -> None:
    """Remember that the index missed an update; ``ensure`` and /healthz see it. Never raises."""
    try:
        root().mkdir(parents=True, exist_ok=True)
        (root() / STALE_FILE).write_text(f"{time.time()} {reason}\n")
    except OSError:
        log.exception("cannot mark the search index stale")


def stale_marker() -> str | None:
    try:
        return (root() / STALE_FILE).read_text()
    except OSError:
        return None


def clear_stale(seen: str | None) -> None:
    """Remove the marker only if nobody marked the index stale again since ``seen`` was read."""
    if seen is not None and stale_marker() == seen:
        (root() / STALE_FILE).unlink(missing_ok=True)
