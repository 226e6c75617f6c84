"""Passwords an attacker tries first are refused with a clear message (review finding 15)."""
import pytest

from mentorbank.accounts import tokens

from tests.conftest import post_form

from .conftest import registration_data

EASY = "This password is too easy to guess"


@pytest.mark.parametrize("password", ["12345678", "87654321", "qwertyuiop", "Password1", "aaaaaaaa",
                                      "new.teacher@example.org", "new.teacher", "new.teacher1", "йцукенгш"])
def test_registration_refuses_an_easy_password(client, make, english, password):
    data = registration_data(make.organisation(), password=password, password_repeat=password)
    response = post_form(client, "/auth/register", data)
    assert response.status_code == 422
    assert EASY in response.get_data(as_text=True)


def test_a_reasonable_password_is_accepted(client, make):
    data = registration_data(make.organisation(), password="тёплый вечер 1987", password_repeat="тёплый вечер 1987")
    assert post_form(client, "/auth/register", data).status_code == 303


def test_the_message_is_in_russian_by_default(client, make):
    data = registration_data(make.organisation(), password="12345678", password_repeat="12345678")
    assert "слишком легко угадать" in post_form(client, "/auth/register", data).get_data(as_text=True)


def test_a_reset_refuses_the_accounts_own_address(client, participant, english):
    link = f"/auth/reset/{tokens.reset_token(participant)}"
    response = post_form(client, link, {"password": participant.email, "password_repeat": participant.email})
    assert response.status_code == 422 and EASY in response.get_data(as_text=True)
