"""The sweep: overdue requests expire, mentors are reminded once of a waiting request, a mentor silent past the
limit stops receiving requests until they come back (log in or answer)."""
from datetime import timedelta

from sqlalchemy import select

from mentorbank.core.models import utcnow
from mentorbank.extensions import db
from mentorbank.mentoring.models import REMINDER_AFTER, SILENCE_LIMIT, RequestStatus
from mentorbank.mentoring.sweep import PAUSED_KIND, REMINDER_KIND, sweep
from mentorbank.notifications.models import Notification


def notifications_of(user, kind):
    return db.session.scalars(select(Notification).where(Notification.user_id == user.id,
                                                         Notification.kind == kind)).all()


def a_request(make, **fields):
    """A request of a new teacher (each from a school of their own)."""
    return make.mentoring_request(mentee=make.user("Смирнова Ольга Игоревна"), **fields)


def sent_ago(make, age: timedelta, **fields):
    request = a_request(make, **fields)
    request.sent_at = utcnow() - age
    request.mentor_profile.last_active_at = request.sent_at - timedelta(hours=1)
    db.session.flush()
    return request


def test_overdue_requests_expire(app, make):
    now = utcnow()
    overdue_sent = a_request(make, expires_at=now - timedelta(minutes=1))
    overdue_open = a_request(make, status=RequestStatus.OPEN, expires_at=now - timedelta(days=1))
    waiting = a_request(make, expires_at=now + timedelta(days=1))
    answered = a_request(make, status=RequestStatus.DECLINED, expires_at=now - timedelta(days=3))

    result = sweep(now)

    assert sorted(result.expired) == sorted([overdue_sent.id, overdue_open.id])
    assert overdue_sent.status == overdue_open.status == RequestStatus.EXPIRED
    assert (waiting.status, answered.status) == (RequestStatus.SENT, RequestStatus.DECLINED)


def test_a_mentor_is_reminded_once_of_a_waiting_request(app, make):
    waiting_long = sent_ago(make, REMINDER_AFTER + timedelta(hours=1))
    fresh = sent_ago(make, REMINDER_AFTER - timedelta(hours=1))
    mentor = waiting_long.mentor_profile.user

    first, second = sweep(), sweep()

    assert first.reminded == [waiting_long.id] and second.reminded == []
    assert waiting_long.reminded_at is not None and fresh.reminded_at is None
    [reminder] = notifications_of(mentor, REMINDER_KIND)
    assert (reminder.target_type, reminder.target_id) == ("mentoring_request", waiting_long.id)
    assert notifications_of(fresh.mentor_profile.user, REMINDER_KIND) == []


def test_a_silent_mentor_is_paused_until_they_come_back(app, make, client, auth):
    # Sent long ago: it expired unanswered on the way (REQUEST_LIFETIME is shorter than SILENCE_LIMIT).
    silent = sent_ago(make, SILENCE_LIMIT + timedelta(days=1), expires_at=utcnow() - timedelta(days=10))
    profile = silent.mentor_profile
    came_back = sent_ago(make, SILENCE_LIMIT + timedelta(days=1), expires_at=utcnow() - timedelta(days=10))
    came_back.mentor_profile.last_active_at = utcnow() - timedelta(days=2)
    recent = sent_ago(make, SILENCE_LIMIT - timedelta(days=1))
    db.session.commit()

    result = sweep()

    assert result.paused == [profile.id]
    assert silent.status == RequestStatus.EXPIRED
    assert profile.silent_since is not None and not profile.takes_requests
    assert came_back.mentor_profile.silent_since is None and recent.mentor_profile.silent_since is None
    assert len(notifications_of(profile.user, PAUSED_KIND)) == 1
    assert sweep().paused == []  # paused once, told once
    db.session.commit()

    # Logging in is coming back: requests reach the mentor again, and the old silence no longer counts.
    assert auth.login(profile.user).status_code == 303
    db.session.refresh(profile)
    assert profile.silent_since is None and profile.takes_requests
    assert sweep().paused == []


def test_the_command_sweeps_and_says_what_it_did(app, make, runner):
    a_request(make, expires_at=utcnow() - timedelta(minutes=1))
    sent_ago(make, REMINDER_AFTER + timedelta(days=1))

    output = runner.invoke(args=["mentoring", "sweep"]).output

    assert "expired 1 request(s), reminded 1 mentor(s)" in output
    assert "paused 0 silent mentor profile(s)" in output
