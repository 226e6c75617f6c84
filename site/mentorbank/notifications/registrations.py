"""What the notifications area declares to the app-wide registries (called once by the app factory)."""
from ..core.navigation import register_count
from . import account_events  # noqa: F401  (erases a closed account's notifications, connected on import)
from .models import unread_count


def register() -> None:
    register_count("unread_notifications", lambda user: unread_count(user.id))
