"""The practice bank (практики наставничества): a practice record and its versions (core/versioning.py).

The record keeps who proposed it and the two version pointers; each version carries the content and its own
workflow status: draft → submitted → published | returned (with the moderator's reason) → resubmitted. An
edit of a published practice is a new version that waits for moderation while the published one stays public.
Adoptions (тиражирование) hang on the record: schools that took the practice up and what came of it.
"""
import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Table, Text, select
from sqlalchemy.orm import Mapped, contains_eager, mapped_column, relationship, selectinload

from ..accounts.models import User
from ..core.models import TimestampMixin, string_enum
from ..core.versioning import VersionedRecordMixin, VersionMixin
from ..core.workflow import Step, Workflow, declare
from ..extensions import db
from ..organisations.models import Municipality, Organisation
from ..vocabularies.models import Term, Vocabulary


class PracticeStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    PUBLISHED = "published"
    RETURNED = "returned"

    @property
    def label(self):
        return STATUS_LABELS[self.value]


class Place(enum.StrEnum):
    """A practice's result in a contest (the competitions' results use the same words)."""
    FIRST = "first"
    SECOND = "second"
    THIRD = "third"
    LAUREATE = "laureate"
    PARTICIPANT = "participant"

    @property
    def label(self):
        return PLACE_LABELS[self]


PLACE_LABELS = {
    Place.FIRST: _l("1st place"),
    Place.SECOND: _l("2nd place"),
    Place.THIRD: _l("3rd place"),
    Place.LAUREATE: _l("Laureate"),
    Place.PARTICIPANT: _l("Participant"),
}
WINNING_PLACES = (Place.FIRST, Place.SECOND, Place.THIRD, Place.LAUREATE)
STATUS_LABELS = {
    "draft": _l("Draft"),
    "submitted": _l("Waiting for moderation"),
    "published": _l("Published"),
    "returned": _l("Returned for changes"),
}

# The term groups of a practice by the plural names the form, the facets and the API use.
PRACTICE_TERM_GROUPS: dict[str, Vocabulary] = {
    "levels": Vocabulary.LEVEL,
    "forms": Vocabulary.FORM,
    "kinds": Vocabulary.KIND,
    "directions": Vocabulary.DIRECTION,
    "target_groups": Vocabulary.MENTEE_CATEGORY,
}

practice_version_term = Table(
    "practice_version_term",
    db.metadata,
    Column("version_id", ForeignKey("practice_version.id", ondelete="CASCADE"), primary_key=True),
    Column("term_id", ForeignKey("vocabulary_term.id", ondelete="CASCADE"), primary_key=True, index=True),
)

