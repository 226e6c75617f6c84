"""``flask attachments prune``: delete stored files no row names (left by a process killed mid-request)."""
import click
from flask.cli import AppGroup

from .storage import PRUNE_GRACE_SECONDS, orphans

attachments_cli = AppGroup("attachments", help="Stored attachment files.")


@attachments_cli.command("prune")
@click.option("--dry-run", is_flag=True, help="List the files without deleting them.")
@click.option("--grace", default=PRUNE_GRACE_SECONDS, show_default=True,
              help="Leave files younger than this many seconds (a request may not have committed yet).")
def prune(dry_run: bool, grace: int) -> None:
    """Delete stored files that no attachment row names."""
    found = orphans(grace)
    for path in found:
        click.echo(str(path))
        if not dry_run:
            path.unlink(missing_ok=True)
    verb = "would delete" if dry_run else "deleted"
    click.echo(f"{verb} {len(found)} file(s) with no attachment row")
