"""Error pages: one template, a title and a sentence per status, in the visitor's language."""
from flask import Flask, render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, SecurityError

from .htmx import wants_partial

ERROR_TEXTS = {
    400: (_l("The request could not be understood"),
          _l("Something in the request was wrong. Go back, reload the page and try again.")),
    403: (_l("Access denied"), _l("You do not have the right to open this page or do this.")),
    404: (_l("Page not found"),
          _l("There is no such page, or it is no longer public. Check the address or search the bank.")),
    405: (_l("Action not allowed"), _l("This address does not accept this kind of request.")),
    413: (_l("The file is too large"), _l("The upload is larger than the site accepts.")),
    429: (_l("Too many attempts"),
          _l("You have tried too many times in a short while. Wait a minute and try again.")),
    500: (_l("Something went wrong"),
          _l("The page could not be shown because of an error on our side. Please try again a little later.")),
}
CSRF_TEXT = (
    _l("The form has expired"),
    _l("The page was open too long or was opened in another window. Reload the page and submit the form again."),
)


# Where an htmx request's error goes (templates/base.html): a message above the page, not the whole page
# (header, menu, footer) swapped into whatever fragment the request was for.
HTMX_ERROR_AREA = "#htmx-error"


def render_error(status: int, title=None, message=None):
    """The error page, or for an htmx request a message retargeted to the error area: (body, status, headers)."""
    default_title, default_message = ERROR_TEXTS.get(status, ERROR_TEXTS[500])
    context = {"title": title or default_title, "message": message or default_message}
    if wants_partial():
        headers = {"HX-Retarget": HTMX_ERROR_AREA, "HX-Reswap": "innerHTML", "Vary": "HX-Request"}
        return render_template("errors/_error.html", **context), status, headers
    return render_template("errors/error.html", **context), status, {"Vary": "HX-Request"}


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(_error):
        return render_error(400, *CSRF_TEXT)

    @app.errorhandler(SecurityError)
    def untrusted_host(_error):
        # An address outside TRUSTED_HOSTS: no page can be built (links would need that host), a plain answer.
        return "Bad Request: unknown host", 400, {"Content-Type": "text/plain; charset=utf-8"}

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code not in ERROR_TEXTS:
            return error
        response = error.get_response()
        body, _status, headers = render_error(error.code)
        response.set_data(body)
        response.content_type = "text/html; charset=utf-8"
        response.headers.update(headers)
        return response  # keeps headers such as Allow or Retry-After

    @app.errorhandler(500)
    def server_error(_error):
        return render_error(500)
