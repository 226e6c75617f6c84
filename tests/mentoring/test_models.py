"""The mentoring tables hold what the workflow promises, also when written past the services."""
import pytest
from sqlalchemy.exc import IntegrityError

from mentorbank.core.workflow import TransitionRefused, transition
from mentorbank.extensions import db
from mentorbank.mentoring.models import MentorshipStatus, RequestStatus


def test_a_declined_request_keeps_its_reason(app, make):
    request = make.mentoring_request()
    with app.test_request_context():  # a refusal's message is translated
        with pytest.raises(TransitionRefused):
            transition(request, RequestStatus.DECLINED, request.mentor_profile.user, "  ")
        assert request.status == RequestStatus.SENT
        transition(request, RequestStatus.DECLINED, request.mentor_profile.user, "Нет свободного времени до весны.")
    assert request.status == RequestStatus.DECLINED and request.decided_at is not None


def test_nobody_accepts_their_own_request(app, make):
    request = make.mentoring_request()
    with app.test_request_context(), pytest.raises(TransitionRefused):
        transition(request, RequestStatus.ACCEPTED, request.mentee)
    assert request.status == RequestStatus.SENT


def test_a_completed_mentorship_needs_its_reason_in_the_database(make):
    pair = make.mentorship()
    assert pair.mentor_profile.active_mentees == 1 and pair.programme.ends_on > pair.programme.starts_on
    pair.status = MentorshipStatus.COMPLETED
    with pytest.raises(IntegrityError):
        with db.session.begin_nested():
            db.session.flush()