# Authors who have an account on the site; other authors are named in ``author_names``.
practice_version_author = Table(
    "practice_version_author",
    db.metadata,
    Column("version_id", ForeignKey("practice_version.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Practice(VersionedRecordMixin, TimestampMixin, db.Model):
    __tablename__ = "practice"
    __version_model__ = "PracticeVersion"
    __version_table__ = "practice_version"

    # Who proposed it and may edit it; None for a practice the site made (a contest's winner).
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    # When it first went public (the feed and "latest practices" order by it).
    first_published_at: Mapped[datetime | None]

    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id])
    adoptions: Mapped[list["Adoption"]] = relationship(
        back_populates="practice", order_by="Adoption.created_at", cascade="all, delete-orphan")

    @property
    def current(self) -> "PracticeVersion | None":
        """What its owner sees first: the version in their hands, else the published one."""
        return self.pending_version or self.published_version

    @property
    def title(self) -> str:
        version = self.published_version or self.pending_version
        return version.title if version is not None else ""


class PracticeVersion(VersionMixin, TimestampMixin, db.Model):
    __tablename__ = "practice_version"
    __record_table__ = "practice"
    __table_args__ = (
        CheckConstraint("status <> 'returned' OR length(trim(status_reason)) > 0", name="returned_has_reason"),
        CheckConstraint("status NOT IN ('published', 'returned') OR decided_at IS NOT NULL",
                        name="decided_is_stamped"),
    )

    title: Mapped[str] = mapped_column(String(300), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown, rendered and sanitised when shown
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    # Authors without an account, one per line ("Иванова Мария Петровна, учитель истории").
    author_names: Mapped[str | None] = mapped_column(Text)
    results: Mapped[str | None] = mapped_column(Text)  # results and effects
    year: Mapped[int | None]  # since when the practice runs
    links: Mapped[str | None] = mapped_column(Text)  # one address per line

    # Provenance: the contest it comes from (set by the competitions; past contests as plain text).
    competition_id: Mapped[int | None] = mapped_column(index=True)
    competition_title: Mapped[str | None] = mapped_column(String(400))
    nomination: Mapped[str | None] = mapped_column(String(200))
    contest_year: Mapped[int | None]
    place: Mapped[Place | None] = mapped_column(string_enum(Place, "practice_place", 16))

    status: Mapped[PracticeStatus] = mapped_column(
        string_enum(PracticeStatus, "practice_status"), default=PracticeStatus.DRAFT, index=True)
    status_reason: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    record: Mapped[Practice] = relationship(foreign_keys="PracticeVersion.record_id")
    organisation: Mapped[Organisation | None] = relationship(lazy="joined")
    terms: Mapped[list[Term]] = relationship(secondary=practice_version_term, order_by=Term.position)
    authors: Mapped[list[User]] = relationship(secondary=practice_version_author, order_by=User.full_name)

    def terms_in(self, vocabulary: Vocabulary) -> list[Term]:
        return [term for term in self.terms if term.vocabulary == vocabulary]

    @property
    def author_name_list(self) -> list[str]:
        return [line.strip() for line in (self.author_names or "").splitlines() if line.strip()]

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in (self.links or "").splitlines() if line.strip()]

    @property
    def is_winner(self) -> bool:
        return self.place in WINNING_PLACES

    @property
    def has_provenance(self) -> bool:
        return bool(self.competition_id or self.competition_title)


class Adoption(TimestampMixin, db.Model):
    """A school took the practice up (тиражирование) and, later, tells what came of it."""
    __tablename__ = "practice_adoption"

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practice.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    how: Mapped[str] = mapped_column(Text)  # how the school adapted it
    outcome: Mapped[str | None] = mapped_column(Text)  # what came of it, reported later
    outcome_at: Mapped[datetime | None]

    practice: Mapped[Practice] = relationship(back_populates="adoptions")
    organisation: Mapped[Organisation] = relationship(lazy="joined")
    user: Mapped[User | None] = relationship()


_S = PracticeStatus
PRACTICE_WORKFLOW = declare(Workflow(
    kind="practice",
    model=PracticeVersion,
    author_id=lambda version: version.record.owner_id,
    steps={
        (_S.DRAFT, _S.SUBMITTED): Step("submit"),
        (_S.RETURNED, _S.SUBMITTED): Step("resubmit"),
        # The author takes a waiting version back to change it.
        (_S.SUBMITTED, _S.DRAFT): Step("reopen"),
        (_S.SUBMITTED, _S.PUBLISHED): Step("approve", decision=True),
        (_S.SUBMITTED, _S.RETURNED): Step("return", decision=True, needs_reason=True),
        # A contest's winner is published by the site on the results' publication: the jury has judged it
        # already, so no moderator decides (and the author may be the one who published the results).
        (_S.DRAFT, _S.PUBLISHED): Step("publish_winner", decision=True, site_only=True),
    },
))


def public_practices():
    """The one query public pages, the API and the index start from: records with a published version."""
    return (
        select(Practice)
        .join(PracticeVersion, PracticeVersion.id == Practice.published_version_id)
        .options(
            selectinload(Practice.published_version).selectinload(PracticeVersion.terms),
            selectinload(Practice.published_version).selectinload(PracticeVersion.authors),
            selectinload(Practice.published_version).selectinload(PracticeVersion.organisation)
            .joinedload(Organisation.municipality).joinedload(Municipality.region),
        )
    )


def listed_practices():
    """What a card or a search hit shows of public practices (title, summary, organisation and place, year,
    provenance): the published version joined in one query, without the terms and authors that only the
    practice's own page and the API need (their loads were half of a /search request)."""
    return (
        select(Practice)
        .join(PracticeVersion, PracticeVersion.id == Practice.published_version_id)
        .options(contains_eager(Practice.published_version))
    )


def get_public_practice_or_404(practice_id: int) -> Practice:
    return db.first_or_404(public_practices().where(Practice.id == practice_id))


def practices_of(user_id: int) -> list[Practice]:
    """A person's own practices, whatever their versions' status, newest first."""
    return list(db.session.scalars(
        select(Practice).where(Practice.owner_id == user_id)
        .options(selectinload(Practice.pending_version), selectinload(Practice.published_version))
        .order_by(Practice.created_at.desc(), Practice.id.desc())
    ))
