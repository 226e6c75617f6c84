"""Template globals and the layout context shared by every area."""
from flask import request, url_for
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


def init_app(app) -> None:
    request_cache.init_app(app)
    app.context_processor(layout_context)
    # Globals, not context: imported macros (the mentor card) see globals only.
    app.jinja_env.globals.update(
        url_with_args=url_with_args, is_english=is_english, region_name=region_name,
        navigation_count=navigation_count,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
