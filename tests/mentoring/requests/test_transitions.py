"""Every transition of a request, who may make it, and what follows it: the audit entry and who is told."""
from datetime import timedelta

import pytest

from mentorbank.core.models import utcnow
from mentorbank.core.workflow import TransitionRefused, transition
from mentorbank.mentoring.models import REQUEST_LIFETIME, RequestStatus
from mentorbank.mentoring.requests import withdraw

from ...conftest import post_form
from .conftest import audit_actions, notifications_of


def detail_url(request) -> str:
    return f"/account/requests/{request.id}"


def test_the_mentee_sends_an_open_request_to_a_mentor(client, log_in, make, mentee, profile, outbox):
    request = make.mentoring_request(mentee=mentee, status=RequestStatus.OPEN, expires_at=utcnow())
    log_in(mentee)

    response = post_form(client, f"{detail_url(request)}/send/{profile.id}", page_url=detail_url(request))

    assert response.status_code == 303 and response.headers["Location"] == detail_url(request)
    assert (request.status, request.mentor_profile_id) == (RequestStatus.SENT, profile.id)
    assert request.sent_at is not None and request.expires_at - request.sent_at == REQUEST_LIFETIME
    assert audit_actions(request) == [("mentoring_request.send", mentee.id)]
    assert notifications_of(profile.user) == [("mentoring_request.received", None)]
    assert [mail["To"] for mail in outbox()] == [profile.user.email]
    html = client.get(detail_url(request)).get_data(as_text=True)
    assert "Your request is sent to Орлова Елена Николаевна" in html and 'data-request-status="sent"' in html


@pytest.mark.parametrize(("why", "message"), [
    ("not accepting", "This mentor is not taking new requests at the moment"),
    ("full", "This mentor is not taking new requests at the moment"),
    ("silent", "This mentor is not taking new requests at the moment"),
    ("working together already", "You already work with this mentor"),
    ("themselves", "You cannot send a request to yourself"),
])
def test_an_open_request_does_not_reach_a_mentor_who_may_not_get_it(
        client, log_in, make, mentee, profile, why, message):
    if why == "not accepting":
        profile.accepting_requests = False
    elif why == "full":
        profile.capacity = 0
    elif why == "silent":
        profile.silent_since = utcnow() - timedelta(days=40)
    elif why == "working together already":
        make.mentorship(mentor_profile=profile, mentee=mentee)
    else:
        profile = make.mentor(user=mentee)
    request = make.mentoring_request(mentee=mentee, status=RequestStatus.OPEN)
    log_in(mentee)

    response = post_form(client, f"{detail_url(request)}/send/{profile.id}", page_url=detail_url(request))

    assert response.status_code == 303 and request.status == RequestStatus.OPEN and request.mentor_profile_id is None
    assert f'class="flash flash-error">{message}' in client.get(detail_url(request)).get_data(as_text=True)
    assert audit_actions(request) == [] and ("mentoring_request.received", None) not in notifications_of(profile.user)


def test_a_group_larger_than_the_free_places_is_refused(client, log_in, make, mentee, profile):
    request = make.mentoring_request(mentee=mentee, status=RequestStatus.OPEN, is_team=True, group_size=4)
    log_in(mentee)
    post_form(client, f"{detail_url(request)}/send/{profile.id}", page_url=detail_url(request))
    assert request.status == RequestStatus.OPEN
    assert "fewer free places than there are people in your group" in client.get(detail_url(request)).get_data(
        as_text=True)


def test_a_sent_request_is_not_sent_again(client, log_in, make, mentee, profile):
    request = make.mentoring_request(mentee=mentee)
    first_mentor = request.mentor_profile_id
    log_in(mentee)
    post_form(client, f"{detail_url(request)}/send/{profile.id}", page_url=detail_url(request))
    assert (request.status, request.mentor_profile_id) == (RequestStatus.SENT, first_mentor)
    assert notifications_of(profile.user) == []


def test_withdrawing_a_sent_request_tells_its_mentor(client, log_in, make, mentee, outbox):
    request = make.mentoring_request(mentee=mentee)
    log_in(mentee)

    response = post_form(client, f"{detail_url(request)}/withdraw", page_url=detail_url(request))

    assert response.status_code == 303 and request.status == RequestStatus.WITHDRAWN
    assert audit_actions(request) == [("mentoring_request.withdraw", mentee.id)]
    assert notifications_of(request.mentor_profile.user) == [("mentoring_request.withdrawn", None)]
    assert [mail["To"] for mail in outbox()] == [request.mentor_profile.user.email]
    # Nothing is left to withdraw: the button is gone and a second try changes nothing.
    html = client.get(detail_url(request)).get_data(as_text=True)
    assert f'action="{detail_url(request)}/withdraw"' not in html
    post_form(client, f"{detail_url(request)}/withdraw", page_url=detail_url(request))
    assert audit_actions(request) == [("mentoring_request.withdraw", mentee.id)]


def test_withdrawing_an_open_request_tells_nobody(client, log_in, make, mentee):
    request = make.mentoring_request(mentee=mentee, status=RequestStatus.OPEN)
    log_in(mentee)
    post_form(client, f"{detail_url(request)}/withdraw", page_url=detail_url(request))
    assert request.status == RequestStatus.WITHDRAWN
    assert audit_actions(request) == [("mentoring_request.withdraw", mentee.id)] and notifications_of(mentee) == []


