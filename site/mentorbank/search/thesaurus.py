"""The thesaurus as the analysis uses it: the sides of every entry as phrases of index terms, and what each finds.

Entries are editable data (``models.ThesaurusEntry``, the admin's thesaurus page). Each process keeps the
loaded thesaurus with the table's version stamp (row count, highest id, latest change) and compares the stamp
on every use, one small aggregate query: an entry added, edited or deleted anywhere is used by every worker's
next search, without a restart.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass

from flask import has_app_context
from sqlalchemy import func, select

from ..core.request_cache import once_per_request
from ..core.text import fold
from ..extensions import db
from .analysis import index_terms
from .models import ThesaurusEntry

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Thesaurus:
    # A phrase of index terms → the phrases a query for it also finds (both sides of an entry, or only the
    # broader side of a one-way entry: «школа» → «СОШ»).
    alternatives: dict[Phrase, list[Phrase]]
    # The same, as the texts to show ("also searched: …").
    labels: dict[Phrase, list[str]]
    # Entries' terms, lower-cased and ё folded: abbreviations "did you mean" must leave alone.
    keys: frozenset[str]
    longest_phrase: int

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]]) -> Thesaurus:
        """Entries that work both ways."""
        return cls.from_entries((term, expansion, False) for term, expansion in pairs)

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[str, str, bool]]) -> Thesaurus:
        """(term, expansion, one way): a one-way entry widens only a query for its expansion (ThesaurusEntry)."""
        alternatives: dict[Phrase, list[Phrase]] = {}
        labels: dict[Phrase, list[str]] = {}
        keys = set()
        for term, expansion, one_way in entries:
            term_phrase, expansion_phrase = tuple(index_terms(term)), tuple(index_terms(expansion))
            if not term_phrase or not expansion_phrase or term_phrase == expansion_phrase:
                continue  # nothing to widen (stop words only, or the same words)
            keys.add(fold(term.strip()))
            directions = [(expansion_phrase, term_phrase, term)]
            if not one_way:
                directions.append((term_phrase, expansion_phrase, expansion))
            for phrase, other, other_text in directions:
                if other not in alternatives.setdefault(phrase, []):
                    alternatives[phrase].append(other)
                    labels.setdefault(phrase, []).append(other_text.strip())
        longest = max((len(phrase) for phrase in alternatives), default=0)
        return cls(alternatives, labels, frozenset(keys), longest)


EMPTY = Thesaurus.from_pairs(())

_lock = threading.Lock()
_loaded: tuple[tuple, Thesaurus] | None = None


def _version_stamp() -> tuple:
    # Once per request: a search asks for the thesaurus several times (the query, its expansions, "did you
    # mean"); an edit commits, which drops the kept stamp, so the next use reads the table again.
    return once_per_request("thesaurus_stamp", _read_version_stamp)


def _read_version_stamp() -> tuple:
    row = db.session.execute(select(
        func.count(ThesaurusEntry.id), func.max(ThesaurusEntry.id), func.max(ThesaurusEntry.updated_at),
    )).one()
    return tuple(row)


def current_thesaurus() -> Thesaurus:
    """The thesaurus as the database holds it now (EMPTY outside an application context)."""
    global _loaded
    if not has_app_context():
        return EMPTY
    stamp = _version_stamp()
    loaded = _loaded
    if loaded is not None and loaded[0] == stamp:
        return loaded[1]
    with _lock:
        entries = db.session.execute(
            select(ThesaurusEntry.term, ThesaurusEntry.expansion, ThesaurusEntry.one_way).order_by(ThesaurusEntry.id)
        ).all()
        thesaurus = Thesaurus.from_entries(entries)
        _loaded = (stamp, thesaurus)
    return thesaurus
