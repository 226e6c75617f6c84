"""The mentor application workflow: draft → submitted (pending) → approved | returned → resubmitted;
withdrawn at any time. An approved profile is edited through its revision (revisions.py) while it stays public.

Services change the session and flush; the request commits once. Approving and returning belong to moderation.
"""
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..accounts.models import User
from ..accounts.signals import account_closed, publication_consent_withdrawn, user_blocked
from ..core.models import utcnow
from ..core.workflow import TransitionRefused, transition
from ..extensions import db
from ..vocabularies.models import Term, Vocabulary
from . import lifecycle  # noqa: F401  (registers the audit and notification hooks of every transition)
from .content import MENTOR_PROFILE_CONTENT
from .models import MentorProfile, ProfileStatus, profiles_of
from .revisions import copy_content, start_revision


class ApplicationError(TransitionRefused):
    """A step the workflow refuses; the message is shown to the author."""


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
EDITABLE = (ProfileStatus.DRAFT, ProfileStatus.PENDING, ProfileStatus.RETURNED, ProfileStatus.WITHDRAWN)
SUBMITTABLE = (ProfileStatus.DRAFT, ProfileStatus.RETURNED, ProfileStatus.WITHDRAWN)


def may_speak_for(user: User, organisation_id: int) -> bool:
    """Whether the person may start a team profile of the organisation: their own, or one they curate."""
    return organisation_id == user.organisation_id or user.is_curator_of(organisation_id)


def organisation_team(organisation_id: int | None) -> MentorProfile | None:
    """The organisation's team profile: one per organisation, whoever started it (the review found two identical
    team cards of one school in the bank)."""
    if organisation_id is None:
        return None
    return db.session.scalars(select(MentorProfile).where(
        MentorProfile.organisation_id == organisation_id,
        MentorProfile.revision_of_id.is_(None),
        MentorProfile.is_team.is_(True),
    ).order_by(MentorProfile.id).limit(1)).first()


def may_edit(user: User, profile: MentorProfile) -> bool:
    """A profile is edited by its author; a team profile also by any curator of its organisation, so a school's
    team does not depend on the one person who started it."""
    return profile.user_id == user.id or (profile.is_team and user.is_curator_of(profile.organisation_id))


def existing_profile(user: User, team: bool, organisation_id: int | None = None) -> MentorProfile | None:
    """The person's own profile (one per person), or the team profile of the organisation (``organisation_id``,
    one they curate, or their own)."""
    if team:
        return organisation_team(organisation_id or user.organisation_id)
    return db.session.scalars(select(MentorProfile).where(
        MentorProfile.user_id == user.id,
        MentorProfile.revision_of_id.is_(None),
        MentorProfile.is_team.is_(False),
    ).order_by(MentorProfile.id).limit(1)).first()