def test_nobody_else_sends_or_withdraws_a_request(client, log_in, make, mentee, profile, participant):
    request = make.mentoring_request(mentee=mentee, status=RequestStatus.OPEN)
    sent = make.mentoring_request(mentee=mentee)
    for person in (participant, sent.mentor_profile.user):
        log_in(person)
        assert post_form(client, f"{detail_url(request)}/send/{profile.id}", page_url="/").status_code == 404
        assert post_form(client, f"{detail_url(sent)}/withdraw", page_url="/").status_code == 404
    assert (request.status, sent.status) == (RequestStatus.OPEN, RequestStatus.SENT)
    with pytest.raises(TransitionRefused):
        withdraw(sent, participant)
    assert sent.status == RequestStatus.SENT and audit_actions(sent) == []


def test_accepting_tells_the_mentee(app, make, mentee):
    request = make.mentoring_request(mentee=mentee)
    mentor = request.mentor_profile.user
    with app.test_request_context():
        transition(request, RequestStatus.ACCEPTED, mentor)
    assert audit_actions(request) == [("mentoring_request.accept", mentor.id)]
    assert notifications_of(mentee) == [("mentoring_request.accepted", None)] and notifications_of(mentor) == []


def test_declining_tells_the_mentee_the_reason(app, make, mentee):
    request = make.mentoring_request(mentee=mentee)
    mentor = request.mentor_profile.user
    reason = "До весны нет свободного времени, попробуйте в марте."
    with app.test_request_context():
        transition(request, RequestStatus.DECLINED, mentor, reason)
    assert audit_actions(request) == [("mentoring_request.decline", mentor.id)]
    assert notifications_of(mentee) == [("mentoring_request.declined", reason)]


@pytest.mark.parametrize("status", [RequestStatus.OPEN, RequestStatus.SENT])
def test_expiry_tells_the_mentee(app, make, mentee, status):
    request = make.mentoring_request(mentee=mentee, status=status)
    with app.test_request_context():
        transition(request, RequestStatus.EXPIRED, None)
    assert request.status == RequestStatus.EXPIRED
    assert audit_actions(request) == [("mentoring_request.expire", None)]
    assert notifications_of(mentee) == [("mentoring_request.expired", None)]


def test_withdrawal_on_acceptance_tells_the_mentor_it_had_reached(app, make, mentee):
    sent, still_open = make.mentoring_request(mentee=mentee), make.mentoring_request(mentee=mentee,
                                                                                      status=RequestStatus.OPEN)
    reason = "Запрос принял другой наставник."
    with app.test_request_context():
        for request in (sent, still_open):
            transition(request, RequestStatus.WITHDRAWN, None, reason, action="withdraw_on_acceptance")
    assert [sent.status, still_open.status] == [RequestStatus.WITHDRAWN] * 2 and sent.status_reason == reason
    assert audit_actions(sent) == audit_actions(still_open) == [("mentoring_request.withdraw_on_acceptance", None)]
    assert notifications_of(sent.mentor_profile.user) == [("mentoring_request.withdrawn_on_acceptance", None)]
    assert notifications_of(mentee) == []


@pytest.mark.parametrize(("status", "to"), [
    (RequestStatus.SENT, RequestStatus.EXPIRED),  # only the site lets a request expire
    (RequestStatus.OPEN, RequestStatus.ACCEPTED),  # nobody accepts what no mentor received
    (RequestStatus.DECLINED, RequestStatus.SENT),
    (RequestStatus.WITHDRAWN, RequestStatus.SENT),
    (RequestStatus.ACCEPTED, RequestStatus.WITHDRAWN),
])
def test_a_person_cannot_make_a_step_the_workflow_does_not_give_them(app, make, mentee, status, to):
    request = make.mentoring_request(mentee=mentee, status=status)
    with app.test_request_context(), pytest.raises(TransitionRefused):
        transition(request, to, mentee)
    assert request.status == status and audit_actions(request) == []


def test_the_mentor_of_the_request_cannot_withdraw_it_for_the_mentee(app, make, mentee):
    request = make.mentoring_request(mentee=mentee)
    with app.test_request_context(), pytest.raises(TransitionRefused):
        withdraw(request, request.mentor_profile.user)
    assert request.status == RequestStatus.SENT


def test_the_mentee_reads_the_decline_and_its_reason_in_their_notifications(app, client, log_in, make, mentee):
    request = make.mentoring_request(mentee=mentee)
    with app.test_request_context():
        transition(request, RequestStatus.DECLINED, request.mentor_profile.user, "Нет мест до весны.")
    log_in(mentee)
    html = client.get("/account/notifications").get_data(as_text=True)
    assert "Your mentoring request was declined" in html and "Нет мест до весны." in html
    assert f"/account/requests/{request.id}" in html
    page = client.get(f"/account/requests/{request.id}").get_data(as_text=True)
    assert "The mentor's reason" in page and "Нет мест до весны." in page


def test_the_mentor_is_written_to_in_their_own_language(client, log_in, make, mentee, profile, outbox):
    from .conftest import request_form

    profile.user.locale = "en"
    log_in(mentee, locale="ru")
    post_form(client, f"/mentors/{profile.id}/ask", request_form(make))
    [mail] = outbox()
    assert mail["Subject"].endswith("You have a new mentoring request")
