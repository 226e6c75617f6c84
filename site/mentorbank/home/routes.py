"""The front page."""
from flask import Blueprint, render_template
from sqlalchemy import select

from .. import search
from ..extensions import db
from ..mentors.filters import ORGANISATION_FACET
from ..mentors.cards import cards_for_hits
from ..organisations.models import Region
from ..search import SearchResult

bp = Blueprint("home", __name__)

RECENT_MENTORS = 6


@bp.get("/")
def index():
    # One search gives the newest mentors and, from its facet counts, every counter: no request reads or sorts
    # every mentor; it is kept until the index changes (it follows each publication).
    newest = search.memoised("home", lambda: search.search(
        ["mentor"], sort="recent", per_page=RECENT_MENTORS, count_facets=("region", "municipality", ORGANISATION_FACET)
    ))
    return render_template(
        "home/index.html",
        counters=bank_counters(newest),
        recent=[card for card, _hit in cards_for_hits(newest.hits)],
        regions=regions_with_mentors(newest.facets.get("region", {})),
    )


def bank_counters(result: SearchResult) -> dict[str, int]:
    """How many public mentors the bank holds, and from how many organisations, municipalities and regions."""
    return {
        "mentors": result.total,
        "organisations": len(result.facets.get(ORGANISATION_FACET, {})),
        "municipalities": len(result.facets.get("municipality", {})),
        "regions": len(result.facets.get("region", {})),
    }


def regions_with_mentors(counts: dict[str, int]) -> list[tuple[Region, int]]:
    ids = [int(region_id) for region_id in counts]
    regions = db.session.scalars(select(Region).where(Region.id.in_(ids)).order_by(Region.name)) if ids else []
    return [(region, counts[str(region.id)]) for region in regions]
