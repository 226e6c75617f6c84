"""What waits for a moderator."""
from sqlalchemy import func, select

from ..extensions import db
from ..mentors.models import MentorProfile, ProfileStatus
from ..organisations.models import Organisation, OrganisationStatus


def waiting_count() -> int:
    """How many submissions wait for a decision (the number in the navigation)."""
    profiles = db.session.scalar(
        select(func.count(MentorProfile.id)).where(MentorProfile.status == ProfileStatus.PENDING)
    )
    organisations = db.session.scalar(
        select(func.count(Organisation.id)).where(Organisation.status == OrganisationStatus.PROPOSED)
    )
    return (profiles or 0) + (organisations or 0)
