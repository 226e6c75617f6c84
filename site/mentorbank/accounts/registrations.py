"""What the accounts area declares to the app-wide registries (called once by the app factory)."""
from ..core import records
from .models import User


def register() -> None:
    # A person has no public page; administrators open the account, its owner their account page.
    records.register(records.RecordType(
        "user_account", User, "full_name",
        moderator=records.Page("admin.user", "user_id"),
        owner=records.Page("account.index"),
    ))
