"""Changes to the library, audited. Services flush; the request commits once."""
from dataclasses import dataclass
from datetime import date

from ..accounts.models import User
from ..attachments import attach_all, detach_chosen
from ..audit.models import record
from ..core.models import utcnow
from ..extensions import db
from .models import FILE_OWNER, LibraryItem, is_web_link

EDITABLE = ("title", "description", "rubric_id", "url", "source", "year", "issued_on")


@dataclass(frozen=True)
class ItemFields:
    title: str
    rubric_id: int
    url: str | None
    year: int
    description: str = ""
    source: str = ""
    issued_on: date | None = None


def _refuse_bad_link(fields: ItemFields) -> None:
    # The form checks it for people; this keeps a command or the demo from storing a javascript: link.
    if fields.url is not None and not is_web_link(fields.url):
        raise ValueError(f"not a web link: {fields.url!r}")


def create_item(fields: ItemFields, actor: User | None, uploads=()) -> LibraryItem:
    """A new published item with its files (raises attachments.UploadRefused, storing nothing, for a bad one)."""
    _refuse_bad_link(fields)
    item = LibraryItem(**{name: getattr(fields, name) for name in EDITABLE}, is_published=True,
                       published_at=utcnow(), created_by=actor, updated_by=actor)
    db.session.add(item)
    db.session.flush()
    files = attach_all(FILE_OWNER, item.id, uploads, actor)
    record("library_item.create", item, actor=actor,
           details={"title": item.title, "files": [attachment.original_name for attachment in files]})
    return item


def update_item(item: LibraryItem, fields: ItemFields, actor: User | None, uploads=(),
                remove_file_ids=()) -> bool:
    """Apply the fields, remove the chosen files of the item and add the new ones; audited with the names of
    what changed. False when nothing did."""
    _refuse_bad_link(fields)
    changed = [name for name in EDITABLE if getattr(item, name) != getattr(fields, name)]
    for name in changed:
        setattr(item, name, getattr(fields, name))
    if detach_chosen(FILE_OWNER, item.id, remove_file_ids) + len(attach_all(FILE_OWNER, item.id, uploads, actor)):
        changed.append("files")
    if not changed:
        return False
    item.updated_at = utcnow()  # a change of files alone touches no column of the item
    item.updated_by = actor
    db.session.flush()
    record("library_item.update", item, actor=actor, details={"changed": changed})
    return True


def set_published(item: LibraryItem, published: bool, actor: User | None) -> bool:
    """Withdraw the item from the public library or put it back (it is announced again). False if no change."""
    if item.is_published == published:
        return False
    item.is_published = published
    if published:
        item.published_at = utcnow()
    item.updated_by = actor
    db.session.flush()
    record("library_item.publish" if published else "library_item.unpublish", item, actor=actor)
    return True
