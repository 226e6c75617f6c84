"""Withdrawing consent (152-ФЗ): to publication (the mentor cards leave the bank), or to processing (the
account is closed and the personal data erased). Services flush; the request commits once."""
import secrets

from ..extensions import db
from .models import User
from .signals import account_closed, audit, changed_by_receivers, publication_consent_withdrawn

# Stored instead of the erased name: audit entries and moderators' lists still need something to show.
ERASED_NAME = "Удалённый пользователь"


def withdraw_publication_consent(user: User) -> list:
    """The domains withdraw everything of the person that is public or waiting (each one audited), through the
    ``publication_consent_withdrawn`` signal; returns what they withdrew."""
    withdrawn = changed_by_receivers(publication_consent_withdrawn.send(user))
    audit("consent.publication_withdraw", user, actor=user, details={"profiles": [p.id for p in withdrawn]})
    return withdrawn


def close_account(user: User) -> None:
    """Withdraw the consent to processing: withdraw the profiles, erase the personal data (the areas that keep
    some, e.g. notifications, erase theirs on ``account_closed``), block the log-in."""
    withdraw_publication_consent(user)
    # Blocked first: what the areas do on closing (ending a mentorship, say) writes to the others, never to them.
    user.is_blocked = True
    account_closed.send(user)
    user.full_name = ERASED_NAME
    user.position = None
    # Unique and never deliverable (RFC 2606 reserves .invalid), so the address can be neither used nor reused.
    user.email = f"erased-{user.id}-{secrets.token_hex(6)}@erased.invalid"
    user.password_hash = None
    user.processing_consent_at = None
    user.processing_consent_version = None
    user.role_grants.clear()
    db.session.flush()
    audit("account.close", user, actor=user, reason="consent to processing withdrawn")

