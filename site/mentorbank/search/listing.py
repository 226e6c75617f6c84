"""A bank's faceted list (/mentors, /practices): its filters read from the query string, its facet boxes with
labels, counts and what is ticked, and the links that untick one. A domain declares its ``Listing`` (which
searchable type, which facets, how their values are labelled) and gets the rest; the pages, their htmx
partials and the JSON API share the filters, so a URL means the same thing everywhere."""
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from flask import render_template, request
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from ..core.fragments import kept_fragment
from ..core.htmx import render_page_or_partial
from ..core.pagination import Page, page_number
from ..core.security import database_ids
from ..core.templating import url_with_args
from .. import search as search_package  # looked up when called: a test may stand in for the engine

MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class Listing:
    type_name: str  # the searchable type listed
    prefix: str  # of the page's element ids: "mentor" → #mentor-results, #mentor-facets, #mentor-status
    endpoint: str  # the list page
    facets: tuple[str, ...]  # the page's facets, in the order they are shown
    legends: Mapping[str, object]  # facet → its (lazy) name
    # facet, shown values → (value, label) pairs in the order a reader expects
    labels: Callable[[str, set[str]], list[tuple[str, str]]]
    found_text: Callable[[int], str]  # "Found 3 mentors"
    item_template: str  # one result, given ``card`` and ``hit``
    nothing_found_hint: object  # what to try when nothing is found
    show_all_text: object  # the link back to the whole list
    id_facets: tuple[str, ...] = ()  # facets whose values are database ids
    flag_facets: tuple[str, ...] = ()  # a single box: ticked ("1") or not
    sorts: tuple[str, ...] = ("relevance", "name")


@dataclass
class ListFilters:
    """What a visitor asked of a list; a subclass names its ``listing``."""
    listing: ClassVar[Listing]

    query: str = ""
    # facet -> selected values; values of one facet are OR-ed, facets are AND-ed.
    selected: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1

    @classmethod
    def from_args(cls, args: MultiDict):
        listing = cls.listing
        selected = {}
        for facet in listing.facets:
            values = [v.strip() for v in args.getlist(facet) if v.strip()]
            if facet in listing.id_facets:
                values = database_ids(values)
            if facet in listing.flag_facets:
                values = ["1"] if "1" in values else []
            if values:
                selected[facet] = sorted(set(values))
        query = " ".join(args.get("q", "").split())[:MAX_QUERY_LENGTH]
        sort = args.get("sort", "")
        if sort not in listing.sorts:
            sort = "relevance" if query else "name"
        return cls(query=query, selected=selected, sort=sort, page=page_number(args.get("page")))

    def is_selected(self, facet: str, value) -> bool:
        return str(value) in self.selected.get(facet, [])

    @property
    def is_empty(self) -> bool:
        return not self.query and not self.selected

    def search(self, per_page: int):
        """These filters as one search of the listed type (the page, its partial and the API ask the same)."""
        search, memoised = search_package.search, search_package.memoised
        kind, facets = self.listing.type_name, self.listing.facets
        if not self.is_empty:
            return search([kind], self.query, self.selected, self.sort, self.page, per_page, facets)
        # Unfiltered, every page in every order has the same counts: counted once until the index changes
        # (counting them over every record is the costliest part of such a page).
        result = search([kind], "", {}, self.sort, self.page, per_page, count_facets=())
        result.facets = memoised(f"{kind}-facets-unfiltered", lambda: search(
            [kind], "", {}, per_page=1, count_facets=facets
        ).facets)
        return result


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetGroup:
    name: str
    legend: str
    options: tuple[FacetOption, ...]

    @property
    def has_selection(self) -> bool:
        return any(option.selected for option in self.options)


def facet_groups(filters: ListFilters, counts: dict[str, dict[str, int]]) -> list[FacetGroup]:
    """Every facet with the values that have records, plus any value already ticked (so it can be unticked)."""
    listing, groups = filters.listing, []
    for facet in listing.facets:
        facet_counts = counts.get(facet, {})
        shown = {value for value, count in facet_counts.items() if count} | set(filters.selected.get(facet, []))
        options = tuple(
            FacetOption(value, label, facet_counts.get(value, 0), filters.is_selected(facet, value))
            for value, label in listing.labels(facet, shown)
        )
        if options:
            groups.append(FacetGroup(facet, str(listing.legends[facet]), options))
    return groups


def facets_html(filters: ListFilters, groups: list[FacetGroup], chosen: str, oob: bool = False) -> Markup:
    """The facet checkboxes (templates/bank/_facets.html), kept by what they show: every page and order of
    the same search shows the same boxes and counts."""
    listing = filters.listing
    key = (listing.type_name, tuple(groups), filters.query, bool(filters.selected), chosen, oob)
    return kept_fragment("facets", key, lambda: render_template(
        "bank/_facets.html", facets=groups, filters=filters, listing=listing, chosen_sort=chosen, oob=oob
    ))


def untick_links(filters: ListFilters, groups: list[FacetGroup]) -> list[tuple[str, str]]:
    """("Facet: value", the current URL without that one value) for each ticked value."""
    links = []
    for group in groups:
        for option in group.options:
            if option.selected:
                others = [value for value in filters.selected.get(group.name, []) if value != option.value]
                links.append((f"{group.legend}: {option.label}", url_with_args(**{group.name: others, "page": None})))
    return links


def render_bank(filters_class: type[ListFilters], page_template: str, records_for_hits: Callable, sort_options,
                per_page: int = 20):
    """A bank's list page (/practices, /programmes), or its htmx partial: the filters of the query string, a page
    of the records of the hits, the facet boxes and the sorts."""
    filters = filters_class.from_args(request.args)
    result = filters.search(per_page)
    page = Page(items=records_for_hits(result.hits), page=filters.page, per_page=per_page, total=result.total)
    chosen = request.args.get("sort") if request.args.get("sort") in dict(sort_options) else ""
    return render_page_or_partial(
        page_template, "bank/_partial.html",
        filters=filters, result=result, page=page, facets=facet_groups(filters, result.facets),
        sort_options=sort_options, chosen_sort=chosen,
    )
