"""flask attachments prune: stored files that no row names (a process killed between writing and committing)."""
import os
import secrets
import time

from mentorbank.attachments import attach
from mentorbank.attachments.storage import path_of
from mentorbank.extensions import db

from . import files
from .conftest import NOTE, PUBLIC_NOTE, upload


def orphan(age_seconds: int, suffix: str = ""):
    path = path_of(secrets.token_hex(16))
    path = path.with_name(path.name + suffix)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"left behind")
    then = time.time() - age_seconds
    os.utime(path, (then, then))
    return path


def test_prune_deletes_old_files_without_a_row_and_keeps_the_rest(russian, runner, participant):
    kept = path_of(attach(NOTE, PUBLIC_NOTE, upload("a.pdf", files.MINIMAL_PDF), participant).storage_key)
    db.session.commit()
    os.utime(kept, (time.time() - 7200, time.time() - 7200))
    old_orphan, old_part = orphan(7200), orphan(7200, ".part")
    young_orphan = orphan(60)  # may be a request that has not committed yet

    dry = runner.invoke(args=["attachments", "prune", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert str(old_orphan) in dry.output and str(old_part) in dry.output
    assert "would delete 2 file(s)" in dry.output
    assert old_orphan.exists() and old_part.exists()

    result = runner.invoke(args=["attachments", "prune"])
    assert result.exit_code == 0, result.output
    assert "deleted 2 file(s)" in result.output
    assert not old_orphan.exists() and not old_part.exists()
    assert kept.exists() and young_orphan.exists()


def test_prune_with_no_upload_folder_yet_deletes_nothing(runner, app_context):
    result = runner.invoke(args=["attachments", "prune"])
    assert result.exit_code == 0 and "deleted 0 file(s)" in result.output
