"""Asking for mentoring: filing a request, sending it to a mentor, withdrawing it; and what follows every
transition of a request, whoever made it (this is the only hook on REQUEST_WORKFLOW: the audit entry, and the
notification of the person who has to know).

Like every service these only flush: the route commits.
"""
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l, lazy_pgettext
from sqlalchemy import func, select

from ..accounts.models import User
from ..audit.models import record
from ..core.models import utcnow
from ..core.workflow import TransitionRefused, transition
from ..extensions import db
from ..mentors.models import MentorProfile
from ..notifications.service import notify
from ..vocabularies.models import Term
from .models import (
    MAX_PENDING_REQUESTS, PENDING_REQUEST_STATUSES, REQUEST_LIFETIME, REQUEST_WORKFLOW, MentoringRequest,
    RequestStatus, active_mentorship_between, same_asker,
)


class RequestRefused(TransitionRefused):
    """A request that may not be filed or sent; ``message`` is shown to the mentee."""


@dataclass
class RequestDetails:
    """What the mentee writes in a request (the forms' values)."""

    difficulties: str
    directions: list[Term] = field(default_factory=list)
    form: Term | None = None
    kind: Term | None = None
    mode: Term | None = None
    period_months: int = 6
    # A team request («команда – команда»): the curator files it for a group of their school.
    is_team: bool = False
    group_size: int = 1
    group_members: str | None = None


def pending_count(mentee_id: int, is_team: bool = False, organisation_id: int | None = None) -> int:
    """How many requests of this asker (models.same_asker) wait."""
    return db.session.scalar(select(func.count(MentoringRequest.id)).where(
        *same_asker(mentee_id, is_team, organisation_id),
        MentoringRequest.status.in_(PENDING_REQUEST_STATUSES))) or 0


def file_request(mentee: User, details: RequestDetails, *, organisation_id: int | None = None,
                 mentor_profile: MentorProfile | None = None) -> MentoringRequest:
    """A new request of ``mentee`` (for a team request, the curator filing it for ``organisation_id``): open,
    or sent at once to ``mentor_profile``. Refused when the mentee already waits for MAX_PENDING_REQUESTS."""
    # Two requests filed at the same moment (two tabs) count one after the other: the mentee's row is locked
    # until the commit on PostgreSQL (SQLite writes one transaction at a time anyway).
    db.session.execute(select(User.id).where(User.id == mentee.id).with_for_update())
    organisation_id = organisation_id if organisation_id is not None else mentee.organisation_id
    if pending_count(mentee.id, details.is_team, organisation_id) >= MAX_PENDING_REQUESTS:
        raise RequestRefused(_l(
            "You already wait for answers to %(num)d requests. Withdraw one of them, or wait for an answer, "
            "before asking again.", num=MAX_PENDING_REQUESTS))
    if mentor_profile is not None:
        _refuse_mentor(mentor_profile, mentee.id, details.group_size, details.is_team)
    request = MentoringRequest(
        mentee_id=mentee.id, organisation_id=organisation_id,
        is_team=details.is_team, group_size=details.group_size if details.is_team else 1,
        group_members=(details.group_members or "").strip() or None if details.is_team else None,
        difficulties=details.difficulties.strip(), form_id=_id(details.form), kind_id=_id(details.kind),
        mode_id=_id(details.mode), period_months=details.period_months, status=RequestStatus.OPEN,
        expires_at=utcnow() + REQUEST_LIFETIME,
    )
    request.directions = list(details.directions)
    db.session.add(request)
    db.session.flush()
    if mentor_profile is not None:
        send_to(request, mentor_profile, mentee)
    return request


def _id(term: Term | None) -> int | None:
    return term.id if term is not None else None


