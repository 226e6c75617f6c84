"""Helpers for the account tests: English UI, forms posted with their CSRF token, links read from captured mail."""
import re

import pytest

from mentorbank.core.i18n import LOCALE_SESSION_KEY
from mentorbank.extensions import db
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD

LINK_PATTERN = re.compile(r"https?://\S+")


@pytest.fixture
def english(client):
    """Show the pages in English, so tests can read their words before the Russian catalogue is merged."""
    with client.session_transaction() as session:
        session[LOCALE_SESSION_KEY] = "en"


def post_form(client, url: str, data: dict, page_url: str | None = None, **kwargs):
    """Open the page that holds the form, then post ``data`` with that page's CSRF token."""
    page = client.get(page_url or url)
    token = csrf_token_from(page.get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **data}, **kwargs)


def registration_data(organisation, **changes) -> dict:
    data = {
        "email": "new.teacher@example.org",
        "full_name": "Смирнова Ольга Игоревна",
        "position": "учитель физики",
        "organisation_id": str(organisation.id) if organisation else "",
        "password": PASSWORD,
        "password_repeat": PASSWORD,
        "consent": "y",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def link_in(message, path_prefix: str) -> str:
    """The in-site path of the first link in ``message`` that starts with ``path_prefix``."""
    body = message.get_body(preferencelist=("plain",)).get_content()
    for url in LINK_PATTERN.findall(body):
        path = re.sub(r"^https?://[^/]+", "", url)
        if path.startswith(path_prefix):
            return path
    raise AssertionError(f"no {path_prefix} link in the message:\n{body}")


def log_in_unconfirmed(auth, user) -> None:
    """Logged in with an address not (or no longer) confirmed: what changing one's e-mail leads to, since an
    unconfirmed account cannot log in with its password."""
    user.email_confirmed_at = user.email_confirmed_at or user.created_at
    auth.login(user)
    user.email_confirmed_at = None
    db.session.flush()
