"""One search over the declared types, in one tantivy index: ranked hits, disjunctive facet counts, snippets,
"did you mean"."""
import re
from collections.abc import Container, Iterable, Sequence

from tantivy import Occur, Order, Query

from . import engine, registry, snippets
from .analysis import acceptable_suggestion, fold
from .documents import stored_originals, stored_title
from .query import UserQuery, compile_top, parse, positive_terms, read, widened_words
from .results import Hit, SearchResult

TYPE_FACET = "type"
RELEVANCE, NAME = "relevance", "name"
FACET_VALUES_LIMIT = 65_000
# "Did you mean" is looked for only when the typed query finds fewer than this.
SUGGEST_BELOW = 3
_WORD = re.compile(r"\w+")
_BASE_TOTAL = "_base_total"


class _Search:
    """The parts of one call that stay the same while it counts, ranks and suggests."""

    def __init__(self, types: Sequence[str]):
        self.searchables = [registry.get(name) for name in types]
        self.index, self.searcher = engine.searcher()
        self.schema = self.index.schema
        self.fieldnames = {name for searchable in self.searchables for name in searchable.field_names}
        self.browsable = all(searchable.browsable for searchable in self.searchables)

    def of_type(self, searchable) -> Query:
        return Query.term_query(self.schema, engine.TYPE, searchable.name)

    def text_query(self, user_query: UserQuery, conjunctive: bool = True) -> Query | None:
        """The typed query over every type searched (each type with its own fields and weights), None when
        nothing searchable was typed."""
        tree = parse(user_query)
        per_type = []
        for searchable in self.searchables:
            compiled = compile_top(tree, searchable, self.schema, conjunctive)
            if compiled is not None:
                per_type.append(Query.boolean_query([(Occur.Must, self.of_type(searchable)), (Occur.Must, compiled)]))
        if not per_type:
            return None
        return per_type[0] if len(per_type) == 1 else Query.boolean_query([(Occur.Should, q) for q in per_type])

    def every_document(self) -> Query:
        return Query.term_set_query(self.schema, engine.TYPE, [searchable.name for searchable in self.searchables])

    def count(self, query: Query) -> int:
        # A limit of 0 panics in tantivy: count with a limit of one (DESIGN.md §7).
        return self.searcher.search(query, limit=1, count=True).count

    def facet_field(self, facet: str) -> str:
        return engine.TYPE if facet == TYPE_FACET else engine.facet_field(facet)

    def selection_query(self, selected: dict[str, list[str]], leave_out: str | None = None) -> Query | None:
        clauses = []
        for facet, values in selected.items():
            if facet != leave_out and values:
                clauses.append((Occur.Must, Query.term_set_query(self.schema, self.facet_field(facet), values)))
        return Query.boolean_query(clauses) if clauses else None

    def selection_text(self, selected: dict[str, list[str]], leave_out: str) -> str | None:
        """The same selection in tantivy's query language, as a filter aggregation takes it."""
        parts = []
        for facet, values in selected.items():
            if facet != leave_out and values:
                field = self.facet_field(facet)
                parts.append("(" + " OR ".join(f'{field}:"{_quoted(value)}"' for value in values) + ")")
        return " AND ".join(parts) or None

    def facet_counts(self, base: Query, facets: Iterable[str], selected: dict[str, list[str]]) -> tuple[dict, int]:
        """Each facet counted under every other facet's selection but not its own (so the other values of a
        ticked facet still show what ticking them would add), and how many documents ``base`` matches before any
        selection: one aggregation for all of them."""
        aggregations = {_BASE_TOTAL: {"terms": {"field": engine.TYPE, "size": 1000}}}
        for facet in facets:
            terms = {"terms": {"field": self.facet_field(facet), "size": FACET_VALUES_LIMIT}}
            within = self.selection_text(selected, leave_out=facet)
            aggregations[facet] = {"filter": within, "aggs": {"values": terms}} if within else terms
        answer = self.searcher.aggregate(base, aggregations)
        counts = {}
        for facet in facets:
            buckets = answer[facet]["values" if "values" in answer[facet] else "buckets"]
            buckets = buckets["buckets"] if isinstance(buckets, dict) else buckets
            counts[facet] = {bucket["key"]: bucket["doc_count"] for bucket in buckets if bucket["doc_count"]}
        # Every document has exactly one type: the type buckets add up to the documents matched.
        return counts, sum(bucket["doc_count"] for bucket in answer[_BASE_TOTAL]["buckets"])

    def hit(self, score, address, terms: set[str] | None) -> Hit:
        document = self.searcher.doc(address)
        searchable = registry.get(document.get_first(engine.TYPE))
        return Hit(
            type=searchable.name,
            id=int(document.get_first(engine.ID)),
            title=stored_title(document),
            snippet=snippets.snippet(stored_originals(document), searchable.snippet_fields, terms)
            if terms else snippets.EMPTY,
            score=float(score) if terms is not None and isinstance(score, float) else 0.0,
        )


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def _and(*queries: Query | None) -> Query:
    present = [query for query in queries if query is not None]
    return present[0] if len(present) == 1 else Query.boolean_query([(Occur.Must, q) for q in present])