def _refuse_mentor(profile: MentorProfile, mentee_id: int, group_size: int, is_team: bool) -> None:
    """Raise RequestRefused when a request of this mentee may not reach this mentor now (a curator may bring
    the same mentor more than one group of their school)."""
    if profile.user_id == mentee_id:
        raise RequestRefused(_l("You cannot send a request to yourself."))
    if not profile.is_public or not profile.takes_requests:
        raise RequestRefused(_l("This mentor is not taking new requests at the moment. Choose another mentor."))
    if group_size > profile.free_places:
        raise RequestRefused(_l("This mentor has fewer free places than there are people in your group."))
    if not is_team and active_mentorship_between(profile.id, mentee_id) is not None:
        raise RequestRefused(_l("You already work with this mentor: see your mentorships."))
    waiting = db.session.scalar(select(MentoringRequest.id).where(
        MentoringRequest.mentee_id == mentee_id, MentoringRequest.is_team.is_(is_team),
        MentoringRequest.mentor_profile_id == profile.id, MentoringRequest.status == RequestStatus.SENT))
    if waiting is not None:
        raise RequestRefused(_l("Your request to this mentor already waits for an answer."))


def send_to(request: MentoringRequest, profile: MentorProfile, actor: User) -> None:
    """Send an open request to the chosen mentor: it waits for their answer for REQUEST_LIFETIME from now."""
    if actor.id != request.mentee_id:
        raise RequestRefused(_l("Only the author of a request sends it."))
    if request.status != RequestStatus.OPEN:
        raise RequestRefused(_l("This request has already been sent or closed."))
    _refuse_mentor(profile, request.mentee_id, request.group_size, request.is_team)
    request.mentor_profile = profile
    request.sent_at = utcnow()
    request.expires_at = request.sent_at + REQUEST_LIFETIME
    transition(request, RequestStatus.SENT, actor)


def withdraw(request: MentoringRequest, actor: User) -> None:
    """The mentee takes back a pending request (its mentor, if it reached one, is told)."""
    if actor.id != request.mentee_id:
        raise RequestRefused(_l("Only the author of a request withdraws it."))
    transition(request, RequestStatus.WITHDRAWN, actor)


# Who is told of each step, and with which words (registered in registrations.register_requests).
NOTIFIED_KINDS = {
    "send": "mentoring_request.received",
    "accept": "mentoring_request.accepted",
    "decline": "mentoring_request.declined",
    "withdraw": "mentoring_request.withdrawn",
    "withdraw_on_acceptance": "mentoring_request.withdrawn_on_acceptance",
    "expire": "mentoring_request.expired",
    "withdraw_for_account": "mentoring_request.withdrawn_for_account",
}
_TO_MENTOR = {"send", "withdraw", "withdraw_on_acceptance"}


@REQUEST_WORKFLOW.on_transition
def _after_transition(change) -> None:
    request, action = change.record, change.step.action
    if action in ("withdraw", "withdraw_on_acceptance") and change.reason:
        request.status_reason = change.reason  # why the site withdrew it, shown to the mentee
    record(f"mentoring_request.{action}", request, actor=change.actor, reason=change.reason, details={
        "mentor_profile_id": request.mentor_profile_id, "mentee_id": request.mentee_id, **(change.details or {})})
    if action == "withdraw_for_account" and (change.details or {}).get("left") != "mentor":
        return  # the mentee's own account was blocked or closed: nobody waits for word of it
    if action in _TO_MENTOR:
        # A request withdrawn before it was sent never reached a mentor: nobody to tell.
        reached = action == "send" or change.before == RequestStatus.SENT
        if reached and request.mentor_profile is not None:
            notify(request.mentor_profile.user, NOTIFIED_KINDS[action], request)
    else:
        notify(request.mentee, NOTIFIED_KINDS[action], request,
               message=change.reason if action == "decline" else None)


# What the mentee and the mentor read for each status.
STATUS_LABELS = {
    RequestStatus.OPEN: _l("Open: choose a mentor"),
    RequestStatus.SENT: _l("Waiting for the mentor's answer"),
    RequestStatus.ACCEPTED: _l("Accepted"),
    RequestStatus.DECLINED: _l("Declined"),
    # With its context: a request (запрос) is withdrawn in another grammatical gender than a profile (анкета).
    RequestStatus.WITHDRAWN: lazy_pgettext("mentoring request", "Withdrawn"),
    RequestStatus.EXPIRED: _l("Expired unanswered"),
}


def status_label(status: RequestStatus) -> str:
    return str(STATUS_LABELS[RequestStatus(status)])
