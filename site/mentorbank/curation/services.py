"""What the cabinet reads and changes. Services flush and audit; the route commits once."""
from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..accounts.models import User, normalise_email
from ..audit.models import record
from ..extensions import db
from ..mentors.models import MentorProfile, ProfileStatus
from ..organisations.models import Organisation

PAGE_FIELDS = ("description", "website", "contact_email", "contact_phone", "address")


def update_public_page(organisation: Organisation, values: dict, *, actor: User) -> dict:
    """Publish the curator's page at once (a curator is appointed by an admin and answers for the school; the
    audit log keeps who changed what). Returns {field: [old, new]} of what changed; nothing changed, no entry."""
    changes = {}
    for name in PAGE_FIELDS:
        old, new = getattr(organisation, name), values.get(name)
        if old != new:
            changes[name] = [old, new]
            setattr(organisation, name, new)
    if changes:
        db.session.flush()
        record("organisation.page_update", organisation, actor=actor, details={"changed": changes})
    return changes


def is_account_email(email: str) -> bool:
    return db.session.scalar(select(User.id).where(User.email == normalise_email(email))) is not None


def school_profiles(organisation_id: int) -> list[MentorProfile]:
    """Every mentor profile of the school, whatever its status (a revision hangs on the profile it revises):
    teams first, then people by name."""
    profiles = db.session.scalars(
        select(MentorProfile)
        .where(MentorProfile.organisation_id == organisation_id, MentorProfile.revision_of_id.is_(None))
        .options(selectinload(MentorProfile.pending_revision))
    ).all()
    return sorted(profiles, key=lambda profile: (not profile.is_team, profile.display_name.casefold(), profile.id))


def status_counts(profiles: list[MentorProfile]) -> list[tuple[ProfileStatus, int]]:
    """How many of the school's profiles are in each status, in the workflow's order; empty ones left out."""
    counted = Counter(profile.status for profile in profiles)
    return [(status, counted[status]) for status in ProfileStatus if counted[status]]


def curated_organisations(user: User) -> list[Organisation]:
    ids = user.curated_organisation_ids
    if not ids:
        return []
    return list(db.session.scalars(select(Organisation).where(Organisation.id.in_(ids)).order_by(Organisation.name)))
