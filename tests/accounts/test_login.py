"""Log-in and log-out: one answer for every failure, `next` only inside the site, a fresh session."""
import pytest

from mentorbank.core.i18n import LOCALE_SESSION_KEY
from tests.conftest import csrf_token_from, post_form
from tests.factories import PASSWORD

from .conftest import link_in

WRONG = "Wrong e-mail or password, or the address is not confirmed yet."


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


def test_an_unconfirmed_account_is_refused_like_a_wrong_password(client, make):
    """Registering never logs in; were the chosen password to work before confirmation, it would tell a new
    address (the attacker's password works) from a taken one (it does not)."""
    make.user(email="fresh@example.org", confirmed=False)
    make.user(email="known@example.org")
    unconfirmed = login(client, "fresh@example.org")
    wrong_password = login(client, "known@example.org", password="not-the-password")
    assert unconfirmed.status_code == wrong_password.status_code == 422
    assert logged_in_user_id(client) is None
    assert 'id="login-error"' in unconfirmed.get_data(as_text=True)
    assert 'href="/auth/confirm/resend"' in unconfirmed.get_data(as_text=True)


def test_the_confirmation_link_can_be_asked_for_again_without_logging_in(client, make, outbox):
    make.user(email="fresh@example.org", confirmed=False)
    make.user(email="known@example.org")
    assert client.get("/auth/confirm/resend").status_code == 200
    answers = [post_form(client, "/auth/confirm/resend", {"email": email}, page_url="/auth/confirm/resend")
               for email in ("fresh@example.org", "known@example.org", "nobody@example.org")]
    assert {(answer.status_code, answer.headers["Location"]) for answer in answers} == {(303, "/auth/login")}
    assert [message["To"] for message in outbox()] == ["fresh@example.org"]
    assert client.get(link_in(outbox()[0], "/auth/confirm/")).status_code == 303
    assert logged_in_user_id(client) is not None, "the first click on the new link logs its owner in"


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
