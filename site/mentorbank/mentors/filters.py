"""The mentor-bank filters, read from a query string (search/listing.py). The page, its htmx partial and the
JSON API share them, so a URL means the same thing everywhere."""
from flask_babel import lazy_gettext as _l, ngettext

from ..organisations.facet_labels import (  # noqa: F401  (the API and the home page read them from here)
    GEOGRAPHY_FACETS, GEOGRAPHY_LEGENDS, ORGANISATION_FACET, place_and_term_labels,
)
from ..search.listing import MAX_QUERY_LENGTH, ListFilters, Listing  # noqa: F401  (the API bounds its query)
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
ACCEPTING_FACET = "accepting"
FACETS = (*GEOGRAPHY_FACETS, *VOCABULARY_FACETS, ACCEPTING_FACET)

SORTS = ("relevance", "name", "recent", "experience")

FACET_LEGENDS = {
    **GEOGRAPHY_LEGENDS,
    "org_kind": _l("Organisation type"),
    "form": _l("Form"),
    "kind": _l("Kind"),
    "mode": _l("Mode"),
    "direction": _l("Direction"),
    "track": _l("Track"),
    ACCEPTING_FACET: _l("Requests"),
}


def _labels(facet: str, values: set[str]) -> list[tuple[str, str]]:
    if facet == ACCEPTING_FACET:
        return [("1", str(_l("Accepting requests now")))] if values else []
    return place_and_term_labels(facet, values, VOCABULARY_FACETS)


MENTOR_LISTING = Listing(
    type_name="mentor", prefix="mentor", endpoint="mentors.index", facets=FACETS, legends=FACET_LEGENDS,
    labels=_labels, found_text=lambda count: ngettext("Found %(num)d mentor", "Found %(num)d mentors", count),
    item_template="mentors/_result.html",
    nothing_found_hint=_l("Try fewer words or another form of the word, untick some filters, or search by subject "
                          "or direction."),
    show_all_text=_l("Show all mentors"),
    id_facets=GEOGRAPHY_FACETS, flag_facets=(ACCEPTING_FACET,), sorts=SORTS,
)


class MentorFilters(ListFilters):
    listing = MENTOR_LISTING
