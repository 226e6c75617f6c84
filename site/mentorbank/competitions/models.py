"""A competition (конкурс), its nominations, weighted criteria and jury; the entries, the jurors' scores and
their declared conflicts of interest. Jury membership is data of one competition, not a site-wide role."""
import enum
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..core.models import TimestampMixin, string_enum, utcnow
from ..core.workflow import Step, Workflow, declare
from ..extensions import db
from ..organisations.models import Organisation

# A juror gives each criterion a whole number of points in this range (the seeds score 0–10).
SCORE_MIN, SCORE_MAX = 0, 10


class CompetitionLevel(enum.StrEnum):
    SCHOOL = "school"
    MUNICIPAL = "municipal"
    REGIONAL = "regional"
    FEDERAL = "federal"

    @property
    def label(self) -> str:
        return str(LEVEL_LABELS[self])


LEVEL_LABELS = {
    CompetitionLevel.SCHOOL: _l("Organisation level"),
    CompetitionLevel.MUNICIPAL: _l("Municipal level"),
    CompetitionLevel.REGIONAL: _l("Regional level"),
    CompetitionLevel.FEDERAL: _l("Federal level"),
}


class CompetitionStatus(enum.StrEnum):
    DRAFT = "draft"  # only moderators see it
    ANNOUNCED = "announced"  # public; entries accepted between its open and close times
    JUDGING = "judging"  # entries admitted or rejected, the jury scores
    RESULTS = "results"  # results published: final unless reopened with a reason

    @property
    def label(self) -> str:
        return str(COMPETITION_STATUS_LABELS[self])


COMPETITION_STATUS_LABELS = {
    CompetitionStatus.DRAFT: _l("Draft"),
    CompetitionStatus.ANNOUNCED: _l("Announced"),
    CompetitionStatus.JUDGING: _l("Judging"),
    CompetitionStatus.RESULTS: _l("Results published"),
}


class EntryStatus(enum.StrEnum):
    SUBMITTED = "submitted"
    ADMITTED = "admitted"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return str(ENTRY_STATUS_LABELS[self])


ENTRY_STATUS_LABELS = {
    EntryStatus.SUBMITTED: _l("Submitted"),
    EntryStatus.ADMITTED: _l("Admitted"),
    EntryStatus.REJECTED: _l("Rejected"),
}


class EntryResult(enum.StrEnum):
    FIRST = "first"
    SECOND = "second"
    THIRD = "third"
    LAUREATE = "laureate"
    PARTICIPANT = "participant"

    @property
    def label(self) -> str:
        return str(RESULT_LABELS[self])

    @property
    def is_winner(self) -> bool:
        return self in WINNING_RESULTS

    @property
    def place(self) -> int | None:
        return {EntryResult.FIRST: 1, EntryResult.SECOND: 2, EntryResult.THIRD: 3}.get(self)


RESULT_LABELS = {
    EntryResult.FIRST: _l("1st place"),
    EntryResult.SECOND: _l("2nd place"),
    EntryResult.THIRD: _l("3rd place"),
    EntryResult.LAUREATE: _l("Laureate"),
    EntryResult.PARTICIPANT: _l("Participant"),
}
# Winners first on the competition's page, in this order; a winning entry becomes a published practice.
RESULT_ORDER = list(RESULT_LABELS)
WINNING_RESULTS = frozenset({EntryResult.FIRST, EntryResult.SECOND, EntryResult.THIRD, EntryResult.LAUREATE})


