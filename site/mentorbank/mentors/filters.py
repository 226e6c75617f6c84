"""The mentor-bank filters, read from a query string. The page, its htmx partial and the JSON API share them,
so a URL means the same thing everywhere."""
from dataclasses import dataclass, field

from werkzeug.datastructures import MultiDict

from ..core.pagination import page_number
from ..core.security import database_ids
from ..vocabularies.models import Vocabulary

# Facet (query-string name) -> the vocabulary whose slugs it takes; region and municipality take ids.
VOCABULARY_FACETS: dict[str, Vocabulary] = {
    "org_kind": Vocabulary.ORGANISATION_KIND,
    "form": Vocabulary.FORM,
    "kind": Vocabulary.KIND,
    "mode": Vocabulary.MODE,
    "direction": Vocabulary.DIRECTION,
    "track": Vocabulary.TRACK,
}
GEOGRAPHY_FACETS = ("region", "municipality")
ACCEPTING_FACET = "accepting"
FACETS = (*GEOGRAPHY_FACETS, *VOCABULARY_FACETS, ACCEPTING_FACET)
# Not a facet of the page: the home page counts the organisations with mentors from it.
ORGANISATION_FACET = "organisation_id"

SORTS = ("relevance", "name", "recent", "experience")
MAX_QUERY_LENGTH = 200


@dataclass
class MentorFilters:
    query: str = ""
    # facet -> selected values; values of one facet are OR-ed, facets are AND-ed.
    selected: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1

    @classmethod
    def from_args(cls, args: MultiDict) -> "MentorFilters":
        selected = {}
        for facet in FACETS:
            values = [v.strip() for v in args.getlist(facet) if v.strip()]
            if facet in GEOGRAPHY_FACETS:
                values = database_ids(values)
            if facet == ACCEPTING_FACET:
                values = ["1"] if "1" in values else []
            if values:
                selected[facet] = sorted(set(values))
        query = " ".join(args.get("q", "").split())[:MAX_QUERY_LENGTH]
        sort = args.get("sort", "")
        if sort not in SORTS:
            sort = "relevance" if query else "name"
        return cls(query=query, selected=selected, sort=sort, page=page_number(args.get("page")))

    def is_selected(self, facet: str, value) -> bool:
        return str(value) in self.selected.get(facet, [])

    def search(self, per_page: int):
        """These filters as one search of the mentor type (the page, its partial and the API ask the same)."""
        from .. import search

        # The page and the API count the bank's own facets (not "type", not the home page's organisation ids).
        if not self.is_empty:
            return search.search(["mentor"], self.query, self.selected, self.sort, self.page, per_page, FACETS)
        # Unfiltered, every page in every order has the same counts: counted once until the index changes
        # (counting them over every mentor is the costliest part of such a page).
        result = search.search(["mentor"], "", {}, self.sort, self.page, per_page, count_facets=())
        result.facets = search.memoised("mentor-facets-unfiltered", lambda: search.search(
            ["mentor"], "", {}, per_page=1, count_facets=FACETS
        ).facets)
        return result

    @property
    def is_empty(self) -> bool:
        return not self.query and not self.selected
