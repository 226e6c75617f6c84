"""Sources of feed entries, registered by the domains (issue 10 §3 is this interface's contract)."""
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class FeedEntry:
    # A permanent, unique IRI of the entry: the record's public URL, or a tag: URI when one record announces
    # several things (a competition's results). It must never change once published.
    id_uri: str
    title: str
    url: str  # absolute: build it with security.public_url or url_for(..., _external=True)
    updated: datetime  # naive UTC, like every stored time
    summary: str = ""  # plain text; the feed escapes it
    author: str = ""  # plain text; empty: the operator of the bank


_SOURCES: dict[str, Callable[[int], list[FeedEntry]]] = {}


def register_source(name: str, entries: Callable[[int], list[FeedEntry]]) -> None:
    """Declare a source (again on re-import: the newest declaration wins). ``entries(limit)`` returns at most
    ``limit`` of the source's newest public entries, in any order."""
    _SOURCES[name] = entries


def forget_source(name: str) -> None:
    _SOURCES.pop(name, None)


def sources() -> tuple[str, ...]:
    return tuple(_SOURCES)


def newest_entries(limit: int) -> list[FeedEntry]:
    """The ``limit`` newest entries of every source together, newest first (ties by id, so the order is
    stable and the ETag with it)."""
    merged = [entry for entries in _SOURCES.values() for entry in entries(limit)]
    merged.sort(key=lambda entry: (entry.updated, entry.id_uri), reverse=True)
    return merged[:limit]
