"""A blocked or closed account leaves no request waiting: the mentee's own are withdrawn, those sent to a mentor
who left the bank are withdrawn and their mentees told (their pending places come back), and a closed account's
words are erased from its requests."""
import pytest

from mentorbank.accounts.consent import close_account
from mentorbank.accounts.roles import block_user
from mentorbank.core.workflow import TransitionRefused
from mentorbank.mentoring.answers import accept
from mentorbank.extensions import db
from mentorbank.mentoring.models import CompletionReason, RequestStatus

from .conftest import audit_actions, notifications_of


def test_blocking_a_mentee_withdraws_their_pending_requests_quietly(app, make, mentee, profile, admin_user):
    sent = make.mentoring_request(mentee=mentee, mentor_profile=profile)
    still_open = make.mentoring_request(mentee=mentee, status=RequestStatus.OPEN)
    with app.test_request_context():
        withdrawn = block_user(mentee, actor=admin_user, reason="Спам")
    assert {request.id for request in withdrawn} >= {sent.id, still_open.id}
    assert sent.status == still_open.status == RequestStatus.WITHDRAWN
    assert audit_actions(sent) == [("mentoring_request.withdraw_for_account", None)]
    assert notifications_of(profile.user) == [] and notifications_of(mentee) == []


def test_blocking_a_mentor_gives_their_mentees_back_their_pending_places(app, make, mentee, profile, admin_user):
    sent = make.mentoring_request(mentee=mentee, mentor_profile=profile)
    answered = make.mentoring_request(mentee=mentee, mentor_profile=profile, status=RequestStatus.DECLINED,
                                      status_reason="Нет мест")
    with app.test_request_context():
        block_user(profile.user, actor=admin_user)
    assert sent.status == RequestStatus.WITHDRAWN and answered.status == RequestStatus.DECLINED
    assert notifications_of(mentee) == [("mentoring_request.withdrawn_for_account", None)]


def test_closing_an_account_erases_its_words_from_every_request(app, make, mentee, profile):
    accepted = make.mentoring_request(mentee=mentee, mentor_profile=profile, status=RequestStatus.ACCEPTED,
                                      difficulties="Личное: трудности после декретного отпуска")
    sent = make.mentoring_request(mentee=mentee, mentor_profile=make.mentor("Белова Ирина"))
    with app.test_request_context():
        close_account(mentee)
    assert sent.status == RequestStatus.WITHDRAWN and accepted.status == RequestStatus.ACCEPTED
    assert accepted.difficulties == sent.difficulties == ""


def test_a_request_of_a_blocked_mentee_cannot_be_accepted(app, make, mentee, profile):
    request = make.mentoring_request(mentee=mentee, mentor_profile=profile)
    mentee.is_blocked = True  # blocked this moment, before the withdrawal reached this request
    with app.test_request_context(), pytest.raises(TransitionRefused):
        accept(request, profile.user)
    assert request.status == RequestStatus.SENT and profile.active_mentees == 0


def test_closing_an_account_ends_its_mentorships_and_tells_only_the_others(app, make, mentee, profile, outbox):
    pair = make.mentorship(mentor_profile=profile, mentee=mentee)
    assert profile.active_mentees == 1
    with app.test_request_context():
        close_account(mentee)
    assert not pair.is_active and pair.completion_reason == CompletionReason.MENTEE_INITIATIVE
    db.session.refresh(profile)
    assert profile.active_mentees == 0
    assert notifications_of(profile.user) == [("mentorship.completed", None)]
    assert all(message["To"] != "mentee@example.org" for message in outbox())
