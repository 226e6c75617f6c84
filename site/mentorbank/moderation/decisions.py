"""Moderators' decisions. Each one changes the submission, writes an audit entry and notifies the author, all in
the caller's transaction: the route commits once, and the e-mails and the index follow that commit.
A decision that cannot be taken raises before it changes anything, so the caller has nothing to undo."""
from sqlalchemy import func, select, update

from ..accounts.models import RoleGrant, User
from ..audit.models import record
from ..core.models import utcnow
from ..extensions import db
from ..mentors.models import MentorProfile, ProfileStatus
from ..mentors.revisions import apply_revision, changed_fields
from ..notifications.service import notify
from ..organisations.models import Organisation, OrganisationStatus


class NotPending(Exception):
    """The submission was already decided (perhaps by another moderator a moment ago)."""


class OrganisationInUse(Exception):
    """Mentor profiles or curator roles name the organisation, so it cannot be removed from the directory."""


def _claim(submission, pending, decided) -> None:
    """Move one row from ``pending`` to ``decided`` in a single UPDATE … WHERE status = pending, so two
    moderators deciding at once cannot both succeed: the second finds no row to change."""
    model = type(submission)
    result = db.session.execute(
        update(model).where(model.id == submission.id, model.status == pending).values(status=decided)
    )
    if result.rowcount != 1:
        raise NotPending()
    # The bulk UPDATE bypasses the unit of work; a real change makes the flush (and so the index) see the row.
    submission.updated_at = utcnow()


# -- mentor profiles --------------------------------------------------------------------------------------

def approve_mentor_profile(profile: MentorProfile, moderator: User) -> MentorProfile:
    """Publish a new profile, or a revision's content on its published profile; returns the public profile."""
    _claim(profile, ProfileStatus.PENDING, ProfileStatus.APPROVED)
    now = utcnow()
    profile.decided_at, profile.decided_by_id, profile.status_reason = now, moderator.id, None
    # Taken from the submission itself: a revision may name a (proposed) organisation the published one does not.
    author, organisation = profile.user, profile.organisation
    if profile.revision_of is not None:
        details = {"name": profile.display_name, "revision_id": profile.id,
                   "changed": sorted(changed_fields(profile))}
        published = apply_revision(profile)
        kind = "mentor_profile.revision_approved"
    else:
        details = {"name": profile.display_name}
        published, profile.published_at = profile, now
        kind = "mentor_profile.approved"
    if organisation.status == OrganisationStatus.PROPOSED:
        try:
            approve_organisation(organisation, moderator)
        except NotPending:
            pass  # another moderator has just approved it
    record("mentor_profile.approve", published, actor=moderator, details=details)
    notify(author, kind, published)
    return published


def return_mentor_profile(profile: MentorProfile, moderator: User, reason: str) -> None:
    """Send a profile back to its author with the reason; a returned revision leaves the published one public."""
    _claim(profile, ProfileStatus.PENDING, ProfileStatus.REJECTED)
    profile.status_reason, profile.decided_at, profile.decided_by_id = reason, utcnow(), moderator.id
    # The history of a profile lives on the published one, which outlives its revisions.
    published = profile.revision_of or profile
    details = {"name": profile.display_name}
    if profile.revision_of is not None:
        details["revision_id"] = profile.id
    record("mentor_profile.return", published, actor=moderator, reason=reason, details=details)
    kind = "mentor_profile.revision_returned" if profile.revision_of is not None else "mentor_profile.returned"
    notify(profile.user, kind, profile, message=reason)


# -- organisations ----------------------------------------------------------------------------------------

def proposer_of(organisation: Organisation) -> User | None:
    return db.session.get(User, organisation.proposed_by_id) if organisation.proposed_by_id else None


def approve_organisation(organisation: Organisation, moderator: User) -> None:
    """Add a proposed organisation to the public directory (and so to the index)."""
    _claim(organisation, OrganisationStatus.PROPOSED, OrganisationStatus.APPROVED)
    record("organisation.approve", organisation, actor=moderator, details={"name": organisation.name})
    proposer = proposer_of(organisation)
    if proposer is not None:
        notify(proposer, "organisation.approved", organisation)


def records_naming(organisation: Organisation) -> int:
    """Mentor profiles and curator roles that must name an organisation and name this one."""
    return sum(
        db.session.scalar(select(func.count()).where(column == organisation.id)) or 0
        for column in (MentorProfile.organisation_id, RoleGrant.organisation_id)
    )


def reject_organisation(organisation: Organisation, moderator: User, reason: str) -> None:
    """Refuse a proposed organisation: its people are left without an organisation (they choose another in
    their profile) and the record is deleted; the audit entry keeps its name."""
    # Lock the row (PostgreSQL) so a concurrent approval waits, then finds it gone.
    still_proposed = db.session.scalar(
        select(Organisation.id)
        .where(Organisation.id == organisation.id, Organisation.status == OrganisationStatus.PROPOSED)
        .with_for_update()
    )
    if still_proposed is None:
        raise NotPending()
    # A mentor profile must name an organisation: such a proposal is approved with the profile, or waits
    # until the returned profile names another one.
    if records_naming(organisation):
        raise OrganisationInUse()
    proposer = proposer_of(organisation)
    details = {"name": organisation.name, "municipality": organisation.municipality.name}
    record("organisation.reject", organisation, actor=moderator, reason=reason, details=details)
    db.session.execute(
        update(User).where(User.organisation_id == organisation.id).values(organisation_id=None)
    )
    db.session.delete(organisation)
    if proposer is not None:
        notify(proposer, "organisation.rejected", message=reason)