def shared_facets(searchables) -> list[str]:
    """Facets every searched type has (for one type, all of its own), and the type itself."""
    common = [facet for facet in searchables[0].facets if all(facet in other.facets for other in searchables)]
    return [TYPE_FACET, *common]


def sort_order(searchables, sort: str, has_text: bool) -> tuple[str | None, Order]:
    """(fast field, order) to sort by, or (None, …) for relevance."""
    if sort == RELEVANCE and has_text:
        return None, Order.Desc
    for searchable in searchables:
        if sort in searchable.sorts:
            return engine.sortable_field(searchable.sorts[sort]), Order.Desc
    return engine.SORT_NAME, Order.Asc


def search(
    types: Sequence[str],
    query: str = "",
    selected: dict[str, list[str]] | None = None,
    sort: str = RELEVANCE,
    page: int = 1,
    per_page: int = 20,
    count_facets: Iterable[str] | None = None,
    any_word_fallback: bool = True,
) -> SearchResult:
    """Public records of ``types`` matching the query and the ticked facet values (values of one facet OR-ed,
    facets AND-ed; "type" is a facet too), a page of them best first or in ``sort`` order, with facet counts.

    Words are AND-ed, and OR-ed when that finds nothing (unless ``any_word_fallback`` is False: a picker or a
    filter of named records, where a record merely sharing a word is no answer). An empty query (or one of stop
    words only) lists every record when every type searched is browsable (the mentor bank), and finds nothing
    otherwise. ``count_facets`` names the facets whose counts are wanted (default: every facet the types share,
    and "type")."""
    state = _Search(types)
    page, per_page = max(page, 1), max(per_page, 1)
    user_query = read(query, state.fieldnames)
    facets = shared_facets(state.searchables)
    selected = {facet: list(values) for facet, values in (selected or {}).items() if facet in facets and values}
    wanted_facets = [facet for facet in facets if count_facets is None or facet in count_facets]
    # Selected facets are always counted: their selections filter the other facets' counts.
    facets = [facet for facet in facets if facet in wanted_facets or facet in selected]

    text = state.text_query(user_query)
    if text is None:
        base = state.every_document() if state.browsable else Query.empty_query()
    else:
        base = text
    counts, base_total = state.facet_counts(base, facets, selected)
    strict_total = base_total if text is not None else 0
    if any_word_fallback and text is not None and base_total == 0 and len(user_query.words) > 1:
        text = base = state.text_query(user_query, conjunctive=False) or text
        counts, base_total = state.facet_counts(base, facets, selected)
    counts = {facet: counts[facet] for facet in wanted_facets}
    matching = _and(base, state.selection_query(selected))
    field, order = sort_order(state.searchables, sort, text is not None)
    offset = (page - 1) * per_page
    if offset >= state.searcher.num_docs:
        # Past the end (the engine aborts on offsets near its integer limits): a count, no hits.
        total, found_hits = state.count(matching), []
    elif text is None and not selected and field == engine.SORT_NAME:
        # Browsing a whole bank by name: the engine pays for the offset when it sorts on a text field (12 ms
        # on page 35 of 20,000 mentors), so the order of every document is kept until the index changes and
        # a page is a slice of it.
        ordered = engine.memoised("name-order:" + ",".join(sorted(types)), lambda: _addresses_by_name(state, matching))
        total, found_hits = len(ordered), [(0.0, address) for address in ordered[offset:offset + per_page]]
    else:
        found = state.searcher.search(
            matching, limit=per_page, offset=offset, count=True, order_by_field=field, order=order
        )
        total, found_hits = found.count, found.hits
    tree = parse(user_query)
    terms = positive_terms(tree) if text is not None else None
    hits = [state.hit(score if field is None else 0.0, address, terms) for score, address in found_hits]
    suggestion = None
    if text is not None and strict_total < SUGGEST_BELOW:
        suggestion = _suggestion(state, user_query, strict_total)
    return SearchResult(
        hits=hits, total=total, page=page, per_page=per_page, facets=counts,
        suggestion=suggestion, query=user_query.text, expansions=widened_words(tree) if text is not None else [],
    )


