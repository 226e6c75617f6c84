"""The front page."""
from flask import Blueprint, render_template
from sqlalchemy import distinct, func, select

from ..extensions import db
from ..mentors.models import MentorProfile, public_profiles
from ..organisations.models import Municipality, Organisation, Region

bp = Blueprint("home", __name__)

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


def _public_with_places():
    return (
        select(MentorProfile)
        .where(MentorProfile.is_public)
        .join(Organisation, MentorProfile.organisation_id == Organisation.id)
        .join(Municipality, Organisation.municipality_id == Municipality.id)
    )


def bank_counters() -> dict[str, int]:
    """How many public mentors the bank holds, and from how many organisations, municipalities and regions."""
    row = db.session.execute(
        _public_with_places().with_only_columns(
            func.count(distinct(MentorProfile.id)),
            func.count(distinct(Organisation.id)),
            func.count(distinct(Municipality.id)),
            func.count(distinct(Municipality.region_id)),
        )
    ).one()
    return dict(zip(("mentors", "organisations", "municipalities", "regions"), row))


def regions_with_mentors() -> list[tuple[Region, int]]:
    query = (
        _public_with_places()
        .join(Region, Municipality.region_id == Region.id)
        .with_only_columns(Region, func.count(distinct(MentorProfile.id)))
        .group_by(Region.id)
        .order_by(Region.name)
    )
    return [(region, count) for region, count in db.session.execute(query)]
