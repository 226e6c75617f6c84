"""Completing a mentorship with its reason (source 001): the plan done; the initiative of the mentor (stepping
down), of the mentee, or of both; the curator's decision. The mentor's places are given back, the audit log
says who ended it and why, and the other members and the curators are told."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select

from ..audit.models import record
from ..core.models import utcnow
from ..core.workflow import TransitionRefused, transition
from ..extensions import db
from ..notifications.service import notify
from .capacity import release_places
from .models import MENTORSHIP_WORKFLOW, CompletionReason, Mentorship, MentorshipStatus
from .pairs import PairRefused, curators_of

_C = CompletionReason
REASON_LABELS = {
    _C.PLAN_DONE: _l("The plan is done"),
    _C.MUTUAL: _l("By agreement of the mentor and the mentee"),
    _C.MENTOR_INITIATIVE: _l("The mentor steps down"),
    _C.MENTEE_INITIATIVE: _l("On the mentee's initiative"),
    _C.CURATOR_DECISION: _l("The curator's decision"),
}
# These end a programme before its plan is done: the person says why.
NEEDS_NOTE = frozenset({_C.MENTOR_INITIATIVE, _C.MENTEE_INITIATIVE, _C.CURATOR_DECISION})


def reasons_for(mentorship: Mentorship, user) -> list[CompletionReason]:
    """The reasons this person may give: a member speaks for their side, a curator decides."""
    if not getattr(user, "is_authenticated", False):
        return []
    reasons = []
    if user.id == mentorship.mentor_id:
        reasons += [_C.PLAN_DONE, _C.MUTUAL, _C.MENTOR_INITIATIVE]
    elif user.id == mentorship.mentee_id:
        reasons += [_C.PLAN_DONE, _C.MUTUAL, _C.MENTEE_INITIATIVE]
    if mentorship.curated_by(user):
        reasons.append(_C.CURATOR_DECISION)
    return reasons


def complete(mentorship: Mentorship, actor, reason: CompletionReason, note: str | None = None) -> Mentorship:
    """End an active mentorship: refused for a reason this person may not give, or without the note it needs."""
    reason = CompletionReason(reason)
    note = (note or "").strip() or None
    if not mentorship.is_active:
        raise PairRefused(_l("The mentorship is already completed."))
    if reason not in reasons_for(mentorship, actor):
        raise PairRefused(_l("You cannot complete the mentorship for this reason."))
    if reason in NEEDS_NOTE and note is None:
        raise PairRefused(_l("Write why the mentorship ends: the other members and the curators read it."))
    return _end(mentorship, actor, reason, note)


def end_for_leaving_member(user) -> list[Mentorship]:
    """The site ends the active mentorships of a person who closes their account, on that member's initiative
    (the person is blocked by then, so only the others are told)."""
    ended = []
    for mentorship in db.session.scalars(select(Mentorship).where(
            Mentorship.status == MentorshipStatus.ACTIVE,
            or_(Mentorship.mentor_id == user.id, Mentorship.mentee_id == user.id)).order_by(Mentorship.id)):
        reason = _C.MENTEE_INITIATIVE if mentorship.mentee_id == user.id else _C.MENTOR_INITIATIVE
        try:
            ended.append(_end(mentorship, None, reason, None))
        except PairRefused:  # completed a moment ago
            continue
    return ended


def _end(mentorship: Mentorship, actor, reason: CompletionReason, note: str | None) -> Mentorship:
    # The columns the database requires of a completed mentorship, written before the status moves.
    mentorship.completed_at = utcnow()
    mentorship.completion_reason = reason
    mentorship.completion_note = note
    mentorship.completed_by_id = actor.id if actor is not None else None
    try:
        transition(mentorship, MentorshipStatus.COMPLETED, actor, note, details={"completion_reason": reason.value})
    except TransitionRefused as refusal:  # someone completed it a moment ago: nothing of ours is committed
        raise PairRefused(_l("The mentorship is already completed.")) from refusal
    release_places(mentorship.mentor_profile_id, mentorship.group_size or 1)
    db.session.flush()
    return mentorship


@MENTORSHIP_WORKFLOW.on_transition
def _after_transition(change) -> None:
    """The audit entry of every mentorship transition, and the word to everyone concerned but the actor."""
    mentorship = change.record
    record(f"mentorship.{change.step.action}", mentorship, actor=change.actor, reason=change.reason,
           details={"title": mentorship.title, **(change.details or {})})
    if change.step.action != "complete":
        return
    actor_id = change.actor.id if change.actor is not None else None
    # Not the mentee: evaluation's invitation to the questionnaire tells them, with the same comment (one word
    # per person, evaluation/registrations.py).
    concerned = {person.id: person for person in (mentorship.mentor, *curators_of(mentorship))}
    for person_id, person in concerned.items():
        if person_id != actor_id and not person.is_blocked:
            notify(person, "mentorship.completed", mentorship, message=change.reason)
