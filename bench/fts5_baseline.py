"""The baseline: SQLite FTS5 over the same public mentors, pre-stemmed with the search module's own analyzer.

It does the work the mentor bank's search does, the way it does it: the words AND-ed (OR-ed when that finds
nothing); the matching documents as a bitmap, counted against a bitmap per facet value built once per
connection (the search module's own technique, its ``facets.to_mask``), which gives the total and the counts of
every facet; and the top 10 ranked by BM25 with the same field weights, each with a snippet. So the ratio
compares the engines, not two ways of counting facets. It does not suggest spellings ("did you mean"), which the
site's search does for words its lexicon lacks, and its snippets show stems (the text FTS5 holds).
"""
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from flask import Flask

from mentorbank.extensions import db
from mentorbank.mentors.searchable import MENTOR_SEARCH
from mentorbank.search.analysis import index_terms, query_groups
from mentorbank.search.thesaurus import EMPTY, current_thesaurus

from .stats import Timings, measure

TEXT_FIELDS = MENTOR_SEARCH.field_names
FACET_FIELDS = ("region", "municipality", "org_kind", "form", "kind", "mode", "direction", "track", "accepting")
TOP = 10



def to_mask(docnums: Iterable[int], size: int) -> int:
    """A bitmap of document numbers: bit n set when document n is in."""
    bits = bytearray(size // 8 + 1)
    for docnum in docnums:
        bits[docnum >> 3] |= 1 << (docnum & 7)
    return int.from_bytes(bits, "little")


def stems(text: str) -> list[str]:
    return index_terms(text)


def _facet_values(value) -> list[str]:
    return value.split() if isinstance(value, str) else list(value)


Group = list[tuple[str, ...]]


def _quoted(terms: tuple[str, ...]) -> str:
    return '"' + " ".join(terms) + '"'


def _any_of(group: Group) -> str:
    return "(" + " OR ".join(_quoted(alternative) for alternative in group) + ")"


def strict_match(groups: list[Group]) -> str:
    """Every typed word, by any of its alternatives (its own terms, its thesaurus expansions), each a phrase:
    the groups the site's search is made of (analysis.query_groups)."""
    return " AND ".join(_any_of(group) for group in groups)


def loose_match(groups: list[Group]) -> str:
    """Any alternative of any word, as the site's search loosens a query that found nothing."""
    return " OR ".join(_any_of(group) for group in groups)


def _weights() -> str:
    return ", ".join(str(text.boost) for text in MENTOR_SEARCH.text_fields)


class Baseline:
    def __init__(self, path: Path):
        self.path = path
        self.connection: sqlite3.Connection | None = None
        self.thesaurus = EMPTY
        self.ranked_sql = (
            f"SELECT rowid, title, snippet(mentor, -1, '<mark>', '</mark>', '…', 16) FROM mentor "
            f"WHERE mentor MATCH ? ORDER BY bm25(mentor, 0, {_weights()}) LIMIT {TOP}"
        )

    def build(self, app: Flask) -> tuple[int, float]:
        """(documents, seconds): read the public mentors the index reads, stem their text, fill FTS5."""
        started = time.perf_counter()
        self.path.unlink(missing_ok=True)
        connection = sqlite3.connect(self.path)
        columns = ", ".join(TEXT_FIELDS)
        connection.executescript(
            f"""
            CREATE VIRTUAL TABLE mentor USING fts5(title UNINDEXED, {columns}, tokenize = 'unicode61');
            CREATE TABLE facet (
                doc_id INTEGER NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL,
                PRIMARY KEY (doc_id, facet, value)
            ) WITHOUT ROWID;
            """
        )
        count = 0
        with app.app_context():
            # Read once: the baseline searches outside the app, with the thesaurus the site searches with.
            self.thesaurus = current_thesaurus()
            for document in MENTOR_SEARCH.documents(db.session, None):
                doc_id = int(document["id"])
                connection.execute(
                    f"INSERT INTO mentor (rowid, title, {columns}) VALUES (?, ?{', ?' * len(TEXT_FIELDS)})",
                    (doc_id, document["title"], *(" ".join(stems(document[name])) for name in TEXT_FIELDS)),
                )
                connection.executemany(
                    "INSERT OR IGNORE INTO facet VALUES (?, ?, ?)",
                    [(doc_id, name, value) for name in FACET_FIELDS for value in _facet_values(document[name])],
                )
                count += 1
            db.session.remove()
        connection.executescript("INSERT INTO mentor (mentor) VALUES ('optimize'); ANALYZE;")
        connection.commit()
        connection.close()
        return count, time.perf_counter() - started

    def open(self) -> None:
        self.connection = sqlite3.connect(self.path)
        self.size = self.connection.execute("SELECT coalesce(max(rowid), 0) + 1 FROM mentor").fetchone()[0]
        doc_ids: dict[tuple[str, str], list[int]] = {}
        for facet, value, doc_id in self.connection.execute("SELECT facet, value, doc_id FROM facet"):
            doc_ids.setdefault((facet, value), []).append(doc_id)
        self.value_masks: dict[str, dict[str, int]] = {}
        for (facet, value), ids in doc_ids.items():
            self.value_masks.setdefault(facet, {})[value] = to_mask(ids, self.size)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def search(self, query: str) -> dict:
        groups = query_groups(query, self.thesaurus)
        if not groups:
            return {"total": 0, "hits": [], "facets": {}}
        match = strict_match(groups)
        mask = self._mask(match)
        if not mask and len(groups) > 1:
            match = loose_match(groups)
            mask = self._mask(match)
        facets = {
            facet: {value: count for value, value_mask in masks.items() if (count := (value_mask & mask).bit_count())}
            for facet, masks in self.value_masks.items()
        }
        hits = self.connection.execute(self.ranked_sql, (match,)).fetchall()
        return {"total": mask.bit_count(), "hits": hits, "facets": facets}

    def _mask(self, match: str) -> int:
        rows = self.connection.execute("SELECT rowid FROM mentor WHERE mentor MATCH ?", (match,))
        return to_mask((rowid for (rowid,) in rows), self.size)

    def measure(self, warm_up: Iterable[str], measured: Iterable[str]) -> Timings:
        """Warm up on one list, then ask each measured query exactly once, on a fresh connection."""
        self.open()
        try:
            return measure(lambda query: self.search(query)["total"], warm_up, measured)
        finally:
            self.close()
