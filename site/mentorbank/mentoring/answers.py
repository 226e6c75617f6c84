"""The mentor's answer to a request: accept it (a mentorship and its programme begin, the mentee's other pending
requests are withdrawn) or decline it with a reason.

Like every service these only flush; the route commits. The audit entries and the notifications of the
request's transitions are written by the one hook on REQUEST_WORKFLOW (mentoring/requests.py), not here.
"""
import calendar
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..core.models import utcnow
from ..core.workflow import AlreadyDecided, TransitionRefused, transition
from ..extensions import db
from .capacity import release_places, take_places
from .models import (
    PENDING_REQUEST_STATUSES, MentoringRequest, Mentorship, Programme, RequestStatus, same_asker,
)


class NotWaiting(AlreadyDecided):
    """The request was answered, withdrawn or expired already (perhaps a moment ago)."""

    def __init__(self):
        TransitionRefused.__init__(self, _l("This request no longer waits for an answer."))


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it is shorter: 31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def answers_request(request: MentoringRequest, user) -> bool:
    """Whether ``user`` is the mentor the request was sent to (owns its mentor profile)."""
    profile = request.mentor_profile
    return profile is not None and getattr(user, "is_authenticated", False) and profile.user_id == user.id


def _refuse_unless_answerer(request: MentoringRequest, mentor_user) -> None:
    if not answers_request(request, mentor_user):
        raise TransitionRefused(_l("Only the mentor the request was sent to can answer it."))
    if request.status != RequestStatus.SENT:
        raise NotWaiting()


def _mark_active(profile) -> None:
    """Answering is activity: the mentor is no longer paused for silence."""
    profile.silent_since = None
    profile.last_active_at = utcnow()


def accept(request: MentoringRequest, mentor_user) -> Mentorship:
    """Accept the request: take its places of the mentor's capacity, start the mentorship and its programme,
    and withdraw the mentee's other pending requests. TransitionRefused (nothing changed) when the user is not
    the request's mentor, it no longer waits for an answer, or the mentor has no free places."""
    _refuse_unless_answerer(request, mentor_user)
    if request.mentee.is_blocked:  # its requests are being withdrawn (account_events.py)
        raise NotWaiting()
    pending = lock_pending_requests(request)
    if request not in pending:  # answered, withdrawn or expired while this accept waited for the lock
        raise NotWaiting()
    profile = request.mentor_profile
    if not take_places(profile.id, request.group_size):
        raise TransitionRefused(_l("You have no free places for this request: complete a mentorship or raise "
                                   "the number of mentees in your profile first."))
    try:
        transition(request, RequestStatus.ACCEPTED, mentor_user)
    except AlreadyDecided:  # changed since it was locked (SQLite does not lock): the places go back
        release_places(profile.id, request.group_size)
        raise NotWaiting() from None
    today = date.today()
    mentorship = Mentorship(
        request=request, mentor_profile=profile, mentor_id=profile.user_id, mentee_id=request.mentee_id,
        mentor_organisation_id=profile.organisation_id, mentee_organisation_id=request.organisation_id,
        is_team=request.is_team, group_size=request.group_size, form_id=request.form_id, kind_id=request.kind_id,
        started_on=today,
    )
    mentorship.programme = Programme(
        problem=request.difficulties, mode_id=request.mode_id, starts_on=today,
        ends_on=add_months(today, request.period_months), directions=list(request.directions),
    )
    db.session.add(mentorship)
    _mark_active(profile)
    db.session.flush()
    withdraw_other_requests([other for other in pending if other is not request])
    return mentorship


def lock_pending_requests(request: MentoringRequest) -> list[MentoringRequest]:
    """The pending requests of the request's asker (models.same_asker), locked in id order (FOR UPDATE on
    PostgreSQL; SQLite serialises writers) and read afresh. Every accept locks them all, in the same order,
    before it changes any: two mentors accepting two requests of one mentee at once do not deadlock, the second
    waits and finds its request withdrawn."""
    return list(db.session.scalars(
        select(MentoringRequest)
        .where(*same_asker(request.mentee_id, request.is_team, request.organisation_id),
               MentoringRequest.status.in_(PENDING_REQUEST_STATUSES))
        .order_by(MentoringRequest.id)
        .with_for_update(of=MentoringRequest)
        .execution_options(populate_existing=True)
    ))


def withdraw_other_requests(others: list[MentoringRequest]) -> list[MentoringRequest]:
    """The site withdraws the mentee's other pending requests (step withdraw_on_acceptance); one that changed
    meanwhile (withdrawn, expired, answered) is left as it is."""
    withdrawn = []
    for other in others:
        try:
            # No reason text: the step itself says why, in each reader's language (audit log, notifications).
            transition(other, RequestStatus.WITHDRAWN, None, action="withdraw_on_acceptance")
        except AlreadyDecided:
            continue
        withdrawn.append(other)
    db.session.flush()
    return withdrawn


def decline(request: MentoringRequest, mentor_user, reason: str) -> None:
    """Decline the request with a reason the mentee reads; TransitionRefused when the reason is empty, the user is
    not the request's mentor or it no longer waits for an answer."""
    _refuse_unless_answerer(request, mentor_user)
    try:
        transition(request, RequestStatus.DECLINED, mentor_user, reason)
    except AlreadyDecided:
        raise NotWaiting() from None
    _mark_active(request.mentor_profile)
    db.session.flush()
