"""The searches pages and the API call: the mentor bank with facets, and one search over every type."""
import re
from itertools import chain

from whoosh.query import And, Every, Or, Term
from whoosh.searching import Hit as WhooshHit
from whoosh.sorting import FieldFacet

from ..mentors.filters import ACCEPTING_FACET, FACETS, MentorFilters
from . import facets, index, snippets
from .analysis import fold
from .documents import DOC_TYPES, MENTOR, DocType
from .query import UserQuery, read, to_whoosh
from .results import Hit, SearchResult

_BY_NAME = FieldFacet("name_sort")
SORTS = {
    "name": [_BY_NAME],
    "recent": [FieldFacet("published", reverse=True), _BY_NAME],
    "experience": [FieldFacet("experience", reverse=True), _BY_NAME],
}
SUGGEST_MIN_LENGTH = 3
_WORD_OR_GAP = re.compile(r"(\w+)")


class _Prepared:
    """One type's searcher, the typed query as a Whoosh query, and the bitmap of what it matches."""

    def __init__(self, doc_type: DocType, user_query: UserQuery, fieldnames: set[str], empty_matches_all: bool):
        self.doc_type = doc_type
        self.cached = index.searcher(doc_type)
        self.schema = self.cached.searcher.schema
        self.user_query = user_query
        self.fieldnames = fieldnames
        self.query = to_whoosh(user_query, self.schema, doc_type.search_fields)
        self.searchable = self.query is not None or empty_matches_all
        self.mask = facets.query_mask(self.cached, self.query) if self.searchable else 0

    def loosen(self) -> None:
        """AND found nothing: let any of the words match, documents matching more of them first."""
        if self.query is not None:
            self.query = to_whoosh(self.user_query, self.schema, self.doc_type.search_fields, conjunctive=False)
            self.mask = facets.query_mask(self.cached, self.query)

    def count(self, text: str) -> int:
        query = to_whoosh(read(text, self.fieldnames), self.schema, self.doc_type.search_fields)
        return facets.query_mask(self.cached, query).bit_count() if query is not None else 0

    def ranked(self, limit: int, sortedby=None, filter_query=None):
        # A sorted search gives each hit its sort key as "score": such hits carry no score.
        self.scored = sortedby is None
        # optimize=False: Whoosh 2.7.4's block-quality skipping can loop forever on some terms (whoosh #446,
        # #461; «гимназия» on the benchmark's bank); without it the cost was not measurable.
        results = self.cached.searcher.search(
            self.query if self.query is not None else Every(), limit=limit, sortedby=sortedby,
            filter=filter_query, optimize=False,
        )
        return results

    def hit(self, found: WhooshHit) -> Hit:
        """Only the hits shown are turned into Hits, so only they are highlighted."""
        return Hit(
            type=self.doc_type.name,
            id=int(found["id"]),
            title=found["title"],
            snippet=snippets.snippet(found, self.doc_type.snippet_fields) if self.query is not None else snippets.EMPTY,
            score=float(found.score or 0.0) if self.scored else 0.0,
        )


def _loosen_if_nothing_found(prepared: list[_Prepared]) -> None:
    """Words are AND-ed; when that finds nothing in any type, they are OR-ed instead."""
    if len(prepared[0].user_query.words) > 1 and not any(p.mask for p in prepared):
        for one in prepared:
            one.loosen()


def _suggestion(prepared: list[_Prepared], strict_total: int) -> str | None:
    """"Did you mean": each word found in no spelling lexicon is replaced by the nearest word there (a
    lexicon of whole words: one of stems would suggest stems); offered only when the corrected query
    finds more than the typed one, both AND-ed."""
    user_query = prepared[0].user_query
    readers = [p.cached.searcher.reader() for p in prepared]
    corrections = {}
    for word in {fold(word) for word in user_query.words}:
        if len(word) < SUGGEST_MIN_LENGTH or word.isdigit() or any(("spelling", word) in r for r in readers):
            continue
        for one in prepared:
            found = one.cached.searcher.corrector("spelling").suggest(word, limit=1)
            if found:
                corrections[word] = found[0]
                break
    if not corrections:
        return None
    corrected = _WORD_OR_GAP.sub(lambda match: corrections.get(fold(match.group(1)), match.group(1)), user_query.text)
    return corrected if sum(one.count(corrected) for one in prepared) > strict_total else None


def _filter_query(selected: dict[str, list[str]]):
    if not selected:
        return None
    return And([Or([Term(facet, value) for value in values]) for facet, values in selected.items()])


def search_mentors(filters: MentorFilters, per_page: int) -> SearchResult:
    """Public mentors matching the query and the ticked facets, a page of them, with facet counts."""
    user_query = read(filters.query, set(MENTOR.search_fields))
    prepared = _Prepared(MENTOR, user_query, set(MENTOR.search_fields), empty_matches_all=True)
    strict_total = prepared.mask.bit_count()
    _loosen_if_nothing_found([prepared])

    selected = {facet: values for facet, values in filters.selected.items() if facet in FACETS}
    counts, matching = facets.disjunctive_counts(prepared.cached, prepared.mask, FACETS, selected)
    counts[ACCEPTING_FACET] = {value: n for value, n in counts[ACCEPTING_FACET].items() if value == "1"}
    total = matching.bit_count()

    sort = filters.sort if filters.sort in SORTS or prepared.query is not None else "name"
    offset = (max(filters.page, 1) - 1) * per_page
    hits = []
    if offset < total:
        results = prepared.ranked(offset + per_page, SORTS.get(sort), _filter_query(selected))
        hits = [prepared.hit(found) for found in results[offset:offset + per_page]]
    suggestion = _suggestion([prepared], strict_total) if prepared.query is not None else None
    return SearchResult(
        hits=hits, total=total, page=filters.page, per_page=per_page, facets=counts,
        suggestion=suggestion, query=user_query.text,
    )


def search_all(query: str, doc_type: str | None, page: int, per_page: int) -> SearchResult:
    """One search over every type, best first; ``doc_type`` narrows the hits, not the per-type counts.
    An empty query (or one of stop words only) finds nothing."""
    types = list(DOC_TYPES.values())
    fieldnames = set(chain.from_iterable(t.search_fields for t in types))
    user_query = read(query, fieldnames)
    page = max(page, 1)
    prepared = [_Prepared(t, user_query, fieldnames, empty_matches_all=False) for t in types]
    strict_total = sum(p.mask.bit_count() for p in prepared)
    if any(p.query is not None for p in prepared):
        _loosen_if_nothing_found(prepared)

    type_counts = {p.doc_type.name: p.mask.bit_count() for p in prepared}
    shown = [p for p in prepared if p.searchable and doc_type in (None, p.doc_type.name)]
    total = sum(type_counts[p.doc_type.name] for p in shown)
    offset = (page - 1) * per_page
    hits = []
    if offset < total:
        ranked = sorted(
            ((found.score or 0.0, p, found) for p in shown for found in p.ranked(offset + per_page)),
            key=lambda entry: -entry[0],
        )
        hits = [p.hit(found) for _score, p, found in ranked[offset:offset + per_page]]
    searched = any(p.query is not None for p in prepared)
    return SearchResult(
        hits=hits, total=total, page=page, per_page=per_page, facets={"type": type_counts},
        suggestion=_suggestion(prepared, strict_total) if searched else None, query=user_query.text,
    )
