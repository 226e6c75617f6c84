"""The mentor application workflow: draft → submitted (pending) → approved | returned → resubmitted;
withdrawn at any time. An approved profile is edited through its revision (revisions.py) while it stays public.

Services change the session and flush; the request commits once. Approving and returning belong to moderation.
"""
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..accounts.models import User
from ..audit.models import record
from ..core.models import utcnow
from ..extensions import db
from ..vocabularies.models import Term, Vocabulary
from .models import MentorProfile, ProfileStatus
from .revisions import copy_content, start_revision


class ApplicationError(Exception):
    """A step the workflow refuses; the message is shown to the author."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass
class ProfileContent:
    """What the author typed, independent of the form that carried it."""

    subjects: str | None = None
    experience_years: int | None = None
    achievements: str | None = None
    bio: str | None = None
    capacity: int = 3
    accepting_requests: bool = True
    phone: str | None = None
    mentoring_consent: bool = False
    publication_consent: bool = False
    team_name: str | None = None
    term_ids: dict[Vocabulary, list[int]] = field(default_factory=dict)


# The author may change these; an approved profile changes only through a revision.
EDITABLE = (ProfileStatus.DRAFT, ProfileStatus.PENDING, ProfileStatus.REJECTED, ProfileStatus.WITHDRAWN)
SUBMITTABLE = (ProfileStatus.DRAFT, ProfileStatus.REJECTED, ProfileStatus.WITHDRAWN)


def existing_profile(user: User, team: bool) -> MentorProfile | None:
    """The person's own profile (one per person), or their team profile for their current organisation."""
    query = select(MentorProfile).where(
        MentorProfile.user_id == user.id,
        MentorProfile.revision_of_id.is_(None),
        MentorProfile.is_team.is_(team),
    )
    if team:
        query = query.where(MentorProfile.organisation_id == user.organisation_id)
    return db.session.scalars(query.order_by(MentorProfile.id).limit(1)).first()


def create_profile(user: User, team: bool) -> MentorProfile:
    if user.organisation_id is None:
        raise ApplicationError(_l("Choose your organisation in your account profile first."))
    if existing_profile(user, team) is not None:
        raise ApplicationError(_l("You already have this profile; edit it instead."))
    profile = MentorProfile(user_id=user.id, organisation_id=user.organisation_id, is_team=team,
                            status=ProfileStatus.DRAFT)
    db.session.add(profile)
    return profile


def version_to_edit(profile: MentorProfile, start: bool = False) -> MentorProfile:
    """The row the author's changes go to: the profile itself, or for an approved one its revision
    (started only when ``start``, so that merely opening the form writes nothing)."""
    if profile.status != ProfileStatus.APPROVED:
        return profile
    if profile.pending_revision is not None or not start:
        return profile.pending_revision or profile
    # start_revision reads the published terms while the new row is half-built; an autoflush there warns.
    with db.session.no_autoflush:
        return start_revision(profile)


def save_content(version: MentorProfile, content: ProfileContent, author: User) -> MentorProfile:
    """Store what the author typed. A pending profile goes back to draft: it waits until submitted again."""
    if version.status not in EDITABLE:
        raise ApplicationError(_l("This profile cannot be changed now."))
    now = utcnow()
    if not version.is_team:
        version.organisation_id = author.organisation_id or version.organisation_id
    version.team_name = content.team_name if version.is_team else None
    for name in ("subjects", "experience_years", "achievements", "bio", "capacity", "accepting_requests", "phone"):
        setattr(version, name, getattr(content, name))
    # A consent keeps the date it was first given for as long as it stays given.
    version.mentoring_consent_at = (version.mentoring_consent_at or now) if content.mentoring_consent else None
    version.publication_consent_at = (version.publication_consent_at or now) if content.publication_consent else None
    for vocabulary, ids in content.term_ids.items():
        terms = db.session.scalars(select(Term).where(Term.vocabulary == vocabulary, Term.id.in_(ids))).all() if ids else []
        version.set_terms(vocabulary, list(terms))
    if version.status == ProfileStatus.PENDING:
        version.status = ProfileStatus.DRAFT
    db.session.flush()
    return version


def submission_problems(version: MentorProfile, author: User) -> list:
    """Why this version cannot go to moderation yet (empty when it can)."""
    problems = []
    if not author.is_confirmed:
        problems.append(_l("Confirm your e-mail address before submitting the profile."))
    if version.mentoring_consent_at is None:
        problems.append(_l("The written consent to mentor is required to submit the profile."))
    if version.publication_consent_at is None:
        problems.append(_l("The consent to publication is required to submit the profile."))
    if version.is_team and not version.team_name:
        problems.append(_l("A team profile needs the name of the team."))
    return problems


def submit(profile: MentorProfile, author: User) -> MentorProfile:
    """Send the profile (or, for an approved one, its revision) to the moderators' queue."""
    version = version_to_edit(profile)
    if version.status == ProfileStatus.PENDING:
        raise ApplicationError(_l("The profile is already waiting for moderation."))
    if version.status not in SUBMITTABLE:
        raise ApplicationError(_l("There are no changes to submit: edit the profile first."))
    problems = submission_problems(version, author)
    if problems:
        raise ApplicationError(problems[0])
    version.status = ProfileStatus.PENDING
    version.submitted_at = utcnow()
    details = {"revision_of": version.revision_of_id} if version.revision_of_id else None
    db.session.flush()
    record("mentor_profile.submit", version, actor=author, details=details)
    return version


def withdraw(profile: MentorProfile, author: User) -> MentorProfile:
    """Take the profile out of the bank and the queue at once; the consent to publication goes with it.
    Unsubmitted changes of an approved profile are kept on it, so nothing typed is lost."""
    if profile.status == ProfileStatus.WITHDRAWN:
        raise ApplicationError(_l("This profile is already withdrawn."))
    revision = profile.pending_revision
    if revision is not None:
        status_reason = profile.status_reason
        copy_content(revision, profile)
        profile.status_reason = status_reason
        profile.pending_revision = None
        db.session.delete(revision)
    profile.status = ProfileStatus.WITHDRAWN
    profile.publication_consent_at = None
    db.session.flush()
    record("mentor_profile.withdraw", profile, actor=author)
    return profile
