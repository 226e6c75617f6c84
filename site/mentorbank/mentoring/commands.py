"""``flask mentoring …``: the sweep a scheduler runs (expiry, reminders, silence)."""
from flask.cli import AppGroup

mentoring_cli = AppGroup("mentoring", help="Mentoring requests: the periodic sweep.")
