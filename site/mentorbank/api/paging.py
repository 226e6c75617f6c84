"""Page sizes of the API: a client asks, the server clamps."""
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
