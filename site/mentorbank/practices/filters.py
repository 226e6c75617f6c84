"""The practice-bank filters (search/listing.py): the page, its htmx partial and the API read the same URL."""
from flask_babel import lazy_gettext as _l, ngettext

from ..organisations.facet_labels import (  # noqa: F401  (searchable.py reads ORGANISATION_FACET from here)
    GEOGRAPHY_FACETS, GEOGRAPHY_LEGENDS, ORGANISATION_FACET, place_and_term_labels,
)
from ..search.listing import ListFilters, Listing
from ..vocabularies.models import Vocabulary

VOCABULARY_FACETS: dict[str, Vocabulary] = {
    "level": Vocabulary.LEVEL,
    "form": Vocabulary.FORM,
    "kind": Vocabulary.KIND,
    "direction": Vocabulary.DIRECTION,
    "org_kind": Vocabulary.ORGANISATION_KIND,
}
YEAR_FACET = "year"
WINNER_FACET = "winner"
FACETS = (*GEOGRAPHY_FACETS, "level", "form", "kind", "direction", YEAR_FACET, "org_kind", WINNER_FACET)
SORTS = ("relevance", "name", "recent", "year")

FACET_LEGENDS = {
    **GEOGRAPHY_LEGENDS,
    "level": _l("Level"),
    "form": _l("Form"),
    "kind": _l("Kind"),
    "direction": _l("Direction"),
    YEAR_FACET: _l("Running since"),
    "org_kind": _l("Organisation type"),
    WINNER_FACET: _l("Contests"),
}


def _labels(facet: str, values: set[str]) -> list[tuple[str, str]]:
    if facet == WINNER_FACET:
        return [("1", str(_l("Contest winners only")))] if values else []
    if facet == YEAR_FACET:
        return [(value, value) for value in sorted((v for v in values if v.isdigit()), reverse=True)]
    return place_and_term_labels(facet, values, VOCABULARY_FACETS)


PRACTICE_LISTING = Listing(
    type_name="practice", prefix="practice", endpoint="practices.index", facets=FACETS, legends=FACET_LEGENDS,
    labels=_labels, found_text=lambda count: ngettext("Found %(num)d practice", "Found %(num)d practices", count),
    item_template="practices/_result.html",
    nothing_found_hint=_l("Try fewer words or another form of the word, untick some filters, or search by "
                          "direction or place."),
    show_all_text=_l("Show all practices"),
    id_facets=GEOGRAPHY_FACETS, flag_facets=(WINNER_FACET,), sorts=SORTS,
)


class PracticeFilters(ListFilters):
    listing = PRACTICE_LISTING
