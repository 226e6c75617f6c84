"""Log-in and log-out: one answer for every failure, `next` only inside the site, a fresh session."""
import pytest

from mentorbank.core.i18n import LOCALE_SESSION_KEY
from tests.conftest import csrf_token_from, post_form
from tests.factories import PASSWORD


WRONG = "Wrong e-mail or password."


def login(client, email, password=PASSWORD, url="/auth/login", **extra):
    return post_form(client, url, {"email": email, "password": password, **extra})


def logged_in_user_id(client):
    with client.session_transaction() as session:
        return session.get("_user_id")


def test_a_participant_logs_in_and_the_visit_is_recorded(client, participant):
    assert participant.last_login_at is None
    response = login(client, "  Participant@Example.org ")
    assert response.status_code == 303 and response.headers["Location"] == "/"
    assert logged_in_user_id(client) == participant.get_id()
    assert participant.last_login_at is not None


@pytest.mark.parametrize("case", ["wrong password", "unknown e-mail", "blocked", "no password yet", "empty"])
def test_every_failure_gets_the_same_answer(client, make, english, case):
    user = make.user(email="teacher@example.org", password=None if case == "no password yet" else PASSWORD)
    user.is_blocked = case == "blocked"
    email, password = {
        "wrong password": ("teacher@example.org", "not the password"),
        "unknown e-mail": ("nobody@example.org", PASSWORD),
        "empty": ("", ""),
    }.get(case, ("teacher@example.org", PASSWORD))

    response = login(client, email, password)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert logged_in_user_id(client) is None
    if case != "empty":
        assert WRONG in html
    assert password not in html or not password, "the password is never echoed"
    assert "blocked" not in html.lower() and "not registered" not in html.lower()


def test_unconfirmed_people_log_in_and_are_asked_to_confirm(client, make):
    make.user(email="fresh@example.org", confirmed=False)
    assert login(client, "fresh@example.org").status_code == 303
    assert 'id="confirm-email-banner"' in client.get("/").get_data(as_text=True)


def test_next_inside_the_site_is_followed(client, participant):
    page = client.get("/auth/login?next=/mentors%3Fq%3Dmath%26page%3D2").get_data(as_text=True)
    assert 'name="next" value="/mentors?q=math&amp;page=2"' in page
    response = login(client, participant.email, next="/mentors?q=math&page=2")
    assert response.headers["Location"] == "/mentors?q=math&page=2"


@pytest.mark.parametrize("target", ["//evil.example", "https://evil.example", "/\\evil.example",
                                    "http:/evil.example", "javascript:alert(1)", "evil.example"])
def test_next_outside_the_site_is_not_followed(client, participant, target):
    response = login(client, participant.email, next=target)
    assert response.status_code == 303 and response.headers["Location"] == "/"


def test_the_login_form_carries_next_and_escapes_it(client):
    html = client.get('/auth/login?next=/mentors"><script>alert(1)</script>').get_data(as_text=True)
    assert '<script>alert(1)</script>' not in html
    assert 'name="next" value="/mentors&#34;&gt;&lt;script&gt;' in html


def test_log_in_starts_a_fresh_session_keeping_only_the_language(client, participant):
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
        session[LOCALE_SESSION_KEY] = "en"
    login(client, participant.email)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session[LOCALE_SESSION_KEY] == "en"


def test_log_out_needs_post_and_csrf(client, participant, auth):
    auth.login(participant)
    assert client.get("/auth/logout").status_code == 405
    assert client.post("/auth/logout").status_code == 400
    assert client.post("/auth/logout", headers={"HX-Request": "true"}).status_code == 400
    assert logged_in_user_id(client) == participant.get_id()

    token = csrf_token_from(client.get("/").get_data(as_text=True))
    response = client.post("/auth/logout", data={"csrf_token": token})
    assert response.status_code == 303
    assert logged_in_user_id(client) is None


def test_a_logged_in_visitor_of_the_login_page_goes_on(client, participant, auth):
    auth.login(participant)
    response = client.get("/auth/login?next=/mentors")
    assert response.status_code == 303 and response.headers["Location"] == "/mentors"
