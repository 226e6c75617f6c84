"""A mentor's places: taken and given back only by compare-and-set UPDATEs, so that two accepts at the same
moment cannot give a mentor more mentees than their capacity (on SQLite and PostgreSQL alike, no row lock)."""
from sqlalchemy import update

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
    return result.rowcount == 1


def release_places(profile_id: int, count: int = 1) -> None:
    """Give back ``count`` places when a mentorship ends (never below zero)."""
    db.session.execute(
        update(MentorProfile)
        .where(MentorProfile.id == profile_id)
        .values(active_mentees=db.case((MentorProfile.active_mentees > count, MentorProfile.active_mentees - count),
                                       else_=0))
        .execution_options(synchronize_session="fetch")
    )
