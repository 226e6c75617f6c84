"""``flask mentoring …``: the sweep a scheduler runs (expiry, reminders, silence)."""
import click
from flask.cli import AppGroup

from ..extensions import db

mentoring_cli = AppGroup("mentoring", help="Mentoring requests: the periodic sweep.")


@mentoring_cli.command("sweep")
def sweep_command() -> None:
    """Expire overdue requests, remind mentors of waiting ones, pause mentors who went silent."""
    from .sweep import sweep

    result = sweep()
    db.session.commit()
    click.echo(f"expired {len(result.expired)} request(s), reminded {len(result.reminded)} mentor(s) of a "
               f"request, paused {len(result.paused)} silent mentor profile(s)")
