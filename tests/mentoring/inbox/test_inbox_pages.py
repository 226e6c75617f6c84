"""The mentor's inbox as its mentor and everyone else see it: the waiting requests first, the teacher's
difficulties without their contacts, accepting and declining through the forms."""
from datetime import timedelta

from mentorbank.core.models import utcnow
from mentorbank.extensions import db
from mentorbank.mentoring.models import Mentorship, RequestStatus

from ...conftest import ESCAPED_XSS, XSS, post_form


def opened_by_its_mentor(make, log_in):
    """A request waiting for an answer, its mentor logged in; and the page's address."""
    request = make.mentoring_request()
    log_in(request.mentor_profile.user)
    return request, f"/account/inbox/{request.id}"


def test_the_inbox_lists_the_mentors_requests_waiting_first(client, make, log_in):
    profile = make.mentor("Орлова Елена Николаевна")
    declined = make.mentoring_request(mentor_profile=profile, status=RequestStatus.DECLINED,
                                      mentee=make.user("Лебедев Игорь Олегович"))
    older = make.mentoring_request(mentor_profile=profile, mentee=make.user("Смирнова Ольга Игоревна"))
    older.sent_at = utcnow() - timedelta(days=3)
    newer = make.mentoring_request(mentor_profile=profile, mentee=make.user("Ковалёва Дарья Андреевна"))
    someone_elses = make.mentoring_request(mentee=make.user("Никитин Павел Сергеевич"))
    log_in(profile.user)

    page = client.get("/account/inbox").get_data(as_text=True)

    shown = [name for name in ("Смирнова", "Ковалёва", "Лебедев") if name in page]
    assert shown == ["Смирнова", "Ковалёва", "Лебедев"]
    assert page.index("Смирнова") < page.index("Ковалёва") < page.index("Лебедев")
    assert "Никитин" not in page and f"/account/inbox/{someone_elses.id}" not in page
    assert page.count("Waiting for your answer") == 2 and "Declined" in page
    assert all(f"/account/inbox/{r.id}" in page for r in (declined, older, newer))


def test_the_inbox_link_is_shown_to_mentors_only(client, make, log_in):
    log_in(make.user("Петрова Анна Сергеевна"))
    page = client.get("/account").get_data(as_text=True)
    assert 'href="/account/inbox"' not in page
    assert "Requests reach mentors whose profile is published" in client.get("/account/inbox").get_data(as_text=True)
    profile = make.mentor()
    make.mentoring_request(mentor_profile=profile)
    make.mentoring_request(mentor_profile=profile, mentee=make.user("Лебедев Игорь Олегович"))
    make.mentoring_request(mentor_profile=profile, status=RequestStatus.DECLINED,
                           mentee=make.user("Ковалёва Дарья Андреевна"))
    log_in(profile.user)
    # The badge counts what waits for an answer.
    assert '>Inbox <span class="badge">2</span></a>' in client.get("/account").get_data(as_text=True)


def test_the_request_shows_the_difficulties_but_not_the_teachers_contacts(client, make, log_in):
    mentee = make.user("Смирнова Ольга Игоревна", email="olga.smirnova@school5.example.org")
    request = make.mentoring_request(mentee=mentee, difficulties=f"Дисциплина в 7 классе {XSS}",
                                     directions=("parents",))
    log_in(request.mentor_profile.user)

    page = client.get(f"/account/inbox/{request.id}").get_data(as_text=True)

    assert "Смирнова Ольга Игоревна" in page and "work with parents" in page
    assert f"Дисциплина в 7 классе {ESCAPED_XSS}" in page and XSS not in page
    assert "olga.smirnova" not in page
    assert "Accept the request" in page and "Decline the request" in page


def test_another_mentor_does_not_find_the_request(client, make, log_in):
    request = make.mentoring_request()
    log_in(make.mentor("Зайцева Ольга Павловна").user)
    assert client.get(f"/account/inbox/{request.id}").status_code == 404
    assert post_form(client, f"/account/inbox/{request.id}/accept", page_url="/account/inbox").status_code == 404
    assert request.status == RequestStatus.SENT


def test_an_open_request_is_nobodys_inbox(client, make, log_in):
    request = make.mentoring_request(status=RequestStatus.OPEN)
    log_in(make.mentor().user)
    assert client.get(f"/account/inbox/{request.id}").status_code == 404


def test_accepting_leads_to_the_new_mentorship(client, make, log_in):
    request, url = opened_by_its_mentor(make, log_in)

    response = post_form(client, f"{url}/accept", page_url=url)

    mentorship = db.session.scalar(db.select(Mentorship).where(Mentorship.request_id == request.id))
    assert response.status_code == 303
    assert response.headers["Location"] == f"/account/mentorships/{mentorship.id}"
    db.session.refresh(request)
    assert request.status == RequestStatus.ACCEPTED
    # The answered request now points to the mentorship and offers no answer any more.
    page = client.get(url).get_data(as_text=True)
    assert f'href="/account/mentorships/{mentorship.id}"' in page and "Accept the request" not in page


def test_accepting_without_a_free_place_says_so(client, make, log_in):
    profile = make.mentor(capacity=1)
    make.mentorship(mentor_profile=profile)
    request = make.mentoring_request(mentor_profile=profile, mentee=make.user("Лебедев Игорь Олегович"))
    log_in(profile.user)

    response = post_form(client, f"/account/inbox/{request.id}/accept", page_url=f"/account/inbox/{request.id}",
                         follow_redirects=True)

    assert "You have no free places for this request" in response.get_data(as_text=True)
    db.session.refresh(request)
    assert request.status == RequestStatus.SENT


def test_declining_without_a_reason_keeps_the_form(client, make, log_in):
    request, url = opened_by_its_mentor(make, log_in)
    too_long = "Нет времени. " * 200

    refused = post_form(client, f"{url}/decline", {"reason": too_long}, page_url=url)
    empty = post_form(client, f"{url}/decline", {"reason": "  "}, page_url=url)

    assert refused.status_code == empty.status_code == 422
    assert too_long.strip() in refused.get_data(as_text=True)
    assert "The form is not sent" in empty.get_data(as_text=True)
    db.session.refresh(request)
    assert request.status == RequestStatus.SENT


def test_declining_with_a_reason(client, make, log_in):
    request, url = opened_by_its_mentor(make, log_in)

    response = post_form(client, f"{url}/decline", {"reason": "До весны нет свободного времени."}, page_url=url)

    assert response.status_code == 303 and response.headers["Location"] == "/account/inbox"
    db.session.refresh(request)
    assert (request.status, request.status_reason) == (RequestStatus.DECLINED, "До весны нет свободного времени.")
    assert "До весны нет свободного времени." in client.get(url).get_data(as_text=True)


def test_the_inbox_speaks_russian(client, make, log_in):
    request = make.mentoring_request()
    log_in(request.mentor_profile.user, locale="ru")
    index = client.get("/account/inbox").get_data(as_text=True)
    detail = client.get(f"/account/inbox/{request.id}").get_data(as_text=True)
    assert "Входящие запросы" in index and "Ждёт вашего ответа" in index
    assert "Принять запрос" in detail and "Профессиональные затруднения" in detail
