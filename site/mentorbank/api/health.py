"""/healthz for monitoring: is the database reachable, is the search index usable."""
import logging

from flask import Blueprint
from sqlalchemy import text

from .. import search
from ..extensions import db
from .responses import json_response

bp = Blueprint("health", __name__)
log = logging.getLogger(__name__)
MAX_REASON_LENGTH = 80


def probe_database() -> None:
    """Raises when the database cannot answer. A connection of its own: the request's session stays untouched."""
    with db.engine.connect() as connection:
        connection.execute(text("SELECT 1"))


def database_status() -> dict:
    try:
        probe_database()
    except Exception:
        # Details (host names, drivers' messages) go to the log, not to whoever asks.
        log.exception("Health check: the database probe failed")
        return {"ok": False, "error": "database unavailable"}
    return {"ok": True, "error": None}


def index_status() -> dict:
    try:
        status = dict(search.index_status())
    except Exception:
        log.exception("Health check: the search index status failed")
        return {"ok": False, "error": "search index unreadable"}
    status["error"] = _public_reason(status.get("error"))
    return status


def _public_reason(reason: str | None) -> str | None:
    """The index's own short reasons ("missing: mentor") are shown; an exception's text, which may name
    server paths, is not."""
    if reason is None:
        return None
    if len(reason) > MAX_REASON_LENGTH or "/" in reason or "\\" in reason:
        log.warning("Health check: search index error: %s", reason)
        return "search index unreadable"
    return reason


@bp.get("/healthz")
def healthz():
    database = database_status()
    index = index_status()
    healthy = database["ok"] and bool(index.get("ok"))
    response = json_response(
        {"status": "ok" if healthy else "error", "database": database, "index": index},
        200 if healthy else 503,
    )
    # A monitor must see the state of now, never a cached one.
    response.headers["Cache-Control"] = "no-store"
    return response
