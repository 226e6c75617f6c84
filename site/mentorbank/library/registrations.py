"""What the library declares to the app-wide registries (called once by the app factory): its record pages,
the labels of its audit actions, its new items as a source of the news feed, and who may see its files."""
from flask_babel import lazy_gettext as _l

from ..attachments import register_owner
from ..audit.labels import register_labels
from ..core import records
from ..core.security import public_url
from ..core.text import shortened
from ..extensions import db
from ..feed import FeedEntry, register_source
from .models import FILE_OWNER, LibraryItem, may_view_files, public_items

SUMMARY_LENGTH = 400


def newest_items(limit: int) -> list[FeedEntry]:
    """The library's items most recently made public, each announced as «rubric: title»."""
    items = db.session.scalars(
        public_items().order_by(LibraryItem.published_at.desc(), LibraryItem.id.desc()).limit(limit)
    )
    entries = []
    for item in items:
        url = public_url("library.detail", item_id=item.id)
        summary = shortened(item.description, SUMMARY_LENGTH)
        entries.append(FeedEntry(
            id_uri=url, title=f"{item.rubric.name.capitalize()}: {item.title}", url=url,
            updated=item.published_at, summary=summary, author=item.source,
        ))
    return entries


def register() -> None:
    register_labels("library_item", _l("Library"), {
        "create": _l("Library item added"),
        "update": _l("Library item edited"),
        "unpublish": _l("Library item withdrawn"),
        "publish": _l("Library item published again"),
    })
    records.register(records.RecordType(
        "library_item", LibraryItem, "title",
        public=records.Page("library.detail", "item_id"),
        moderator=records.Page("library.edit", "item_id"),
        aliases=("library",),
    ))
    register_source("library", newest_items)
    register_owner(FILE_OWNER, may_view_files)
