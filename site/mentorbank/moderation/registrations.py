"""What the moderation area declares to the app-wide registries (called once by the app factory)."""
from ..core.navigation import register_count
from .queue import waiting_count


def register() -> None:
    register_count("moderation_waiting", lambda user: waiting_count() if user.is_moderator else 0)
