"""A notification names what happened (``kind``) and to which record; its text is rendered in the reader's
language when shown, so it is stored as data, not as a sentence."""
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, func, select
from sqlalchemy.orm import Mapped, mapped_column

from ..core.models import utcnow
from ..extensions import db


class Notification(db.Model):
    __tablename__ = "notification"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # e.g. "mentor_profile.approved", "mentor_profile.returned"
    kind: Mapped[str] = mapped_column(String(60))
    target_type: Mapped[str | None] = mapped_column(String(40))
    target_id: Mapped[int | None]
    # The moderator's reason or another short text that belongs to the event.
    message: Mapped[str | None] = mapped_column(Text)
    read_at: Mapped[datetime | None]

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


def unread_count(user_id: int) -> int:
    return db.session.scalar(
        select(func.count(Notification.id)).where(Notification.user_id == user_id, Notification.read_at.is_(None))
    ) or 0
