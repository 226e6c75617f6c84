"""The periodic sweep of requests (``flask mentoring sweep``, run by a scheduler: README «Scheduling the sweep»).

1. A pending request whose ``expires_at`` has passed expires (site step ``expire``; the request hook tells the
   mentee).
2. The mentor of a request waiting REMINDER_AFTER or longer is reminded of it, once (``reminded_at``).
3. A mentor who left a request unanswered SILENCE_LIMIT or longer and has not been active since it arrived is
   paused for silence (``silent_since``): no new request reaches them until they log in or answer. A request
   expires (REQUEST_LIFETIME) before SILENCE_LIMIT, so "unanswered" counts the requests sent to the mentor that
   are still waiting or expired waiting.

Like every service it only flushes; the command commits.
"""
from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, exists, select

from ..core.models import utcnow
from ..core.workflow import AlreadyDecided, transition
from ..extensions import db
from ..mentors.models import MentorProfile
from ..notifications.service import notify
from .models import (
    PENDING_REQUEST_STATUSES, REMINDER_AFTER, SILENCE_LIMIT, MentoringRequest, RequestStatus,
)

REMINDER_KIND = "mentoring_request.reminder"
PAUSED_KIND = "mentor_profile.paused_for_silence"

NOTIFICATION_KINDS = {
    REMINDER_KIND: _l("A mentoring request has been waiting for your answer for a week"),
    PAUSED_KIND: _l("New requests no longer reach you: a request went unanswered. Log in to receive them again"),
}


@dataclass
class SweepResult:
    expired: list[int] = field(default_factory=list)  # request ids
    reminded: list[int] = field(default_factory=list)  # request ids
    paused: list[int] = field(default_factory=list)  # mentor profile ids


def sweep(now: datetime | None = None) -> SweepResult:
    now = now or utcnow()
    result = SweepResult()
    result.expired = expire_requests(now)
    result.reminded = remind_mentors(now)
    result.paused = pause_silent_mentors(now)
    return result


def expire_requests(now: datetime) -> list[int]:
    due = db.session.scalars(
        select(MentoringRequest)
        .where(MentoringRequest.status.in_(PENDING_REQUEST_STATUSES), MentoringRequest.expires_at <= now)
        .order_by(MentoringRequest.id)
    ).all()
    expired = []
    for request in due:
        try:
            transition(request, RequestStatus.EXPIRED, None)
        except AlreadyDecided:  # answered or withdrawn a moment ago
            continue
        expired.append(request.id)
    return expired


def remind_mentors(now: datetime) -> list[int]:
    due = db.session.scalars(
        select(MentoringRequest)
        .where(MentoringRequest.status == RequestStatus.SENT, MentoringRequest.reminded_at.is_(None),
               MentoringRequest.sent_at <= now - REMINDER_AFTER)
        .order_by(MentoringRequest.id)
    ).all()
    for request in due:
        notify(request.mentor_profile.user, REMINDER_KIND, request)
        request.reminded_at = now
    db.session.flush()
    return [request.id for request in due]


def pause_silent_mentors(now: datetime) -> list[int]:
    unanswered = exists().where(
        MentoringRequest.mentor_profile_id == MentorProfile.id,
        MentoringRequest.status.in_((RequestStatus.SENT, RequestStatus.EXPIRED)),
        MentoringRequest.sent_at.is_not(None),
        MentoringRequest.sent_at <= now - SILENCE_LIMIT,
        # No activity since the request arrived: a mentor who came back after it is not silent.
        MentorProfile.last_active_at <= MentoringRequest.sent_at,
    )
    profiles = db.session.scalars(
        select(MentorProfile).where(and_(MentorProfile.silent_since.is_(None), unanswered))
        .order_by(MentorProfile.id)
    ).all()
    for profile in profiles:
        profile.silent_since = now
        notify(profile.user, PAUSED_KIND, profile)
    db.session.flush()
    return [profile.id for profile in profiles]


def mark_mentor_active(user) -> None:
    """The person came back (logged in): their profiles take requests again if they were paused for silence."""
    for profile in db.session.scalars(select(MentorProfile).where(MentorProfile.user_id == user.id)):
        profile.silent_since = None
        profile.last_active_at = utcnow()
