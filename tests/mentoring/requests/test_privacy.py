"""A request is its mentee's: nobody else lists or opens it; its mentor answers it in their inbox."""
import pytest

from mentorbank.accounts.models import Role
from mentorbank.mentoring.models import RequestStatus
from mentorbank.mentoring.requests import send_to

from ...conftest import ESCAPED_XSS, XSS


def test_the_list_shows_my_requests_with_their_status(client, log_in, make, mentee, profile):
    sent = make.mentoring_request(mentee=mentee, mentor_profile=profile, difficulties="Трудности с ОГЭ по математике")
    declined = make.mentoring_request(mentee=mentee, status=RequestStatus.DECLINED, difficulties="Родители не идут")
    someone_elses = make.mentoring_request(difficulties="Чужой запрос о выгорании")
    log_in(mentee)
    html = client.get("/account/requests").get_data(as_text=True)
    assert f'data-request-id="{sent.id}" data-request-status="sent"' in html
    assert f'data-request-id="{declined.id}" data-request-status="declined"' in html
    assert "Waiting for the mentor&#39;s answer" in html and "Declined" in html and "Орлова Елена Николаевна" in html
    assert "Чужой запрос" not in html and f'data-request-id="{someone_elses.id}"' not in html
    assert 'href="/account/requests" aria-current="page">My requests' in html


def test_an_empty_list_invites_to_ask(client, log_in, mentee):
    log_in(mentee, locale="ru")
    html = client.get("/account/requests").get_data(as_text=True)
    assert "Вы ещё не подавали запрос" in html and 'href="/account/requests/new"' in html


@pytest.mark.parametrize("who", ["participant", "moderator", "curator of the mentee's school"])
def test_nobody_else_opens_a_request(client, log_in, make, mentee, who):
    request = make.mentoring_request(mentee=mentee, status=RequestStatus.OPEN)
    roles = {"participant": (), "moderator": (Role.MODERATOR,), "curator of the mentee's school": (Role.CURATOR,)}
    log_in(make.user("Чужая Мария", org=mentee.organisation, roles=roles[who]))
    assert client.get(f"/account/requests/{request.id}").status_code == 404
    assert client.get("/account/requests/999999").status_code == 404


def test_the_mentor_opening_the_link_lands_in_their_inbox(client, log_in, make, mentee):
    request = make.mentoring_request(mentee=mentee)
    log_in(request.mentor_profile.user)
    response = client.get(f"/account/requests/{request.id}")
    assert response.status_code == 302 and response.headers["Location"] == f"/account/inbox/{request.id}"


def test_typed_text_comes_back_escaped(client, log_in, make, mentee):
    request = make.mentoring_request(mentee=mentee, status=RequestStatus.OPEN, difficulties=f"Трудность {XSS}")
    log_in(mentee)
    for url in ("/account/requests", f"/account/requests/{request.id}"):
        html = client.get(url).get_data(as_text=True)
        assert XSS not in html and ESCAPED_XSS in html


def test_the_request_page_shows_no_contacts_of_the_mentor(client, log_in, make, mentee, profile):
    profile.phone = "+7 (843) 555-12-34"
    request = make.mentoring_request(mentee=mentee, mentor_profile=profile)
    log_in(mentee)
    html = client.get(f"/account/requests/{request.id}").get_data(as_text=True)
    assert "Орлова Елена Николаевна" in html
    assert profile.user.email not in html and "555-12-34" not in html


def test_the_audit_log_names_a_request_without_its_difficulties(client, log_in, make, mentee, profile, moderator):
    request = make.mentoring_request(mentee=mentee, status=RequestStatus.OPEN,
                                     difficulties="Личное: конфликт с завучем мешает работать")
    send_to(request, profile, mentee)
    log_in(moderator)
    html = client.get("/moderation/audit").get_data(as_text=True)
    assert f"Петрова Анна Сергеевна · № {request.id}" in html and "Mentoring request sent to a mentor" in html
    assert "конфликт с завучем" not in html
