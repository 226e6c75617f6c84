"""The outbox of index changes: one row per record whose document must be updated, written in the same
transaction as the change itself, deleted once the index holds it (sync.py)."""
from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ..core.models import utcnow
from ..extensions import db


class SearchPendingChange(db.Model):
    __tablename__ = "search_pending_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int]
    # "update": read the record again (it leaves the index if no longer public); "delete": it is gone.
    action: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
