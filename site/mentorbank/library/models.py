"""A library item: a link (or, once the uploads land, a file) with its title, rubric, year and issuer."""
from datetime import date, datetime
from urllib.parse import urlsplit

from flask import abort
from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..attachments import Attachment
from ..core.models import TimestampMixin
from ..extensions import db
from ..vocabularies.models import Term
from .filters import SEARCH_TYPE

LINK_SCHEMES = ("http", "https")
# The kind under which the attachments area keeps an item's files.
FILE_OWNER = "library_item"


def is_web_link(url: str | None) -> bool:
    """An absolute http(s) address with a host: never ``javascript:``, ``data:`` or a path of this site."""
    if not url or any(character.isspace() or not character.isprintable() for character in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in LINK_SCHEMES and bool(parts.hostname)


class LibraryItem(TimestampMixin, db.Model):
    __tablename__ = "library_item"
    __table_args__ = (
        CheckConstraint("year BETWEEN 1990 AND 2100", name="plausible_year"),
        # A link must be a web address; the database repeats the form's check for every other writer.
        CheckConstraint("url IS NULL OR url LIKE 'http://%' OR url LIKE 'https://%'", name="web_link"),
        CheckConstraint("NOT is_published OR published_at IS NOT NULL", name="published_is_stamped"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    rubric_id: Mapped[int] = mapped_column(ForeignKey("vocabulary_term.id", ondelete="RESTRICT"), index=True)
    # The item's address; None for an item that is a file (its attachment).
    url: Mapped[str | None] = mapped_column(String(2000))
    # Who issued or published it: «Минпросвещения России», a regional institute, a webinar's host.
    source: Mapped[str] = mapped_column(String(300), default="")
    year: Mapped[int]
    issued_on: Mapped[date | None] = mapped_column(Date)
    is_published: Mapped[bool] = mapped_column(default=True, index=True)
    # When it last became public: the feed announces it then.
    published_at: Mapped[datetime | None] = mapped_column(index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    rubric: Mapped[Term] = relationship(lazy="joined")
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    updated_by: Mapped[User | None] = relationship(foreign_keys=[updated_by_id])

    @property
    def host(self) -> str:
        """The site a link leads to, shown beside it so a reader knows where they go («docs.edu.gov.ru»)."""
        hostname = urlsplit(self.url).hostname if self.url else ""
        return (hostname or "").removeprefix("www.")

    def __repr__(self) -> str:
        return f"<LibraryItem {self.id} {self.title!r}>"


def public_items():
    return select(LibraryItem).where(LibraryItem.is_published.is_(True))


def get_public_item_or_404(item_id: int) -> LibraryItem:
    item = db.session.scalar(public_items().where(LibraryItem.id == item_id))
    if item is None:
        abort(404)
    return item


def get_item_or_404(item_id: int) -> LibraryItem:
    item = db.session.get(LibraryItem, item_id)
    if item is None:
        abort(404)
    return item


def items_for_hits(hits: list) -> list[tuple[LibraryItem, object]]:
    """The published items behind a page of search hits, in the hits' order (items withdrawn since skipped)."""
    ids = [hit.id for hit in hits if hit.type == SEARCH_TYPE]
    if not ids:
        return []
    found = {item.id: item for item in db.session.scalars(public_items().where(LibraryItem.id.in_(ids)))}
    return [(found[hit.id], hit) for hit in hits if hit.type == SEARCH_TYPE and hit.id in found]


def files_of_items(item_ids) -> dict[int, list[Attachment]]:
    """item id -> its files, for a page of items in one query."""
    found: dict[int, list[Attachment]] = {}
    if item_ids:
        rows = db.session.scalars(select(Attachment).where(
            Attachment.owner_kind == FILE_OWNER, Attachment.owner_id.in_(list(item_ids))
        ).order_by(Attachment.created_at, Attachment.id))
        for attachment in rows:
            found.setdefault(attachment.owner_id, []).append(attachment)
    return found


def may_view_files(item_id: int, user) -> bool:
    """A published item's files are everyone's; a withdrawn one's only the moderators'."""
    if getattr(user, "is_authenticated", False) and user.is_moderator:
        return True
    return db.session.scalar(select(LibraryItem.is_published).where(LibraryItem.id == item_id)) is True