def create_profile(user: User, team: bool, organisation_id: int | None = None) -> MentorProfile:
    """A draft profile; a team's belongs to ``organisation_id`` (a curator's school) or the person's own."""
    organisation_id = (organisation_id if team else None) or user.organisation_id
    if organisation_id is None:
        raise ApplicationError(_l("Choose your organisation in your account profile first."))
    if not may_speak_for(user, organisation_id):
        raise ApplicationError(_l("Only the organisation's curator can start its team profile."))
    if team and organisation_team(organisation_id) is not None:
        raise ApplicationError(_l("The organisation already has its team profile: its curator or the colleague "
                                  "who started it edits it."))
    if not team and existing_profile(user, team) is not None:
        raise ApplicationError(_l("You already have this profile; edit it instead."))
    profile = MentorProfile(user_id=user.id, organisation_id=organisation_id, is_team=team,
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
    for name in MENTOR_PROFILE_CONTENT.typed_field_names:
        setattr(version, name, getattr(content, name))
    # A consent keeps the date it was first given for as long as it stays given.
    version.mentoring_consent_at = (version.mentoring_consent_at or now) if content.mentoring_consent else None
    version.publication_consent_at = (version.publication_consent_at or now) if content.publication_consent else None
    for vocabulary, ids in content.term_ids.items():
        terms = db.session.scalars(select(Term).where(Term.vocabulary == vocabulary, Term.id.in_(ids))).all() if ids else []
        version.set_terms(vocabulary, list(terms))
    db.session.flush()
    if version.status == ProfileStatus.PENDING:
        transition(version, ProfileStatus.DRAFT, author)
    return version


# A card in the bank is useful when it says whom the mentor can take, with what, in which subjects, and who
# they are in more than a line (the review found near-empty profiles accepted).
BIO_MIN_LENGTH = 200


def card_gaps(subjects: str | None, bio: str | None, forms: int, directions: int) -> dict[str, str]:
    """What a submitted profile still lacks for a useful card, by the form field that should supply it."""
    gaps = {}
    if not forms:
        gaps["forms"] = _l("Tick at least one form of mentoring: whom you can mentor.")
    if not directions:
        gaps["directions"] = _l("Tick at least one direction: what you can help with.")
    if not (subjects or "").strip():
        gaps["subjects"] = _l("Name at least one subject or area of work, e.g. mathematics.")
    length = len((bio or "").strip())
    if length < BIO_MIN_LENGTH:
        gaps["bio"] = _l("Write at least %(min)d characters about yourself as a mentor (now %(num)d): whom you "
                         "help, with what and how you work.", min=BIO_MIN_LENGTH, num=length)
    return gaps


def submission_problems(version: MentorProfile, author: User) -> list:
    """Why this version cannot go to moderation yet (empty when it can)."""
    problems = list(card_gaps(version.subjects, version.bio, len(version.terms_in(Vocabulary.FORM)),
                              len(version.terms_in(Vocabulary.DIRECTION))).values())
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
    version.submitted_at = utcnow()
    transition(version, ProfileStatus.PENDING, author)
    return version


def withdraw(profile: MentorProfile, actor: User | None, reason: str | None = None) -> MentorProfile:
    """Take the profile out of the bank and the queue at once; when the author withdraws it, the consent to
    publication goes with it. Unsubmitted changes of an approved profile are kept on it, so nothing typed is
    lost. ``actor`` is the author, or the admin who blocked them (``reason`` says so; the consent stays the
    author's)."""
    if profile.status == ProfileStatus.WITHDRAWN:
        raise ApplicationError(_l("This profile is already withdrawn."))
    revision = profile.pending_revision
    if revision is not None:
        status_reason = profile.status_reason
        copy_content(revision, profile)
        profile.status_reason = status_reason
        profile.pending_revision = None
        db.session.delete(revision)
    if actor is not None and actor.id == profile.user_id:
        profile.publication_consent_at = None
    transition(profile, ProfileStatus.WITHDRAWN, actor, details={"reason": reason} if reason else None)
    return profile


# -- account events (accounts/signals.py): what they do to a person's mentor profiles ----------------------

@user_blocked.connect
def _withdraw_when_blocked(user: User, actor: User | None = None, **_extra) -> list[MentorProfile]:
    """A blocked person's profiles leave the bank and the moderators' queue (a pending revision too)."""
    return [withdraw(profile, actor, reason="user blocked") for profile in profiles_of(user.id)
            if profile.status in (ProfileStatus.APPROVED, ProfileStatus.PENDING)]


@publication_consent_withdrawn.connect
def _withdraw_without_consent(user: User, **_extra) -> list[MentorProfile]:
    withdrawn = []
    for profile in profiles_of(user.id):
        if profile.status != ProfileStatus.WITHDRAWN:
            withdrawn.append(withdraw(profile, user))
        profile.publication_consent_at = None
    return withdrawn


@account_closed.connect
def _erase_contacts(user: User, **_extra) -> None:
    for profile in profiles_of(user.id):
        profile.phone = None
