"""Routes every page relies on, whatever areas are installed: the language switch."""
from flask import Blueprint, abort, current_app, redirect, request, session
from flask_login import current_user

from ..extensions import db

from .i18n import LOCALE_SESSION_KEY
from .navigation import safe_next_url

bp = Blueprint("core", __name__)


@bp.post("/locale/<code>")
def set_locale(code: str):
    if code not in current_app.config["LANGUAGES"]:
        abort(404)
    session[LOCALE_SESSION_KEY] = code
    if current_user.is_authenticated and current_user.locale != code:
        # Remembered on the account too: notifications and e-mails reach the person in the language they chose.
        current_user.locale = code
        db.session.commit()
    return redirect(safe_next_url(request.form.get("next")), code=303)
