"""Defences every response and request shares: security headers, trusted hosts, the public address of mailed
links, and rate limits on expensive endpoints owned by other areas (applied here by endpoint name)."""
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, request
from flask_login import current_user
from werkzeug.routing import IntegerConverter

from ..extensions import limiter

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
HSTS = "max-age=31536000; includeSubDomains"
# Blueprints whose pages show personal data whoever looks at them.
PERSONAL_BLUEPRINTS = frozenset({"account", "notifications", "submissions", "mentor_application", "moderation", "admin", "auth"})

# A search with this many words or more is expensive (each word is a term query over the whole index).
EXPENSIVE_SEARCH_WORDS = 6
# Endpoints of other areas limited here, so their modules stay free of the rate-limit policy.
SEARCH_ENDPOINTS = ("search.index", "mentors.index", "api.search_everything", "api.mentors")
API_BLUEPRINT = "api"


# The largest id an INTEGER column holds on PostgreSQL; beyond it SQLite overflows (a 500) on a look-up.
MAX_DATABASE_ID = 2**31 - 1


class DatabaseIdConverter(IntegerConverter):
    """``<int:...>`` in routes: a number no row can have is a 404, not an OverflowError."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", MAX_DATABASE_ID)
        super().__init__(url_map, *args, **kwargs)


def database_ids(values: list[str]) -> list[str]:
    """Ids typed into a query string: anything but a plain number is ignored; a number no row can have is
    a 400 (it would overflow the database's integer)."""
    numbers = [value for value in values if value.isascii() and value.isdigit()]
    if any(int(number) > MAX_DATABASE_ID for number in numbers):
        abort(400)
    return numbers


def optional_database_id(value: str | None) -> int | None:
    """An optional id from a query string; anything that cannot be an id means "none"."""
    if value and value.isascii() and value.isdigit() and int(value) <= MAX_DATABASE_ID:
        return int(value)
    return None


def public_host(app: Flask) -> str:
    return urlsplit(app.config["PUBLIC_URL"]).hostname or "127.0.0.1"


def public_url(endpoint: str, **values) -> str:
    """An absolute link for a mail or a notification: the configured public address, never the request's Host
    (an attacker's Host header in a genuine reset mail is an account takeover). Works outside a request too
    (commands that send mail)."""
    public = urlsplit(current_app.config["PUBLIC_URL"])
    adapter = current_app.url_map.bind(public.netloc, script_name=public.path or "/", url_scheme=public.scheme)
    return adapter.build(endpoint, values, force_external=True)


def trusted_hosts(app: Flask) -> list[str]:
    hosts = [public_host(app)]
    if app.config["ENV_NAME"] != "production":
        hosts += ["localhost", "127.0.0.1", "::1"]
    return hosts


def _shows_personal_data() -> bool:
    return current_user.is_authenticated or request.blueprint in PERSONAL_BLUEPRINTS


def _security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    app = current_app
    if not (app.debug or app.testing) and app.config["PUBLIC_URL"].startswith("https://"):
        headers.setdefault("Strict-Transport-Security", HSTS)
    # A response marked public (an attachment anyone may see) is the same for everyone, whoever asks.
    if request.endpoint != "static" and not response.cache_control.public and _shows_personal_data():
        # A shared school computer's cache or a proxy must not keep someone's page.
        response.cache_control.no_store = True
        response.cache_control.private = True
        response.vary.add("Cookie")
    return response


def _refuse_nul_bytes():
    # A NUL byte is never typed by a person; stored, it breaks PostgreSQL text and is rendered raw.
    if any("\x00" in value for values in (request.args, request.form) for value in values.values()):
        abort(400)


def search_words(query: str | None) -> int:
    return len((query or "").split())


def _cheap_search() -> bool:
    return search_words(request.args.get("q")) < EXPENSIVE_SEARCH_WORDS


def _expensive_search_limit() -> str:
    return current_app.config["EXPENSIVE_SEARCH_LIMIT"]


def _api_limit() -> str:
    return current_app.config["API_LIMIT"]


def _limit_endpoints(app: Flask) -> None:
    # Module-level callables, not lambdas: the limiter is shared by every app of the process (tests make
    # several) and keeps equal limits once, where new lambdas would count each request twice.
    missing = [name for name in SEARCH_ENDPOINTS if name not in app.view_functions]
    if missing:
        raise RuntimeError(f"rate-limited endpoints no longer exist: {', '.join(missing)} (see core/security.py)")
    for name in SEARCH_ENDPOINTS:
        app.view_functions[name] = limiter.limit(
            _expensive_search_limit, exempt_when=_cheap_search,
            override_defaults=False,  # the API's own limit still counts
        )(app.view_functions[name])
    limiter.limit(_api_limit)(app.blueprints[API_BLUEPRINT])


def init_url_map(app: Flask) -> None:
    """Call before any blueprint is registered (their rules are built with the converter)."""
    app.url_map.converters["int"] = DatabaseIdConverter


def init_app(app: Flask) -> None:
    """Call after every blueprint is registered (the limits name their endpoints)."""
    app.config["TRUSTED_HOSTS"] = trusted_hosts(app)
    app.before_request(_refuse_nul_bytes)
    app.after_request(_security_headers)
    _limit_endpoints(app)
