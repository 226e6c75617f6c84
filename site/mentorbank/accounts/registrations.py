"""What the accounts area declares to the app-wide registries (called once by the app factory)."""
from flask_babel import lazy_gettext as _l

from ..core import records
from .models import User
from .pages import register_nav_link


def register() -> None:
    # A person has no public page; administrators open the account, its owner their account page.
    records.register(records.RecordType(
        "user_account", User, "full_name",
        moderator=records.Page("admin.user", "user_id"),
        owner=records.Page("account.index"),
    ))
    for endpoint, label, position in (
        ("account.index", _l("Overview"), 10),
        ("account.profile", _l("My profile"), 20),
        ("submissions.index", _l("My profiles and proposals"), 70),
        ("notifications.index", _l("Notifications"), 80),
        ("account.consent", _l("Consent"), 90),
    ):
        register_nav_link(endpoint, label, position)
