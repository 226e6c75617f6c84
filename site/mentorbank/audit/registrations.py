"""What the audit area subscribes to (called once by the app factory)."""
from . import account_events  # noqa: F401  (subscribes to the account changes on import)


def register() -> None:
    """Nothing to register beyond the import above; present so the app factory wires every area alike."""
