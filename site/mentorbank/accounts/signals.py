"""Account events the domains subscribe to (blinker, as Flask's own signals), so that ``accounts/`` does not
reach into each domain nor into the services above it (audit, notifications). Each is sent with the user as sender, inside the caller's transaction: receivers
change the session and flush, the request commits once. A receiver may return what it changed."""
from blinker import Namespace

_signals = Namespace()

# kwargs: actor (the admin, or None from the command line), reason
user_blocked = _signals.signal("user-blocked")
# The person withdrew the consent to publication (152-ФЗ): nothing of theirs stays public.
publication_consent_withdrawn = _signals.signal("publication-consent-withdrawn")
# The account is closed and its personal data erased; sent after publication_consent_withdrawn.
account_closed = _signals.signal("account-closed")
# An operator's or the person's change of an account that the audit log keeps (audit/account_events.py
# subscribes). kwargs: action ("role.grant"), actor, reason, details.
account_changed = _signals.signal("account-changed")


def audit(action: str, user, *, actor=None, reason: str | None = None, details: dict | None = None) -> None:
    """Announce an auditable change of ``user``; the audit log records it in the caller's transaction."""
    account_changed.send(user, action=action, actor=actor, reason=reason, details=details)


def changed_by_receivers(results) -> list:
    """The records the receivers of one ``send`` say they changed, in one list."""
    return [item for _receiver, changed in results for item in (changed or [])]
