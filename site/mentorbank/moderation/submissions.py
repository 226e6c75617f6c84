"""My submissions: every moderated kind's records of the person, each listed by its kind's partial, with the
moderators' comments. Part of the account's pages, but read from the moderation registry, so it lives here
(accounts sits below the domains and knows none of them)."""
from flask import Blueprint, render_template
from flask_login import current_user

from ..core.permissions import login_required
from .registry import kinds

bp = Blueprint("submissions", __name__, url_prefix="/account")


@bp.get("/submissions")
@login_required
def index():
    sections = [(kind, kind.submissions_of(current_user.id)) for kind in kinds() if kind.submissions_of]
    return render_template("account/submissions.html", sections=sections)
