"""Vocabularies of DESIGN.md §3 as editable data: one table of terms, grouped by vocabulary."""
import enum

from sqlalchemy import CheckConstraint, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column

from ..core.i18n import is_english
from ..extensions import db


class Vocabulary(enum.StrEnum):
    FORM = "form"
    INTERACTION_MODEL = "interaction_model"
    KIND = "kind"
    MODE = "mode"
    DIRECTION = "direction"
    TRACK = "track"
    COMPETENCE = "competence"
    MENTEE_CATEGORY = "mentee_category"
    LEVEL = "level"
    ORGANISATION_KIND = "organisation_kind"
    LIBRARY_RUBRIC = "library_rubric"


class Term(db.Model):
    __tablename__ = "vocabulary_term"
    __table_args__ = (
        UniqueConstraint("vocabulary", "slug"),
        CheckConstraint(
            "vocabulary IN (" + ", ".join(f"'{v.value}'" for v in Vocabulary) + ")", name="known_vocabulary"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    vocabulary: Mapped[str] = mapped_column(String(32), index=True)
    # Stable English key used in URLs, the index and the API.
    slug: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)
    is_active: Mapped[bool] = mapped_column(default=True)

    @property
    def label(self) -> str:
        return self.name_en if is_english() else self.name

    def __repr__(self) -> str:
        return f"<Term {self.vocabulary}:{self.slug}>"


def terms_of(vocabulary: Vocabulary, active_only: bool = True) -> list[Term]:
    query = select(Term).where(Term.vocabulary == vocabulary).order_by(Term.position, Term.id)
    if active_only:
        query = query.where(Term.is_active.is_(True))
    return list(db.session.scalars(query))
