"""Helpers for the account tests: registration data and links read from captured mail (log-in, locale and
forms: the root conftest)."""
import re

from mentorbank.extensions import db
from tests.factories import PASSWORD

LINK_PATTERN = re.compile(r"https?://\S+")


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
