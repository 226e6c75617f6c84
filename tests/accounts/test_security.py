"""Brute force, CSRF on every POST, and the cookie flags."""
from http.cookies import SimpleCookie

import pytest
from flask import Flask

from mentorbank.accounts import tokens
from mentorbank.config import load_config
from tests.conftest import post_form
from tests.factories import PASSWORD

from .conftest import log_in_unconfirmed, registration_data

TOO_MANY = "Too many attempts"


def attempt(client, email, password):
    return post_form(client, "/auth/login", {"email": email, "password": password})


def test_the_sixth_failed_login_in_a_minute_is_refused_even_with_the_right_password(client, participant, english):
    for _ in range(5):
        assert attempt(client, participant.email, "guess").status_code == 422
    response = attempt(client, participant.email, PASSWORD)
    assert response.status_code == 429
    assert TOO_MANY in response.get_data(as_text=True), "a clear page, not a bare status"
    with client.session_transaction() as session:
        assert "_user_id" not in session


def test_successful_logins_do_not_count(client, participant, auth):
    for _ in range(3):
        assert auth.login(participant).status_code == 303
        auth.logout()
    for _ in range(5):
        assert attempt(client, participant.email, "guess").status_code == 422
    assert attempt(client, participant.email, "guess").status_code == 429


def test_guessing_many_accounts_from_one_address_is_limited_too(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "LOGIN_FAILURES_PER_ADDRESS", "8/minute")  # 30 in production; fewer hashes here
    statuses = [attempt(client, f"person{number}@example.org", "guess").status_code for number in range(9)]
    assert statuses == [422] * 8 + [429]


def test_registrations_from_one_address_are_limited(app, make):
    school = make.organisation()
    statuses = [
        # A new visitor each time (the same address): a logged-in person is not offered registration.
        post_form(app.test_client(), "/auth/register", registration_data(school, email=f"t{number}@example.org"))
        .status_code
        for number in range(11)
    ]
    assert statuses == [303] * 10 + [429]


def test_reset_requests_are_limited(client):
    statuses = [post_form(client, "/auth/reset", {"email": "x@example.org"}).status_code for _ in range(6)]
    assert statuses == [303] * 5 + [429]


def test_confirmation_resends_are_limited(client, make, auth):
    log_in_unconfirmed(auth, make.user(confirmed=False))
    statuses = [post_form(client, "/auth/confirm/resend", {}, page_url="/").status_code for _ in range(4)]
    assert statuses == [303] * 3 + [429]


@pytest.fixture
def reset_link(participant):
    return f"/auth/reset/{tokens.reset_token(participant)}"


@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
@pytest.mark.parametrize("url", ["/auth/register", "/auth/login", "/auth/logout", "/auth/confirm/resend",
                                 "/auth/reset", "RESET_LINK"])
def test_every_post_needs_the_csrf_token(client, participant, auth, reset_link, url, htmx):
    auth.login(participant)
    url = reset_link if url == "RESET_LINK" else url
    headers = {"HX-Request": "true"} if htmx else {}
    data = {"email": participant.email, "password": PASSWORD, "password_repeat": PASSWORD, "consent": "y"}
    response = client.post(url, data=data, headers=headers)
    assert response.status_code == 400
    assert participant.check_password(PASSWORD)


def _set_cookies(response) -> dict[str, str]:
    """Each Set-Cookie header by cookie name, as sent."""
    return {next(iter(SimpleCookie(header))): header for header in response.headers.getlist("Set-Cookie")}


def test_login_cookies_are_http_only_and_same_site_lax(client, participant):
    response = post_form(client, "/auth/login", {"email": participant.email, "password": PASSWORD, "remember": "y"})
    cookies = _set_cookies(response)
    assert {"session", "remember_token"} <= cookies.keys()
    for header in cookies.values():
        assert "HttpOnly" in header and "SameSite=Lax" in header
        assert "Secure" not in header, "tests and development run over plain http"


def test_without_remember_me_no_remember_cookie(client, participant):
    response = post_form(client, "/auth/login", {"email": participant.email, "password": PASSWORD})
    assert "remember_token" not in _set_cookies(response)


def test_production_cookies_are_secure(client, participant, app, monkeypatch):
    production = Flask("production-config")
    load_config(production, {"ENV_NAME": "production", "SECRET_KEY": "x" * 32, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    for key in ("SESSION_COOKIE_SECURE", "REMEMBER_COOKIE_SECURE"):
        assert production.config[key] is True
        monkeypatch.setitem(app.config, key, True)
    response = post_form(client, "/auth/login", {"email": participant.email, "password": PASSWORD, "remember": "y"})
    for header in _set_cookies(response).values():
        assert "Secure" in header and "HttpOnly" in header



def test_passwords_are_hashed_by_the_configured_method_and_production_keeps_the_slow_one(
        app, client, make, monkeypatch):
    """Tests configure a cheap hash; the site's default stays werkzeug's scrypt, and a hash of either method
    still checks after the setting changes (a stored hash names its method)."""
    defaults = Flask("defaults")
    load_config(defaults, {"SECRET_KEY": "x" * 32, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert defaults.config["PASSWORD_HASH_METHOD"] == "scrypt"

    cheap = make.user(email="cheap@example.org", password="a cheap passphrase to hash")
    assert cheap.password_hash.startswith("pbkdf2:sha256:1$")
    monkeypatch.setitem(app.config, "PASSWORD_HASH_METHOD", "scrypt")
    slow = make.user(email="slow@example.org", password="a slow passphrase to hash")
    assert slow.password_hash.startswith("scrypt:")
    assert cheap.check_password("a cheap passphrase to hash") and slow.check_password("a slow passphrase to hash")
