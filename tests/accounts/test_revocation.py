"""Log-out really logs out, and stolen cookies die: log-out, a new password and blocking end every session and
remember cookie of the account (security review findings 1 and 4)."""
from http.cookies import SimpleCookie

from mentorbank.accounts import tokens
from mentorbank.accounts.roles import block_user, unblock_user
from tests.conftest import post_form
from tests.factories import PASSWORD

NEW_PASSWORD = "another long passphrase"


def _cookie_values(response) -> dict[str, str]:
    cookies = {}
    for header in response.headers.getlist("Set-Cookie"):
        for name, morsel in SimpleCookie(header).items():
            cookies[name] = morsel.value
    return cookies


def _log_in(app, user, remember=True):
    """A browser that logged in; returns it and its cookies as an attacker would copy them."""
    browser = app.test_client()
    response = post_form(browser, "/auth/login",
                         {"email": user.email, "password": PASSWORD, **({"remember": "y"} if remember else {})})
    assert response.status_code == 303
    return browser, _cookie_values(response)


def _replay(app, **cookies) -> int:
    """GET /account in a fresh browser holding only the stolen cookies."""
    thief = app.test_client()
    for name, value in cookies.items():
        thief.set_cookie(name, value)
    return thief.get("/account").status_code


def test_logging_out_deletes_the_remember_cookie(app, participant):
    browser, _cookies = _log_in(app, participant)
    response = post_form(browser, "/auth/logout", {}, page_url="/")
    deleted = [header for header in response.headers.getlist("Set-Cookie") if header.startswith("remember_token=")]
    assert deleted and "Expires=Thu, 01 Jan 1970" in deleted[0]
    assert browser.get("/account").status_code == 302, "the next person at the computer is not logged in"


def test_stolen_session_and_remember_cookies_stop_working_after_log_out(app, participant):
    _browser, stolen = _log_in(app, participant)
    other_device, _ = _log_in(app, participant)
    assert _replay(app, session=stolen["session"]) == 200
    assert _replay(app, remember_token=stolen["remember_token"]) == 200

    post_form(other_device, "/auth/logout", {}, page_url="/")

    assert _replay(app, session=stolen["session"]) == 302
    assert _replay(app, remember_token=stolen["remember_token"]) == 302


def test_a_password_reset_ends_the_old_sessions(app, client, participant):
    _browser, stolen = _log_in(app, participant)
    link = f"/auth/reset/{tokens.reset_token(participant)}"
    response = post_form(client, link, {"password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD})
    assert response.status_code == 303
    assert client.get("/account").status_code == 200, "the person who reset it is logged in"
    assert _replay(app, session=stolen["session"]) == 302
    assert _replay(app, remember_token=stolen["remember_token"]) == 302


def test_a_password_set_otherwise_ends_the_old_sessions(app, participant):
    _browser, stolen = _log_in(app, participant)
    participant.set_password(NEW_PASSWORD)
    assert _replay(app, session=stolen["session"]) == 302
    assert _replay(app, remember_token=stolen["remember_token"]) == 302


def test_blocking_ends_the_sessions_for_good_even_after_unblocking(app, participant, admin_user):
    _browser, stolen = _log_in(app, participant)
    block_user(participant, actor=admin_user)
    assert _replay(app, session=stolen["session"]) == 302
    unblock_user(participant, actor=admin_user)
    assert _replay(app, session=stolen["session"]) == 302
    assert _replay(app, remember_token=stolen["remember_token"]) == 302


def test_a_new_log_in_after_log_out_gets_a_different_remember_cookie(app, participant):
    browser, first = _log_in(app, participant)
    post_form(browser, "/auth/logout", {}, page_url="/")
    _browser, second = _log_in(app, participant)
    assert first["remember_token"] != second["remember_token"]


def test_a_forged_user_id_without_the_token_is_not_logged_in(client, participant):
    with client.session_transaction() as session:
        session["_user_id"] = str(participant.id)
    assert client.get("/account").status_code == 302
