"""The facet checkboxes of the mentor bank: each facet's values with labels, counts and what is ticked."""
from dataclasses import dataclass

from flask import render_template
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from sqlalchemy import select

from ..extensions import db
from ..core.fragments import kept_fragment
from ..core.i18n import is_english
from ..core.layout import region_name
from ..core.templating import url_with_args
from ..organisations.models import Municipality, Region
from .cards import active_terms
from .filters import ACCEPTING_FACET, FACETS, VOCABULARY_FACETS, MentorFilters

FACET_LEGENDS = {
    "region": _l("Region"),
    "municipality": _l("Municipality"),
    "org_kind": _l("Organisation type"),
    "form": _l("Form"),
    "kind": _l("Kind"),
    "mode": _l("Mode"),
    "direction": _l("Direction"),
    "track": _l("Track"),
    ACCEPTING_FACET: _l("Requests"),
}

# The empty choice lets the filters decide: best match when there is a query, by name when there is none.
# Submitting an explicit "name" while typing would throw relevance away.
SORT_OPTIONS = (
    ("", _l("Best match first")),
    ("name", _l("By name")),
    ("recent", _l("Newest first")),
    ("experience", _l("Most experienced first")),
)


def chosen_sort(requested: str | None) -> str:
    """The sort option to show as selected: only what the visitor chose themselves."""
    return requested if requested in dict(SORT_OPTIONS) else ""


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


def facet_groups(filters: MentorFilters, counts: dict[str, dict[str, int]]) -> list[FacetGroup]:
    """Every facet with the values that have mentors, plus any value already ticked (so it can be unticked)."""
    groups = []
    for facet in FACETS:
        facet_counts = counts.get(facet, {})
        shown = {value for value, count in facet_counts.items() if count} | set(filters.selected.get(facet, []))
        options = tuple(
            FacetOption(value, label, facet_counts.get(value, 0), filters.is_selected(facet, value))
            for value, label in _labelled_values(facet, shown)
        )
        if options:
            groups.append(FacetGroup(facet, str(FACET_LEGENDS[facet]), options))
    return groups


def facets_html(filters: MentorFilters, groups: list[FacetGroup], chosen: str, oob: bool = False) -> Markup:
    """The facet checkboxes (templates/mentors/_facets.html), kept by what they show: every page and order of
    the same search shows the same boxes and counts."""
    key = (tuple(groups), filters.query, bool(filters.selected), chosen, oob)
    return kept_fragment("mentor-facets", key, lambda: render_template(
        "mentors/_facets.html", facets=groups, filters=filters, chosen_sort=chosen, oob=oob
    ))


def untick_links(filters: MentorFilters, groups: list[FacetGroup]) -> list[tuple[str, str]]:
    """("Facet: value", the current URL without that one value) for each ticked value."""
    links = []
    for group in groups:
        for option in group.options:
            if option.selected:
                others = [value for value in filters.selected.get(group.name, []) if value != option.value]
                links.append((f"{group.legend}: {option.label}", url_with_args(**{group.name: others, "page": None})))
    return links


def _labelled_values(facet: str, values: set[str]) -> list[tuple[str, str]]:
    """(value, label) pairs in the order a reader expects: vocabularies as curated, places by name."""
    if facet in VOCABULARY_FACETS:
        english = is_english()
        return [(term.slug, term.label_in(english)) for term in active_terms(VOCABULARY_FACETS[facet])
                if term.slug in values]
    if facet == ACCEPTING_FACET:
        return [("1", str(_l("Accepting requests now")))] if values else []
    ids = [int(value) for value in values if value.isdigit()]
    if not ids:
        return []
    if facet == "region":
        regions = db.session.execute(
            select(Region.id, Region.name, Region.name_en).where(Region.id.in_(ids)).order_by(Region.name)
        )
        return [(str(region.id), region_name(region)) for region in regions]
    municipalities = db.session.execute(
        select(Municipality.id, Municipality.name).where(Municipality.id.in_(ids)).order_by(Municipality.name)
    )
    return [(str(municipality.id), municipality.name) for municipality in municipalities]
