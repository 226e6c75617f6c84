"""Where links lead: safe in-site redirects, and the numbers in the navigation (unread notifications, what
waits for a moderator).

The numbers cost a COUNT query each, so they are computed only when a template asks for them (``base.html``,
i.e. once per full page) and kept on ``g`` for the rest of the request: an htmx partial or a mail body, which
never ask, cost nothing. Areas register their counters here, so core imports none of them.
"""
from collections.abc import Callable
from urllib.parse import urlsplit

from flask import g, url_for
from flask_login import current_user

# name → function of the logged-in user returning the number (0 when it does not concern them)
_COUNTERS: dict[str, Callable[[object], int]] = {}
CACHE_KEY = "navigation_counts"


def register_count(name: str, counter: Callable[[object], int]) -> None:
    _COUNTERS[name] = counter


def navigation_count(name: str) -> int:
    """The number named ``name`` for the current user, computed at most once per request."""
    if not current_user.is_authenticated:
        return 0
    cache = g.setdefault(CACHE_KEY, {})
    if name not in cache:
        cache[name] = _COUNTERS[name](current_user)
    return cache[name]


def safe_next_url(target: str | None) -> str:
    """Follow ``target`` only when it is a path inside this site; anything else goes home."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.isprintable():
            return target
    return url_for("home.index")
