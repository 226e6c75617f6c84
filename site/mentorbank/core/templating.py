"""Template globals and the layout context shared by every area."""
from datetime import date, datetime

from flask import request, url_for
from flask_babel import format_date, format_time
from werkzeug.datastructures import MultiDict

from .i18n import is_english
from .layout import layout_context, region_name
from .navigation import navigation_count
from . import request_cache


def url_with_args(**changes) -> str:
    """The current URL with some query arguments replaced (None removes one); keeps repeated facets."""
    args = MultiDict(request.args)
    for key, value in changes.items():
        args.poplist(key)
        if value is None:
            continue
        for item in value if isinstance(value, (list, tuple)) else [value]:
            args.add(key, item)
    return url_for(request.endpoint, **(request.view_args or {}), **args.to_dict(flat=False))


def shown_date(value: date | None) -> str:
    """The one way the site writes a date: «1 декабря 2026 г.» (Babel, in the reader's language and time zone)."""
    return format_date(value, "long") if value else ""


def shown_datetime(value: datetime | None) -> str:
    """A moment (a decision, a notification): the same date, then the time, «1 декабря 2026 г., 10:07»."""
    return f"{format_date(value, 'long')}, {format_time(value, 'short')}" if value else ""


def shown_month(version: str | None) -> str:
    """An edition named by its month, "2026-11" → «ноября 2026» (редакция ноября 2026); anything else as it is."""
    try:
        year, month = (int(part) for part in (version or "").split("-"))
        return format_date(date(year, month, 1), "MMMM y")
    except ValueError:
        return version or ""


def init_app(app) -> None:
    request_cache.init_app(app)
    app.context_processor(layout_context)
    # Globals, not context: imported macros (the mentor card) see globals only.
    app.jinja_env.globals.update(
        url_with_args=url_with_args, is_english=is_english, region_name=region_name,
        navigation_count=navigation_count,
    )
    app.jinja_env.filters.update(shown_date=shown_date, shown_datetime=shown_datetime, shown_month=shown_month)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
