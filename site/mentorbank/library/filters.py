"""The library's filters, read from a query string: the page, its htmx partial and the API share them."""
from dataclasses import dataclass, field

from werkzeug.datastructures import MultiDict

from ..core.pagination import page_number

RUBRIC_FACET = "rubric"
FACETS = (RUBRIC_FACET,)
SORTS = ("relevance", "name", "recent")
MAX_QUERY_LENGTH = 200
SEARCH_TYPE = "library"


@dataclass
class LibraryFilters:
    query: str = ""
    selected: dict[str, list[str]] = field(default_factory=dict)  # facet -> rubric slugs, OR-ed
    sort: str = "recent"
    page: int = 1

    @classmethod
    def from_args(cls, args: MultiDict) -> "LibraryFilters":
        selected = {}
        for facet in FACETS:
            values = sorted({value.strip() for value in args.getlist(facet) if value.strip()})
            if values:
                selected[facet] = values
        query = " ".join(args.get("q", "").split())[:MAX_QUERY_LENGTH]
        sort = args.get("sort", "")
        if sort not in SORTS:
            # Without words the newest documents first: what a teacher looks for in a library.
            sort = "relevance" if query else "recent"
        return cls(query=query, selected=selected, sort=sort, page=page_number(args.get("page")))

    def is_selected(self, facet: str, value: str) -> bool:
        return value in self.selected.get(facet, [])

    @property
    def is_empty(self) -> bool:
        return not self.query and not self.selected

    def search(self, per_page: int):
        from .. import search

        return search.search([SEARCH_TYPE], self.query, self.selected, self.sort, self.page, per_page, FACETS)
