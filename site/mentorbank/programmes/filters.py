"""The bank of programmes' filters (search/listing.py): the page, its htmx partial and the API read the same
URL. Facets: direction, form and the programme's period in months."""
from flask_babel import lazy_gettext as _l, ngettext

from ..organisations.facet_labels import place_and_term_labels
from ..search.listing import ListFilters, Listing
from ..vocabularies.models import Vocabulary

SEARCH_TYPE = "programme"
VOCABULARY_FACETS: dict[str, Vocabulary] = {"direction": Vocabulary.DIRECTION, "form": Vocabulary.FORM}
PERIOD_FACET = "period"
FACETS = ("direction", "form", PERIOD_FACET)
SORTS = ("relevance", "name", "recent")

FACET_LEGENDS = {"direction": _l("Direction"), "form": _l("Form"), PERIOD_FACET: _l("Period")}


def period_label(months: int) -> str:
    return ngettext("%(num)d month", "%(num)d months", months)


def _labels(facet: str, values: set[str]) -> list[tuple[str, str]]:
    if facet == PERIOD_FACET:
        return [(value, period_label(int(value))) for value in sorted((v for v in values if v.isdigit()), key=int)]
    return place_and_term_labels(facet, values, VOCABULARY_FACETS)


PROGRAMME_LISTING = Listing(
    type_name=SEARCH_TYPE, prefix="programme", endpoint="programmes.index", facets=FACETS, legends=FACET_LEGENDS,
    labels=_labels,
    found_text=lambda count: ngettext("Found %(num)d programme", "Found %(num)d programmes", count),
    item_template="programmes/_result.html",
    nothing_found_hint=_l("Try fewer words or another form of the word, or untick some filters."),
    show_all_text=_l("Show all programmes"),
    sorts=SORTS,
)


class ProgrammeFilters(ListFilters):
    listing = PROGRAMME_LISTING
