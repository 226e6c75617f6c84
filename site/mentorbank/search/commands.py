"""``flask --app mentorbank search rebuild|ensure|sync``."""
import click
from flask.cli import AppGroup

from .maintenance import ensure_index, rebuild
from .sync import apply_pending, pending_count

search_cli = AppGroup("search", help="The full-text index.")


def rebuild_with_progress_bar(label: str = "Indexing") -> int:
    """Rebuild the index showing a progress bar; how many documents it holds."""
    with click.progressbar(length=0, label=label, show_pos=True) as bar:

        def progress(done: int, total: int) -> None:
            bar.length = total
            bar.update(done - bar.pos)

        return rebuild(progress)


@search_cli.command("rebuild")
def rebuild_command() -> None:
    """Re-index every public record from the database into a new index, then switch to it."""
    click.echo(f"Indexed {rebuild_with_progress_bar()} documents.")


@search_cli.command("ensure")
def ensure_command() -> None:
    """Rebuild only if the index is missing, of an older schema, never filled or stale; else apply pending changes."""
    click.echo("Index rebuilt." if ensure_index() else "Index is up to date.")


@search_cli.command("sync")
def sync_command() -> None:
    """Apply the index changes still waiting (left by a busy index or a worker that died after its commit)."""
    applied = apply_pending(wait=True)
    click.echo(f"Applied {applied} changes; {pending_count()} waiting.")
