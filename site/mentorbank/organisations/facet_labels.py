"""The labels of the facet values every bank shares: places (regions and municipalities, by id) and
vocabulary terms (by slug), in the order a reader expects: places by name, terms as curated."""
from collections.abc import Mapping

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..core.i18n import is_english
from ..core.layout import region_name
from ..extensions import db
from ..vocabularies.models import Vocabulary
from ..vocabularies.rows import active_terms
from .models import Municipality, Region

# The place facets of every bank (their values are database ids), and their legends.
GEOGRAPHY_FACETS = ("region", "municipality")
GEOGRAPHY_LEGENDS = {"region": _l("Region"), "municipality": _l("Municipality")}
# Not a facet of a bank's page: the home page counts the organisations with mentors by it, and an
# organisation's page lists its practices through it.
ORGANISATION_FACET = "organisation_id"


def place_and_term_labels(facet: str, values: set[str], vocabulary_facets: Mapping[str, Vocabulary]
                          ) -> list[tuple[str, str]]:
    """(value, label) of a "region", "municipality" or vocabulary facet's values."""
    if facet in vocabulary_facets:
        english = is_english()
        return [(term.slug, term.label_in(english)) for term in active_terms(vocabulary_facets[facet])
                if term.slug in values]
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
