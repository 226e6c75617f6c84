"""Log-in throttling held in the database: the same count for every worker and host, per account from any
address, and the page says when to try again (security review finding 11)."""
from datetime import timedelta

from sqlalchemy import update

from mentorbank.accounts.models import LoginFailure
from mentorbank.extensions import db, limiter
from tests.conftest import post_form
from tests.factories import PASSWORD

def attempt(client, email, password, address="192.0.2.1"):
    return post_form(client, "/auth/login", {"email": email, "password": password},
                     environ_base={"REMOTE_ADDR": address})


def test_the_count_is_shared_by_every_worker_and_every_address(app, participant):
    for number in range(5):
        # Another worker (nothing in memory) and another client address each time.
        limiter.reset()
        assert attempt(app.test_client(), participant.email, "guess", f"198.51.100.{number}").status_code == 422
    limiter.reset()
    response = attempt(app.test_client(), participant.email.upper(), PASSWORD, "203.0.113.9")
    assert response.status_code == 429, "the sixth try is refused, even with the right password"


def test_the_refusal_says_when_to_try_again_in_the_visitors_language(client, participant):
    for _ in range(5):
        attempt(client, participant.email, "guess")
    response = attempt(client, participant.email, "guess")
    html = response.get_data(as_text=True)
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 15 * 60
    assert "Попробуйте снова через 15 минут" in html


def test_the_account_is_free_again_when_the_window_has_passed(client, participant):
    for _ in range(5):
        attempt(client, participant.email, "guess")
    assert attempt(client, participant.email, PASSWORD).status_code == 429
    db.session.execute(update(LoginFailure).values(failed_at=LoginFailure.failed_at - timedelta(minutes=16)))
    assert attempt(client, participant.email, PASSWORD).status_code == 303


def test_another_account_from_the_same_address_is_not_locked_out(client, participant, make):
    for _ in range(5):
        attempt(client, participant.email, "guess")
    colleague = make.user(email="colleague@example.org")
    assert attempt(client, colleague.email, PASSWORD).status_code == 303, "a school shares one address"
