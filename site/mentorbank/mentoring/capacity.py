"""A mentor's places: taken and given back only by compare-and-set UPDATEs, so that two accepts at the same
moment cannot give a mentor more mentees than their capacity (on SQLite and PostgreSQL alike, no row lock).

A bulk UPDATE bypasses the unit of work, so the profile is marked changed afterwards: the search index (whose
"accepting" facet counts free places) follows it like any other change."""
from sqlalchemy import update
from sqlalchemy.orm.attributes import flag_modified

from ..extensions import db
from ..mentors.models import MentorProfile


def take_places(profile_id: int, count: int = 1) -> bool:
    """Take ``count`` places of the mentor's capacity; False (nothing changed) when they are not free."""
    result = db.session.execute(
        update(MentorProfile)
        .where(MentorProfile.id == profile_id, MentorProfile.active_mentees + count <= MentorProfile.capacity)
        .values(active_mentees=MentorProfile.active_mentees + count)
        .execution_options(synchronize_session="fetch")
    )
    if result.rowcount != 1:
        return False
    _reindex(profile_id)
    return True


def release_places(profile_id: int, count: int = 1) -> None:
    """Give back ``count`` places when a mentorship ends (never below zero)."""
    db.session.execute(
        update(MentorProfile)
        .where(MentorProfile.id == profile_id)
        .values(active_mentees=db.case((MentorProfile.active_mentees > count, MentorProfile.active_mentees - count),
                                       else_=0))
        .execution_options(synchronize_session="fetch")
    )
    _reindex(profile_id)


def _reindex(profile_id: int) -> None:
    profile = db.session.get(MentorProfile, profile_id)
    db.session.refresh(profile, ["active_mentees"])  # the new count, read in this transaction
    flag_modified(profile, "active_mentees")
