"""E-mail confirmation and password reset by the links in the captured mail."""
from mentorbank.accounts import tokens
from tests.conftest import csrf_token_from, post_form
from tests.factories import PASSWORD

from .conftest import link_in, log_in_unconfirmed

NEW_PASSWORD = "a brand new passphrase"


def test_confirming_twice_is_harmless(client, make):
    user = make.user(confirmed=False)
    link = f"/auth/confirm/{tokens.confirmation_token(user)}"
    assert client.get(link).status_code == 303
    first = user.email_confirmed_at
    assert first is not None
    assert client.get(link).status_code == 303
    assert user.email_confirmed_at == first


def test_a_bad_expired_or_foreign_confirmation_link_explains_and_offers_a_new_one(client, make, auth, app, monkeypatch):
    user = make.user(confirmed=False)
    good = tokens.confirmation_token(user)
    log_in_unconfirmed(auth, user)
    for token in (good[:-3] + "abc", "nonsense", tokens.reset_token(user)):
        response = client.get(f"/auth/confirm/{token}")
        html = response.get_data(as_text=True)
        assert response.status_code == 400
        assert 'id="confirm-failed"' in html and 'action="/auth/confirm/resend"' in html
        assert response.headers["Referrer-Policy"] == "no-referrer"
    monkeypatch.setitem(app.config, "EMAIL_TOKEN_MAX_AGE", -1)
    assert client.get(f"/auth/confirm/{good}").status_code == 400
    assert not user.is_confirmed


def test_a_link_for_an_old_address_does_not_confirm_the_new_one(client, make):
    user = make.user(confirmed=False, email="old@example.org")
    token = tokens.confirmation_token(user)
    user.email = "new@example.org"
    assert client.get(f"/auth/confirm/{token}").status_code == 400
    assert not user.is_confirmed


def test_resending_the_confirmation_mails_a_working_link(client, make, auth, outbox):
    user = make.user(confirmed=False)
    log_in_unconfirmed(auth, user)
    response = post_form(client, "/auth/confirm/resend", {"next": "/mentors"}, page_url="/")
    assert response.status_code == 303 and response.headers["Location"] == "/mentors"
    [message] = outbox()
    assert client.get(link_in(message, "/auth/confirm/")).status_code == 303
    assert user.is_confirmed

    post_form(client, "/auth/confirm/resend", {}, page_url="/")
    assert len(outbox()) == 1, "a confirmed address gets no more links"


def test_resending_without_a_log_in_asks_for_the_address(client):
    response = client.post("/auth/confirm/resend", data={"csrf_token": csrf_token_from(client.get("/auth/login").get_data(as_text=True))})
    assert response.status_code == 422 and 'id="resend-confirmation-form"' in response.get_data(as_text=True)


def test_password_reset_end_to_end_with_a_single_use_link(client, participant, outbox):
    response = post_form(client, "/auth/reset", {"email": participant.email.upper()})
    assert response.status_code == 303
    [message] = outbox()
    link = link_in(message, "/auth/reset/")
    assert client.get(link).headers["Referrer-Policy"] == "no-referrer"

    response = post_form(client, link, {"password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD})
    assert response.status_code == 303
    with client.session_transaction() as session:
        assert session["_user_id"] == participant.get_id(), "logged in with the new password"
    assert participant.check_password(NEW_PASSWORD) and not participant.check_password(PASSWORD)

    used = client.get(link)
    assert used.status_code == 400 and 'id="reset-failed"' in used.get_data(as_text=True)


def test_a_reset_link_dies_when_the_password_changes_otherwise(client, participant):
    link = f"/auth/reset/{tokens.reset_token(participant)}"
    participant.set_password("changed some other way")
    assert client.get(link).status_code == 400


def test_reset_request_answers_the_same_for_unknown_and_blocked_addresses(client, make, outbox):
    blocked = make.user(email="blocked@example.org")
    blocked.is_blocked = True
    answers = [post_form(client, "/auth/reset", {"email": email})
               for email in ("nobody@example.org", "blocked@example.org")]
    assert {(r.status_code, r.headers["Location"]) for r in answers} == {(303, "/auth/login")}
    assert outbox() == []


def test_an_imported_mentor_sets_a_first_password_by_reset(client, make, outbox):
    mentor = make.user(email="imported@example.org", password=None, confirmed=False)
    post_form(client, "/auth/reset", {"email": "imported@example.org"})
    link = link_in(outbox()[0], "/auth/reset/")
    post_form(client, link, {"password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD})
    assert mentor.check_password(NEW_PASSWORD)
    assert mentor.is_confirmed, "following the mailed link proves the address"


def test_a_refused_new_password_is_not_echoed(client, participant, english):
    link = f"/auth/reset/{tokens.reset_token(participant)}"
    response = post_form(client, link, {"password": NEW_PASSWORD, "password_repeat": "different words"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert NEW_PASSWORD not in html and "The passwords do not match." in html
    assert participant.check_password(PASSWORD)


def test_a_blocked_person_cannot_use_a_reset_link(client, participant):
    link = f"/auth/reset/{tokens.reset_token(participant)}"
    participant.is_blocked = True
    assert client.get(link).status_code == 400

