"""Page sizes of the API: a client asks, the server clamps."""
from dataclasses import replace
from math import ceil

from flask import current_app

DEFAULT_PER_PAGE = 20


def per_page_from(args) -> int:
    """A page size between 1 and API_MAX_PER_PAGE; anything unreadable means the default."""
    try:
        wanted = int(args.get("per_page", DEFAULT_PER_PAGE))
    except (TypeError, ValueError):
        wanted = DEFAULT_PER_PAGE
    return min(max(1, wanted), current_app.config["API_MAX_PER_PAGE"])


def page_count(total: int, per_page: int) -> int:
    return max(1, ceil(total / per_page))


def searched_page(filters, args) -> tuple[object, object, dict]:
    """A list endpoint's search: ``filters`` (a page's filters with ``page`` and ``search(per_page)``) on the
    page asked, clamped to the last page rather than answered empty. Returns the filters as searched, the
    result, and the paging keys of the answer."""
    per_page = per_page_from(args)
    result = filters.search(per_page)
    last_page = page_count(result.total, per_page)
    if filters.page > last_page:
        filters = replace(filters, page=last_page)
        result = filters.search(per_page)
    return filters, result, {"total": result.total, "page": filters.page, "per_page": per_page, "pages": last_page}
