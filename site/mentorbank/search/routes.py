"""/search: one search over everything public, grouped by type."""
from flask import Blueprint, current_app, request
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from .. import search
from ..core.htmx import render_page_or_partial
from ..core.pagination import Page, page_number
from ..extensions import db
from ..mentors.filters import MAX_QUERY_LENGTH
from ..mentors.views import profiles_for_hits
from ..organisations.models import Organisation
from .results import Hit

bp = Blueprint("search", __name__)

# Searchable types in the order their groups appear.
TYPE_LABELS = {"mentor": _l("Mentors"), "organisation": _l("Organisations")}


@bp.get("/search")
def index():
    query = " ".join(request.args.get("q", "").split())[:MAX_QUERY_LENGTH]
    doc_type = request.args.get("type") if request.args.get("type") in TYPE_LABELS else None
    per_page = current_app.config["MENTORS_PER_PAGE"]
    result = page = None
    groups = []
    if query:
        result = search.search_all(query, doc_type, page_number(request.args.get("page")), per_page)
        page = Page(items=result.hits, page=result.page, per_page=per_page, total=result.total)
        groups = grouped_hits(result.hits)
    return render_page_or_partial(
        "search/index.html",
        "search/_results.html",
        query=query,
        doc_type=doc_type,
        result=result,
        page=page,
        groups=groups,
        type_labels=TYPE_LABELS,
    )


def grouped_hits(hits: list[Hit]) -> list[tuple[str, list[tuple[object, Hit]]]]:
    """The page's hits by type, each with its database record (one query per type), ranked order kept."""
    records = {"mentor": profiles_for_hits(hits), "organisation": _organisations_for(hits)}
    return [(doc_type, records[doc_type]) for doc_type in TYPE_LABELS if records.get(doc_type)]


def _organisations_for(hits: list[Hit]) -> list[tuple[Organisation, Hit]]:
    ids = [hit.id for hit in hits if hit.type == "organisation"]
    if not ids:
        return []
    found = {o.id: o for o in db.session.scalars(select(Organisation).where(Organisation.id.in_(ids)))}
    return [(found[hit.id], hit) for hit in hits if hit.type == "organisation" and hit.id in found]
