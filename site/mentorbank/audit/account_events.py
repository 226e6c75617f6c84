"""The audit log keeps the account changes ``accounts/`` announces (role grants, blocking, consents, closing).

Audit sits above accounts (an entry points at its actor, a ``User``), so accounts cannot call ``record``; it
sends ``account_changed`` instead, inside its caller's transaction, and this receiver adds the entry to the
same session. Connected on import; the audit area's adapter imports this module."""
from flask_babel import lazy_gettext as _l

from ..accounts.signals import account_changed
from .labels import register_labels
from .models import record


@account_changed.connect
def record_account_change(user, *, action: str, actor=None, reason=None, details=None) -> None:
    record(action, user, actor=actor, reason=reason, details=details)


register_labels("user", _l("Accounts"), {
    "create": _l("Account created by an operator"),
    "block": _l("Account blocked"),
    "unblock": _l("Account unblocked"),
})
register_labels("role", _l("Roles"), {
    "grant": _l("Role granted"),
    "revoke": _l("Role revoked"),
})
register_labels("consent", _l("Consents"), {"publication_withdraw": _l("Consent to publication withdrawn")})
register_labels("account", _l("Closed accounts"), {"close": _l("Account closed, personal data erased")})
