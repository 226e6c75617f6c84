"""The front page and the language switch."""
from flask import Blueprint, abort, current_app, redirect, render_template, request, session
from sqlalchemy import distinct, func, select

from ..core.i18n import LOCALE_SESSION_KEY
from ..extensions import db
from ..mentors.models import MentorProfile, ProfileStatus, public_profiles
from ..organisations.models import Municipality, Organisation, Region
from .layout import layout_context, optional_url, region_name, safe_next_url

bp = Blueprint("home", __name__)
bp.app_context_processor(layout_context)
# Globals, not context: imported macros (the mentor card) see globals only.
bp.add_app_template_global(optional_url)
bp.add_app_template_global(region_name)

RECENT_MENTORS = 6


@bp.get("/")
def index():
    return render_template(
        "home/index.html",
        counters=bank_counters(),
        recent=db.session.scalars(
            public_profiles().order_by(MentorProfile.published_at.desc(), MentorProfile.id.desc()).limit(RECENT_MENTORS)
        ).all(),
        regions=regions_with_mentors(),
    )


@bp.post("/locale/<code>")
def set_locale(code: str):
    if code not in current_app.config["LANGUAGES"]:
        abort(404)
    session[LOCALE_SESSION_KEY] = code
    return redirect(safe_next_url(request.form.get("next")), code=303)


def _approved_with_places():
    return (
        select(MentorProfile)
        .join(Organisation, MentorProfile.organisation_id == Organisation.id)
        .join(Municipality, Organisation.municipality_id == Municipality.id)
        .where(MentorProfile.status == ProfileStatus.APPROVED)
    )


def bank_counters() -> dict[str, int]:
    """How many approved mentors the bank holds, and from how many organisations, municipalities and regions."""
    row = db.session.execute(
        _approved_with_places().with_only_columns(
            func.count(distinct(MentorProfile.id)),
            func.count(distinct(Organisation.id)),
            func.count(distinct(Municipality.id)),
            func.count(distinct(Municipality.region_id)),
        )
    ).one()
    return dict(zip(("mentors", "organisations", "municipalities", "regions"), row))


def regions_with_mentors() -> list[tuple[Region, int]]:
    query = (
        _approved_with_places()
        .join(Region, Municipality.region_id == Region.id)
        .with_only_columns(Region, func.count(distinct(MentorProfile.id)))
        .group_by(Region.id)
        .order_by(Region.name)
    )
    return [(region, count) for region, count in db.session.execute(query)]
