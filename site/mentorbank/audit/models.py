"""Audit entries are written in the same transaction as the change they describe, and never edited."""
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..core.models import utcnow
from ..extensions import db


class AuditEntry(db.Model):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    # None: done from the command line or by the site itself.
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    # A dotted verb, e.g. "mentor_profile.approve", "role.grant", "organisation.approve".
    action: Mapped[str] = mapped_column(String(60), index=True)
    target_type: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[int | None]
    reason: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict | None] = mapped_column(JSON)

    actor: Mapped[User | None] = relationship()


def record(action: str, target, *, actor: User | None = None, reason: str | None = None,
           details: dict | None = None) -> AuditEntry:
    """Add an entry to the session; the caller's commit stores it with the change itself."""
    entry = AuditEntry(
        action=action,
        target_type=type(target).__tablename__,
        target_id=target.id,
        actor_id=actor.id if actor is not None else None,
        reason=reason,
        details=details,
    )
    db.session.add(entry)
    return entry
