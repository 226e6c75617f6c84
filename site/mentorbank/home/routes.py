"""The front page and the language switch."""
from flask import Blueprint, abort, current_app, redirect, render_template, request, session
from sqlalchemy import select

from .. import search
from ..core.i18n import LOCALE_SESSION_KEY
from ..extensions import db
from ..mentors.searchable import ORGANISATION_FACET
from ..mentors.views import profiles_for_hits
from ..organisations.models import Region
from ..search import SearchResult
from .layout import layout_context, optional_url, region_name, safe_next_url

bp = Blueprint("home", __name__)
bp.app_context_processor(layout_context)
# Globals, not context: imported macros (the mentor card) see globals only.
bp.add_app_template_global(optional_url)
bp.add_app_template_global(region_name)

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
        recent=[profile for profile, _hit in profiles_for_hits(newest.hits)],
        regions=regions_with_mentors(newest.facets.get("region", {})),
    )


@bp.post("/locale/<code>")
def set_locale(code: str):
    if code not in current_app.config["LANGUAGES"]:
        abort(404)
    session[LOCALE_SESSION_KEY] = code
    return redirect(safe_next_url(request.form.get("next")), code=303)


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