class Competition(TimestampMixin, db.Model):
    __tablename__ = "competition"
    __table_args__ = (
        CheckConstraint("entries_close_at > entries_open_at", name="entries_close_after_open"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    year: Mapped[int] = mapped_column(index=True)
    level: Mapped[CompetitionLevel] = mapped_column(string_enum(CompetitionLevel, "competition_level"))
    # Markdown, rendered through the portal's sanitiser (portal/markdown.py).
    rules: Mapped[str] = mapped_column(Text, default="")
    # Naive UTC like every stored time; the server's clock alone decides whether entries are open.
    entries_open_at: Mapped[datetime]
    entries_close_at: Mapped[datetime]
    results_on: Mapped[date | None]
    status: Mapped[CompetitionStatus] = mapped_column(
        string_enum(CompetitionStatus, "competition_status"), default=CompetitionStatus.DRAFT, index=True
    )
    results_published_at: Mapped[datetime | None]

    nominations: Mapped[list["Nomination"]] = relationship(
        back_populates="competition", order_by="Nomination.position", cascade="all, delete-orphan"
    )
    criteria: Mapped[list["Criterion"]] = relationship(
        back_populates="competition", order_by="Criterion.position", cascade="all, delete-orphan"
    )
    jury: Mapped[list["JuryMember"]] = relationship(
        back_populates="competition", cascade="all, delete-orphan", order_by="JuryMember.id"
    )

    @property
    def is_public(self) -> bool:
        return self.status != CompetitionStatus.DRAFT

    def entries_open(self, now: datetime | None = None) -> bool:
        """Whether a participant may enter or edit an entry now: announced, and the server's clock between the
        open and close times (``now`` only for tests; a request never supplies it)."""
        now = now or utcnow()
        return (self.status == CompetitionStatus.ANNOUNCED
                and self.entries_open_at <= now < self.entries_close_at)

    def juror(self, user) -> "JuryMember | None":
        if user is None or not getattr(user, "is_authenticated", False):
            return None
        return next((member for member in self.jury if member.user_id == user.id), None)


class Nomination(db.Model):
    __tablename__ = "competition_nomination"

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(default=0)

    competition: Mapped[Competition] = relationship(back_populates="nominations")


class Criterion(db.Model):
    __tablename__ = "competition_criterion"
    __table_args__ = (CheckConstraint("weight > 0", name="weight_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    weight: Mapped[int] = mapped_column(default=1)
    position: Mapped[int] = mapped_column(default=0)

    competition: Mapped[Competition] = relationship(back_populates="criteria")


jury_member_nomination = Table(
    "jury_member_nomination",
    db.metadata,
    Column("jury_member_id", ForeignKey("jury_member.id", ondelete="CASCADE"), primary_key=True),
    Column("nomination_id", ForeignKey("competition_nomination.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class JuryMember(db.Model):
    __tablename__ = "jury_member"
    __table_args__ = (UniqueConstraint("competition_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)

    competition: Mapped[Competition] = relationship(back_populates="jury")
    user: Mapped[User] = relationship(lazy="joined")
    nominations: Mapped[list[Nomination]] = relationship(secondary=jury_member_nomination,
                                                         order_by=Nomination.position)


class Entry(TimestampMixin, db.Model):
    __tablename__ = "competition_entry"
    __table_args__ = (
        CheckConstraint("status <> 'rejected' OR length(trim(status_reason)) > 0", name="rejected_has_reason"),
        CheckConstraint("result IS NULL OR status = 'admitted'", name="result_only_admitted"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"), index=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("competition_nomination.id"), index=True)
    submitted_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text)
    is_team: Mapped[bool] = mapped_column(default=False)
    # The person's name, or the team's members, one per line (shown on the public page once admitted).
    participants: Mapped[str] = mapped_column(Text)
    team_name: Mapped[str | None] = mapped_column(String(300))
    # The participant's practice the entry was made from (practices/ owns that table), and the published
    # practice a winning entry became; plain ids, the practices area keeps its rows.
    source_practice_id: Mapped[int | None]
    practice_id: Mapped[int | None]
    status: Mapped[EntryStatus] = mapped_column(
        string_enum(EntryStatus, "entry_status"), default=EntryStatus.SUBMITTED, index=True
    )
    status_reason: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    result: Mapped[EntryResult | None] = mapped_column(string_enum(EntryResult, "entry_result"))

    competition: Mapped[Competition] = relationship()
    nomination: Mapped[Nomination] = relationship(lazy="joined")
    organisation: Mapped[Organisation] = relationship(lazy="joined")
    submitted_by: Mapped[User] = relationship(foreign_keys=[submitted_by_id])

    @property
    def display_name(self) -> str:
        return self.title

    @property
    def participant_names(self) -> list[str]:
        return [line.strip() for line in (self.participants or "").splitlines() if line.strip()]

    @property
    def is_public(self) -> bool:
        """Admitted entries of a public competition; a rejected or undecided one never is."""
        return self.status == EntryStatus.ADMITTED and self.competition.is_public


class Score(db.Model):
    __tablename__ = "competition_score"
    __table_args__ = (
        UniqueConstraint("juror_id", "entry_id", "criterion_id"),
        CheckConstraint(f"value BETWEEN {SCORE_MIN} AND {SCORE_MAX}", name="value_in_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    juror_id: Mapped[int] = mapped_column(ForeignKey("jury_member.id", ondelete="CASCADE"), index=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("competition_entry.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("competition_criterion.id", ondelete="CASCADE"))
    value: Mapped[int]
    scored_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ConflictOfInterest(db.Model):
    __tablename__ = "competition_conflict"
    __table_args__ = (UniqueConstraint("juror_id", "entry_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    juror_id: Mapped[int] = mapped_column(ForeignKey("jury_member.id", ondelete="CASCADE"), index=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("competition_entry.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    # Declared by the site: the entry comes from the juror's own organisation.
    automatic: Mapped[bool] = mapped_column(default=False)
    declared_at: Mapped[datetime] = mapped_column(default=utcnow)


_C, _E = CompetitionStatus, EntryStatus
COMPETITION_WORKFLOW = declare(Workflow(
    kind="competition",
    model=Competition,
    stamps_decisions=False,  # the audit log records who moved a competition and why
    steps={
        (_C.DRAFT, _C.ANNOUNCED): Step("announce"),
        (_C.ANNOUNCED, _C.DRAFT): Step("withdraw"),
        (_C.ANNOUNCED, _C.JUDGING): Step("start_judging"),
        (_C.JUDGING, _C.RESULTS): Step("publish_results"),
        # Published results are final: only a recorded reason reopens them.
        (_C.RESULTS, _C.JUDGING): Step("reopen", needs_reason=True),
    },
))

ENTRY_WORKFLOW = declare(Workflow(
    kind="competition_entry",
    model=Entry,
    author_id=lambda entry: entry.submitted_by_id,
    steps={
        (_E.SUBMITTED, _E.ADMITTED): Step("admit", decision=True),
        (_E.SUBMITTED, _E.REJECTED): Step("reject", decision=True, needs_reason=True),
        # A decision taken by mistake goes back to the queue while the jury has not finished.
        (_E.ADMITTED, _E.SUBMITTED): Step("reconsider"),
        (_E.REJECTED, _E.SUBMITTED): Step("reconsider"),
    },
))
