"""What programmes declares to the app-wide registries (called once by the app factory)."""


def register() -> None:
    pass
