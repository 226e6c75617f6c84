"""Attach files to records of any kind, list them, copy them to another record, detach them.

Nothing here commits: the caller's request commits once, and the stored files follow that commit (storage.py).
"""
from collections.abc import Callable, Iterable

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from ..extensions import db
from . import storage
from .checks import UploadRefused, check_upload
from .models import Attachment

MAX_ATTACHMENTS_PER_OWNER = 10

# owner kind → may_view(owner_id, user) -> bool; the domains register theirs (in their registrations.py).
_OWNERS: dict[str, Callable[[int, object], bool]] = {}


def register_owner(owner_kind: str, may_view: Callable[[int, object], bool]) -> None:
    """Declare a kind of record that has attachments, and who may see a record's files (``user`` may be
    anonymous). Registering a kind again replaces its rule."""
    _OWNERS[owner_kind] = may_view


def is_registered(owner_kind: str) -> bool:
    return owner_kind in _OWNERS


def may_view(attachment: Attachment, user) -> bool:
    rule = _OWNERS.get(attachment.owner_kind)
    return rule is not None and bool(rule(attachment.owner_id, user))


def attachments_of(owner_kind: str, owner_id: int) -> list[Attachment]:
    return list(db.session.scalars(
        select(Attachment)
        .where(Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id)
        .order_by(Attachment.created_at, Attachment.id)
    ))


def count_of(owner_kind: str, owner_id: int) -> int:
    return db.session.scalar(
        select(func.count(Attachment.id))
        .where(Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id)
    )


def _refuse_past_limit(owner_kind: str, owner_id: int, adding: int) -> None:
    if count_of(owner_kind, owner_id) + adding > MAX_ATTACHMENTS_PER_OWNER:
        raise UploadRefused(_l("at most %(limit)s files can be attached", limit=MAX_ATTACHMENTS_PER_OWNER))


def attach(owner_kind: str, owner_id: int, file_storage, user) -> Attachment:
    """Check and store one upload for the record; raise UploadRefused (storing nothing) if it is refused. The
    row is added to the session; the file stays only if the caller's transaction commits."""
    if not is_registered(owner_kind):
        raise ValueError(f"attachments of unregistered kind {owner_kind!r}: call register_owner first")
    _refuse_past_limit(owner_kind, owner_id, 1)
    checked = check_upload(file_storage)
    storage_key = storage.store(checked, db.session())
    attachment = Attachment(
        owner_kind=owner_kind, owner_id=owner_id, original_name=checked.original_name,
        media_type=checked.media_type, size=checked.size, storage_key=storage_key,
        uploaded_by_id=getattr(user, "id", None),
    )
    db.session.add(attachment)
    db.session.flush()
    return attachment


def attach_all(owner_kind: str, owner_id: int, file_storages: Iterable, user) -> list[Attachment]:
    """Attach every upload, or none: the first refusal raises (the caller rolls back; no file stays)."""
    uploads = list(file_storages)
    _refuse_past_limit(owner_kind, owner_id, len(uploads))
    return [attach(owner_kind, owner_id, upload, user) for upload in uploads]


def copy_attachments(from_kind: str, from_id: int, to_kind: str, to_id: int) -> list[Attachment]:
    """The same files for another record (a new version, a practice made from a contest entry): new rows that
    share the stored files."""
    copies = [
        Attachment(owner_kind=to_kind, owner_id=to_id, original_name=original.original_name,
                   media_type=original.media_type, size=original.size, storage_key=original.storage_key,
                   uploaded_by_id=original.uploaded_by_id, created_at=original.created_at)
        for original in attachments_of(from_kind, from_id)
    ]
    db.session.add_all(copies)
    db.session.flush()
    return copies


def detach(attachment: Attachment) -> None:
    """Remove the attachment; its file is deleted after the commit unless another row still shares it."""
    db.session.delete(attachment)
    db.session.flush()
    shared = db.session.scalar(
        select(func.count(Attachment.id)).where(Attachment.storage_key == attachment.storage_key)
    )
    if not shared:
        storage.delete_after_commit(attachment.storage_key, db.session())


def detach_all(owner_kind: str, owner_id: int) -> None:
    """For a record being deleted."""
    for attachment in attachments_of(owner_kind, owner_id):
        detach(attachment)
