"""The read-only JSON API at /api/v1: the public mentor bank as open data (DESIGN.md §5)."""
from flask import Blueprint, abort, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed, default_exceptions

from .. import search
from ..core.pagination import page_number
from ..mentors.filters import MAX_QUERY_LENGTH, MentorFilters
from ..mentors.models import get_public_profile_or_404
from ..mentors.ratings import public_rating, public_ratings
from ..mentors.views import profiles_for_hits
from ..practices.cards import practices_for_hits
from ..practices.filters import PracticeFilters
from ..practices.models import get_public_practice_or_404, public_practices
from .openapi import openapi_document
from .paging import page_count, per_page_from, searched_page
from .responses import API_PREFIX, http_error_as_json, is_api_request, json_response
from .serializers import (
    MENTOR_FACET_NAMES, PRACTICE_FACET_NAMES, facets_json, hit_json, mentor_json, practice_json,
)

bp = Blueprint("api", __name__, url_prefix=API_PREFIX)


def _listed(filters_class, items_of_hits, facet_names):
    """A bank's list as JSON, read from the same query string as its page."""
    _filters, result, paging = searched_page(filters_class.from_args(request.args), request.args)
    return json_response({
        **paging,
        "items": items_of_hits(result.hits),
        "facets": facets_json(result.facets, facet_names),
    })


@bp.get("/mentors")
def mentors():
    return _listed(MentorFilters, _mentors_json, MENTOR_FACET_NAMES)


def _mentors_json(hits) -> list[dict]:
    profiles = [profile for profile, _hit in profiles_for_hits(hits)]
    ratings = public_ratings(profile.id for profile in profiles)
    return [mentor_json(profile, ratings.get(profile.id)) for profile in profiles]


@bp.get("/mentors/<int:profile_id>")
def mentor(profile_id: int):
    profile = get_public_profile_or_404(profile_id)
    return json_response(mentor_json(profile, public_rating(profile.id)))


@bp.get("/practices")
def practices():
    return _listed(PracticeFilters, lambda hits: [practice_json(practice) for practice, _hit in practices_for_hits(hits, public_practices)],
                   PRACTICE_FACET_NAMES)


@bp.get("/practices/<int:practice_id>")
def practice(practice_id: int):
    return json_response(practice_json(get_public_practice_or_404(practice_id)))


@bp.get("/search")
def search_everything():
    query = " ".join(request.args.get("q", "").split())[:MAX_QUERY_LENGTH]
    doc_type = request.args.get("type") or None
    if doc_type is not None and doc_type not in search_types():
        abort(400, description=f"Unknown type; use one of: {', '.join(search_types())}.")
    page = page_number(request.args.get("page"))
    per_page = per_page_from(request.args)
    result = _search_everything(query, doc_type, page, per_page)
    last_page = page_count(result.total, per_page)
    if page > last_page:
        page = last_page
        result = _search_everything(query, doc_type, page, per_page)
    return json_response({
        "query": query,
        "type": doc_type,
        "total": result.total,
        "page": page,
        "per_page": per_page,
        "pages": last_page,
        "items": [hit_json(hit) for hit in result.hits],
        "counts": result.facets.get("type", {}),
        "suggestion": result.suggestion,
    })


def search_types() -> tuple[str, ...]:
    return search.registry.names()


def _search_everything(query: str, doc_type: str | None, page: int, per_page: int):
    """Every type, ranked together; ``doc_type`` narrows the hits while the per-type counts stay."""
    selected = {"type": [doc_type]} if doc_type else {}
    return search.search(search_types(), query, selected, "relevance", page, per_page)


@bp.get("/openapi.json")
def openapi():
    return json_response(openapi_document())


@bp.get("/", defaults={"unknown": ""})
@bp.get("/<path:unknown>")
def not_found(unknown: str):
    """Any other GET under /api/v1: answered here so the API's JSON error handlers apply."""
    abort(404)


def api_http_error(error: HTTPException):
    return http_error_as_json(error)


# Per status code, not only per class: Flask prefers an application handler for a code (say the HTML 404 page)
# over a blueprint handler for a class.
for _code in default_exceptions:
    bp.register_error_handler(_code, api_http_error)


# The library's routes (their own module, on this blueprint) before it is registered.
from . import library as _library  # noqa: E402,F401


@bp.app_errorhandler(MethodNotAllowed)
def method_not_allowed(error: MethodNotAllowed):
    # Routing fails before a blueprint is known, so this one handler is the application's.
    return http_error_as_json(error) if is_api_request() else error
