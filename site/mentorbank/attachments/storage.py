"""Stored files: outside ``static/``, under UPLOAD_DIR, each under a random name in a subfolder named by the
name's first two characters (no folder grows past a few thousand files).

A file is written to a temporary name in its final folder and renamed: a crash leaves a ``.part`` file, never
a half-written stored one. The file and its row live and die together through the session's transaction:
- ``attach`` writes the file before the row is committed, and remembers it in the session; if the transaction
  ends without a commit (a rollback, an error in the commit itself, a session closed) the file is deleted;
- ``detach`` deletes the row and remembers the file; only once the commit succeeded is the file deleted (if no
  other row shares it).
What still escapes (a process killed between the write and the commit) is removed by ``flask attachments
prune``: files with no row.
"""
import logging
import os
import re
import secrets
import tempfile
import time
from pathlib import Path

from flask import current_app
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from .checks import CheckedFile, copy_to

log = logging.getLogger(__name__)

KEY_PATTERN = re.compile(r"[0-9a-f]{32}")
PART_SUFFIX = ".part"
# session.info keys: files written in the transaction, and files to delete once it commits.
WRITTEN = "attachments_written"
TO_DELETE = "attachments_to_delete"


def upload_dir() -> Path:
    return Path(current_app.config["UPLOAD_DIR"])


def path_of(storage_key: str) -> Path:
    if not KEY_PATTERN.fullmatch(storage_key):
        raise ValueError(f"not a storage key: {storage_key!r}")
    return upload_dir() / storage_key[:2] / storage_key


def store(checked: CheckedFile, session: Session) -> str:
    """Write the file under a new random key; it is deleted again unless ``session``'s transaction commits."""
    storage_key = secrets.token_hex(16)
    final = path_of(storage_key)
    final.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=final.parent, prefix=storage_key, suffix=PART_SUFFIX)
    try:
        with os.fdopen(descriptor, "wb") as target:
            copy_to(checked, target)
            target.flush()
            os.fsync(target.fileno())
        os.replace(temporary, final)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    session.info.setdefault(WRITTEN, set()).add(storage_key)
    return storage_key


def delete_after_commit(storage_key: str, session: Session) -> None:
    session.info.setdefault(TO_DELETE, set()).add(storage_key)


def _remove(storage_keys, root: Path) -> None:
    for storage_key in storage_keys:
        try:
            (root / storage_key[:2] / storage_key).unlink(missing_ok=True)
        except OSError:
            log.exception("could not delete the stored file %s (flask attachments prune removes it later)",
                          storage_key)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    # Fired for the outermost transaction only, before after_transaction_end.
    session.info.pop(WRITTEN, None)  # committed with their rows: they stay
    to_delete = session.info.pop(TO_DELETE, None)
    if to_delete:
        _remove(to_delete, upload_dir())


@event.listens_for(Session, "after_transaction_end")
def _after_transaction_end(session: Session, transaction) -> None:
    if transaction.parent is not None:
        return  # a savepoint: the outer transaction decides
    session.info.pop(TO_DELETE, None)  # not committed: the rows are still there, so are their files
    written = session.info.pop(WRITTEN, None)
    if written:
        _remove(written, upload_dir())  # not committed: their rows are gone, so go the files


# A file younger than this may belong to a request that has not committed yet: prune leaves it.
PRUNE_GRACE_SECONDS = 3600


def orphans(grace_seconds: int = PRUNE_GRACE_SECONDS) -> list[Path]:
    """Stored files no row names, and ``.part`` files left by a crash mid-write, older than ``grace_seconds``."""
    from .models import Attachment
    from ..extensions import db

    known = set(db.session.scalars(select(Attachment.storage_key)))
    root = upload_dir()
    if not root.is_dir():
        return []
    found = []
    cutoff = time.time() - grace_seconds
    for folder in sorted(root.iterdir()):
        if not folder.is_dir() or len(folder.name) != 2:
            continue
        for path in sorted(folder.iterdir()):
            if path.stat().st_mtime > cutoff:
                continue
            if path.name.endswith(PART_SUFFIX) or (KEY_PATTERN.fullmatch(path.name) and path.name not in known):
                found.append(path)
    return found
