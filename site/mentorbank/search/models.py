"""What search keeps in the database: the outbox of index changes (sync.py) and the thesaurus of the school world
(abbreviations and role words that widen a query, DESIGN.md §6)."""
import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, String, UniqueConstraint, false
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


class ThesaurusKind(enum.StrEnum):
    ABBREVIATION = "abbreviation"  # СОШ → средняя общеобразовательная школа
    ROLE = "role"  # историк → история, завуч → заместитель директора


class ThesaurusEntry(db.Model):
    """One pair: a query with ``term`` also finds ``expansion``, and the other way round. A term with several
    meanings or subjects has one entry for each (словесник → русский язык; словесник → литература).

    A one-way entry names a broader expansion: a query for it also finds the term, not the reverse («школа»
    finds «СОШ»; «СОШ» does not find every «школа»)."""

    __tablename__ = "thesaurus_entry"
    __table_args__ = (
        UniqueConstraint("term", "expansion"),
        CheckConstraint(
            "kind IN (" + ", ".join(f"'{kind.value}'" for kind in ThesaurusKind) + ")", name="known_thesaurus_kind"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(100), index=True)
    expansion: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    one_way: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Part of the thesaurus's version stamp: every process reloads when an entry changes.
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    def __repr__(self) -> str:
        return f"<ThesaurusEntry {self.term} → {self.expansion}>"
