"""/feed.atom: the newest entries of every registered source, as Atom."""
import hashlib
from datetime import datetime

from flask import Blueprint, current_app, make_response, request
from flask_babel import force_locale, gettext as _

from ..core.security import public_url
from ..portal.operator import site_operator
from .atom import FeedHead, atom_document
from .registry import newest_entries

bp = Blueprint("feed", __name__)
CONTENT_TYPE = "application/atom+xml; charset=utf-8"
DEFAULT_ENTRIES = 50
# A feed with no entry yet still needs an <updated>: a fixed moment keeps its ETag stable.
EPOCH = datetime(2026, 1, 1)
CACHE_SECONDS = 300


@bp.get("/feed.atom")
def atom():
    entries = newest_entries(current_app.config.get("FEED_ENTRIES", DEFAULT_ENTRIES))
    operator = site_operator()
    # The feed is one document for every reader: written in the site's first language, whatever the session.
    with force_locale(current_app.config["LANGUAGES"][0]):
        head = FeedHead(
            id_uri=public_url("feed.atom"),
            title=_("Open mentor bank: news"),
            subtitle=_("New practices, results of competitions and library items of the open mentor bank."),
            self_url=public_url("feed.atom"),
            alternate_url=public_url("home.index"),
            author_name=operator.full_name,
            author_uri=public_url("portal.page", slug="about"),
            language=current_app.config["LANGUAGES"][0],
        )
    body = atom_document(head, entries, EPOCH)
    response = make_response(body)
    response.headers["Content-Type"] = CONTENT_TYPE
    response.set_etag(hashlib.sha256(body).hexdigest()[:32])
    response.cache_control.max_age = CACHE_SECONDS
    return response.make_conditional(request)
