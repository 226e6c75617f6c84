"""Moderators' decisions. Each one changes the submission, writes an audit entry and notifies the author, all in
the caller's transaction: the route commits once, and the e-mails and the index follow that commit.
A decision that cannot be taken raises before it changes anything, so the caller has nothing to undo."""
from sqlalchemy import func, select, update

from ..accounts.models import RoleGrant, User
from ..audit.models import record
from ..core.workflow import AlreadyDecided, TransitionRefused, refuse_own_record, transition
from ..extensions import db
from ..mentors import lifecycle  # noqa: F401  (registers the hooks of the profile workflow)
from ..mentors.models import MentorProfile, ProfileStatus
from ..notifications.service import notify
from ..organisations.models import ORGANISATION_WORKFLOW, Organisation, OrganisationStatus


# The workflow's conflict: the submission was already decided (perhaps by another moderator a moment ago).
NotPending = AlreadyDecided


class OrganisationInUse(Exception):
    """Mentor profiles or curator roles name the organisation, so it cannot be removed from the directory."""


# -- mentor profiles --------------------------------------------------------------------------------------

def approve_mentor_profile(profile: MentorProfile, moderator: User) -> MentorProfile:
    """Publish a new profile, or a revision's content on its published profile (mentors/lifecycle.py);
    returns the public profile. A proposed organisation the profile names is approved with it."""
    # Taken from the submission itself: a revision may name a (proposed) organisation the published one does not.
    published, organisation = profile.revision_of or profile, profile.organisation
    transition(profile, ProfileStatus.APPROVED, moderator)
    if organisation.status == OrganisationStatus.PROPOSED:
        try:
            approve_organisation(organisation, moderator)
        except TransitionRefused:
            pass  # another moderator has just approved it, or this moderator proposed it: another one decides
    return published


def return_mentor_profile(profile: MentorProfile, moderator: User, reason: str) -> None:
    """Send a profile back to its author with the reason; a returned revision leaves the published one public."""
    transition(profile, ProfileStatus.RETURNED, moderator, reason)


# -- organisations ----------------------------------------------------------------------------------------

def proposer_of(organisation: Organisation) -> User | None:
    return db.session.get(User, organisation.proposed_by_id) if organisation.proposed_by_id else None


@ORGANISATION_WORKFLOW.on_transition
def _after_organisation_transition(change) -> None:
    organisation = change.record
    record(f"organisation.{change.step.action}", organisation, actor=change.actor, details={"name": organisation.name})
    proposer = proposer_of(organisation)
    if proposer is not None:
        notify(proposer, "organisation.approved", organisation)


def approve_organisation(organisation: Organisation, moderator: User) -> None:
    """Add a proposed organisation to the public directory (and so to the index)."""
    transition(organisation, OrganisationStatus.APPROVED, moderator)


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
    refuse_own_record(organisation, moderator)
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
