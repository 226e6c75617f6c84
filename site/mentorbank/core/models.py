"""Pieces every model uses."""
import enum
from datetime import UTC, datetime

from sqlalchemy import Enum
from sqlalchemy.orm import Mapped, mapped_column


def utcnow() -> datetime:
    """Naive UTC: SQLite keeps no time zone, so every stored time is UTC by convention."""
    return datetime.now(UTC).replace(tzinfo=None)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


def string_enum(enum_class: type[enum.StrEnum], name: str, length: int = 16) -> Enum:
    """A portable enum column: a VARCHAR with a CHECK constraint on SQLite and PostgreSQL alike."""
    return Enum(
        enum_class,
        native_enum=False,
        create_constraint=True,
        length=length,
        name=name,
        values_callable=lambda members: [m.value for m in members],
    )