def _addresses_by_name(state, matching) -> list:
    found = state.searcher.search(matching, limit=max(state.searcher.num_docs, 1), count=False,
                                  order_by_field=engine.SORT_NAME, order=Order.Asc)
    return [address for _score, address in found.hits]


# -- did you mean -----------------------------------------------------------------------------------------


def _distance(first: str, second: str, limit: int) -> int:
    """Levenshtein distance, or limit + 1 once it is sure to exceed ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous = list(range(len(second) + 1))
    for row, char in enumerate(first, 1):
        current = [row]
        for column, other in enumerate(second, 1):
            current.append(min(previous[column] + 1, current[column - 1] + 1,
                               previous[column - 1] + (char != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


class _Lexicon(Container):
    """The whole words of the indexed documents (folded): a name or an English word found there is as real a
    suggestion as a word of the Russian dictionary."""

    def __init__(self, searcher):
        self.searcher = searcher

    def __contains__(self, word) -> bool:
        return bool(self.searcher.doc_freq(engine.SPELLING, word))


def _correction(state: _Search, word: str, lexicon: _Lexicon) -> str | None:
    """The nearest whole word of the indexed documents (sharing the first two letters), the most frequent on a
    tie; None when the word is known or nothing near is acceptable."""
    if word in lexicon:
        return None
    limit = 1 if len(word) < 6 else 2
    best, best_key = None, None
    for candidate, frequency in state.searcher.terms_with_prefix(engine.SPELLING, word[:2]):
        if abs(len(candidate) - len(word)) > limit or not acceptable_suggestion(word, candidate, lexicon):
            continue
        distance = _distance(word, candidate, limit)
        if distance <= limit and (best_key is None or (distance, -frequency) < best_key):
            best, best_key = candidate, (distance, -frequency)
    return best


def _suggestion(state: _Search, user_query: UserQuery, strict_total: int) -> str | None:
    """The whole query with unknown words replaced by the nearest real words, offered only when it finds more
    than the typed query (both AND-ed)."""
    corrections, lexicon = {}, _Lexicon(state.searcher)
    for word in {fold(word) for word in user_query.words}:
        if corrected := _correction(state, word, lexicon):
            corrections[word] = corrected
    if not corrections:
        return None
    candidate = _WORD.sub(lambda match: corrections.get(fold(match.group()), match.group()), user_query.text)
    query = state.text_query(read(candidate, state.fieldnames))
    return candidate if query is not None and state.count(query) > strict_total else None
