"""The one place that decides whether a request gets a partial or the whole page."""
from flask import make_response, render_template

from ..extensions import htmx


def wants_partial() -> bool:
    # A history restore or a boosted link asks for the whole page: htmx puts it back as the document.
    return bool(htmx) and not htmx.history_restore_request and not htmx.boosted


def render_page_or_partial(page_template: str, partial_template: str, **context):
    template = partial_template if wants_partial() else page_template
    response = make_response(render_template(template, **context))
    response.vary.add("HX-Request")
    return response
