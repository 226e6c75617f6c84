"""The pages admins write: about, help and contacts, one row each, with a version that counts the edits."""
import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..core.models import string_enum, utcnow
from ..extensions import db


class PageSlug(enum.StrEnum):
    ABOUT = "about"
    HELP = "help"
    CONTACTS = "contacts"


PAGE_TITLES = {
    PageSlug.ABOUT: _l("About the bank"),
    PageSlug.HELP: _l("Help"),
    PageSlug.CONTACTS: _l("Contacts"),
}


class PortalPage(db.Model):
    __tablename__ = "portal_page"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[PageSlug] = mapped_column(string_enum(PageSlug, "slug"), unique=True)
    body: Mapped[str] = mapped_column(Text, default="")
    # 1 for the first text, +1 for each edit; the edit form carries it, so two admins cannot overwrite each other.
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # None: written by the demo loader or a command.
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    updated_by: Mapped[User | None] = relationship()

    @property
    def title(self) -> str:
        return str(PAGE_TITLES[self.slug])
