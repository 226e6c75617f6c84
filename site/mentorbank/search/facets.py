"""Facet counts as bitmaps: one Python int per facet value, bit n set when document n has the value.

Built once per searcher generation (cached with it), after which any count is one AND and one
popcount, so disjunctive counts for every facet cost microseconds even over tens of thousands of documents.
"""
from collections.abc import Iterable

from .index import CachedSearcher


def to_mask(docnums: Iterable[int], size: int) -> int:
    bits = bytearray(size // 8 + 1)
    for docnum in docnums:
        bits[docnum >> 3] |= 1 << (docnum & 7)
    return int.from_bytes(bits, "little")


def _size(cached: CachedSearcher) -> int:
    return cached.searcher.reader().doc_count_all()


def live_mask(cached: CachedSearcher) -> int:
    """Every document that is not deleted."""
    if "live" not in cached.cache:
        cached.cache["live"] = to_mask(cached.searcher.reader().all_doc_ids(), _size(cached))
    return cached.cache["live"]


def query_mask(cached: CachedSearcher, query) -> int:
    """The documents a query matches (all live documents for None)."""
    if query is None:
        return live_mask(cached)
    return to_mask(cached.searcher.docs_for_query(query), _size(cached))


def value_masks(cached: CachedSearcher, fieldname: str) -> dict[str, int]:
    """Value → bitmap of the documents indexed with it (deleted ones too: AND with a query mask drops them)."""
    key = ("values", fieldname)
    if key not in cached.cache:
        reader = cached.searcher.reader()
        size = _size(cached)
        cached.cache[key] = {
            value: to_mask(reader.postings(fieldname, value).all_ids(), size)
            for value in reader.field_terms(fieldname)
        }
    return cached.cache[key]


def selection_mask(cached: CachedSearcher, fieldname: str, values: Iterable[str]) -> int:
    masks = value_masks(cached, fieldname)
    combined = 0
    for value in values:
        combined |= masks.get(value, 0)
    return combined


def disjunctive_counts(
    cached: CachedSearcher, base: int, facets: Iterable[str], selected: dict[str, list[str]]
) -> tuple[dict[str, dict[str, int]], int]:
    """Counts per facet value, each facet counted under every other facet's selection but not its own
    (so the other values of a ticked facet still show what ticking them would add); and the mask of
    documents matching every selection."""
    selections = {facet: selection_mask(cached, facet, values) for facet, values in selected.items()}
    matching = base
    for mask in selections.values():
        matching &= mask
    counts = {}
    for facet in facets:
        within = base
        for other, mask in selections.items():
            if other != facet:
                within &= mask
        counts[facet] = {
            value: count
            for value, mask in value_masks(cached, facet).items()
            if (count := (mask & within).bit_count())
        }
    return counts, matching
