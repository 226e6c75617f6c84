"""/search: one search over everything public, grouped by type, every type as it declares itself."""
from flask import Blueprint, current_app, request

from .. import search
from ..core.htmx import render_page_or_partial
from ..core.pagination import Page, page_number
from . import registry
from .results import Hit

bp = Blueprint("search", __name__)
MAX_QUERY_LENGTH = 200


@bp.get("/search")
def index():
    query = " ".join(request.args.get("q", "").split())[:MAX_QUERY_LENGTH]
    doc_type = request.args.get("type") if request.args.get("type") in registry.names() else None
    per_page = current_app.config["MENTORS_PER_PAGE"]
    result = page = None
    groups = []
    if query:
        selected = {"type": [doc_type]} if doc_type else {}
        result = search.search(registry.names(), query, selected, "relevance", page_number(request.args.get("page")),
                               per_page)
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
        searchable_types=registry.types(),
    )


def grouped_hits(hits: list[Hit]) -> list[tuple[registry.SearchableType, list[tuple[object, Hit]]]]:
    """The page's hits by type, each with its public record (one query per type), ranked order kept."""
    groups = [(searchable, searchable.records_for_hits(hits)) for searchable in registry.types()]
    return [(searchable, records) for searchable, records in groups if records]
