"""Site administration: users and roles, organisations, vocabularies. Only administrators; moderators get 403.

The routes live in users.py, organisations.py and vocabularies.py on this one blueprint; every one of them is
behind the same check, made once here before any admin view runs.
"""
from flask import Blueprint, render_template

from ..core.permissions import admin_required
from .services import dashboard_counts

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
@admin_required
def _administrators_only():
    return None  # let the view run


@bp.get("")
def index():
    return render_template("admin/index.html", counts=dashboard_counts())


# Imported for their side effect: they add their routes to ``bp``.
from . import organisations, thesaurus, users, vocabularies  # noqa: E402,F401
