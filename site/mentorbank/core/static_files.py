"""Compressed responses and fingerprinted static files.

Flask-Compress compresses responses (brotli or gzip, as the client's Accept-Encoding allows). Flask-Static-Digest
reads ``static/cache_manifest.json``, written by ``flask digest compile`` (``make assets``), which maps each static
file to a copy named after its content's MD5 (``css/site-<md5>.css``). Every ``url_for('static', …)`` is sent
through that manifest by a URL-defaults hook, so templates need no other function; a fingerprinted name can
be cached for a year, since a changed file gets a new name. The plain name keeps working with a short lifetime.
Without a manifest (a checkout before ``make assets``) the plain names are used.
"""
import re

from flask import Flask, current_app
from flask_static_digest import FlaskStaticDigest

from ..extensions import compress

FINGERPRINTED = re.compile(r"-[0-9a-f]{32}\.[^/]+$")
FINGERPRINTED_MAX_AGE = 365 * 24 * 3600
PLAIN_MAX_AGE = 3600


def init_app(app: Flask) -> None:
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    app.config.setdefault("COMPRESS_REGISTER", True)
    # The manifest only renames: Flask-Compress compresses on the way out, so no .gz/.br copies are written.
    app.config.setdefault("FLASK_STATIC_DIGEST_COMPRESSION", [])
    if app.config.get("STATIC_FOLDER"):
        app.static_folder = app.config["STATIC_FOLDER"]
    compress.init_app(app)
    # Registered after Flask-Compress, so it runs before it (Flask calls after_request hooks in reverse order).
    app.after_request(_close_the_file_with_the_response)
    # One per app: the extension keeps the manifest on itself, and tests build apps with other static folders.
    app.extensions["static_digest"] = FlaskStaticDigest(app)
    app.url_defaults(_fingerprinted_filename)
    plain_max_age = app.config.get("STATIC_MAX_AGE", PLAIN_MAX_AGE)

    def max_age(filename: str | None) -> int:
        return FINGERPRINTED_MAX_AGE if filename and FINGERPRINTED.search(filename) else plain_max_age

    app.get_send_file_max_age = max_age


def _fingerprinted_filename(endpoint: str, values: dict) -> None:
    if endpoint == "static" and "filename" in values:
        manifest = current_app.extensions["static_digest"].manifests.get("static", {})
        values["filename"] = manifest.get(values["filename"], values["filename"])


def _close_the_file_with_the_response(response):
    """Flask-Compress replaces a streamed body (a static file) by a generator over it and never closes the
    file: close it when the response is closed, or every compressed static file leaks a file handle."""
    if response.is_streamed and hasattr(response.response, "close"):
        response.call_on_close(response.response.close)
    return response
