"""An attachment: a stored file kept for one record of some kind (``owner_kind``, ``owner_id``).

The attachments area knows no domain: a kind is a string the domain registers (``register_owner``) with who may
see its records' files. Several rows may share one stored file (``copy_attachments``: a new version of a
practice keeps the files of the old one); the file goes when its last row does.
"""
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..core.models import utcnow
from ..extensions import db


class Attachment(db.Model):
    __tablename__ = "attachment"
    __table_args__ = (Index("ix_attachment_owner", "owner_kind", "owner_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_kind: Mapped[str] = mapped_column(String(40))
    owner_id: Mapped[int]
    # Sanitised (attachments/checks.py): shown in lists and sent as the download's name.
    original_name: Mapped[str] = mapped_column(String(200))
    # Detected from the content, never taken from the upload; served as the Content-Type.
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    # Random hex; the file is UPLOAD_DIR/<first two characters>/<key> (attachments/storage.py).
    storage_key: Mapped[str] = mapped_column(String(64), index=True)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def extension(self) -> str:
        return self.original_name.rpartition(".")[2].lower()
