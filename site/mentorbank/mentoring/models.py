"""School to school (DESIGN §4): a teacher's request for mentoring, the mentorship it becomes once a mentor
accepts it, and the pair's personalised programme with its plan and meetings (source documents 001 and 004).

Requests and mentorships move through ``core.workflow``: their transition tables are declared here, and the
areas that act on them (the request forms, the mentor's inbox, the curator) all call ``transition``.
"""
import enum
from datetime import date, datetime, timedelta

from sqlalchemy import CheckConstraint, Column, Date, ForeignKey, String, Table, Text, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..core.models import TimestampMixin, string_enum, utcnow
from ..core.workflow import Step, Workflow, declare
from ..extensions import db
from ..mentors.models import MentorProfile
from ..organisations.models import Organisation
from ..vocabularies.models import Term

# A mentee waits for at most this many answers at once; accepting one withdraws the others.
MAX_PENDING_REQUESTS = 3
# A request nobody answers expires after this long, and the mentee is told.
REQUEST_LIFETIME = timedelta(days=14)
# A mentor who leaves a request unanswered this long is reminded …
REMINDER_AFTER = timedelta(days=7)
# … and after this long with requests unanswered stops receiving new ones until they come back.
SILENCE_LIMIT = timedelta(days=30)
# A programme lasts 3 to 12 months (source 001); it can be extended, and the extension is recorded.
PROGRAMME_MIN_MONTHS = 3
PROGRAMME_MAX_MONTHS = 12


class RequestStatus(enum.StrEnum):
    OPEN = "open"  # "suggest me a mentor": no mentor chosen yet
    SENT = "sent"  # waiting for the chosen mentor's answer
    ACCEPTED = "accepted"
    DECLINED = "declined"  # with the mentor's reason
    WITHDRAWN = "withdrawn"  # by the mentee, or by the site when another of their requests was accepted
    EXPIRED = "expired"  # unanswered for REQUEST_LIFETIME


PENDING_REQUEST_STATUSES = (RequestStatus.OPEN, RequestStatus.SENT)


mentoring_request_direction = Table(
    "mentoring_request_direction",
    db.metadata,
    Column("request_id", ForeignKey("mentoring_request.id", ondelete="CASCADE"), primary_key=True),
    Column("term_id", ForeignKey("vocabulary_term.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class MentoringRequest(TimestampMixin, db.Model):
    """A request for mentoring (запрос на наставничество): to a chosen mentor, or open ("suggest me one")."""

    __tablename__ = "mentoring_request"
    __table_args__ = (
        CheckConstraint("period_months BETWEEN 3 AND 12", name="request_period_months"),
        CheckConstraint("group_size >= 1", name="request_group_size"),
        CheckConstraint("status <> 'declined' OR length(trim(status_reason)) > 0", name="declined_has_reason"),
        CheckConstraint("status <> 'sent' OR mentor_profile_id IS NOT NULL", name="sent_has_mentor"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Who asks: the teacher, or for a team request («команда – команда») the curator who files it.
    mentee_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    # The school the mentee (or the team) belongs to, as it was when asking.
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    is_team: Mapped[bool] = mapped_column(default=False)
    group_size: Mapped[int] = mapped_column(default=1)
    # For a team request: who is in the group (names and positions, as the curator writes them).
    group_members: Mapped[str | None] = mapped_column(Text)

    # The professional difficulties in the teacher's own words (профессиональные затруднения/дефициты).
    difficulties: Mapped[str] = mapped_column(Text)
    form_id: Mapped[int | None] = mapped_column(ForeignKey("vocabulary_term.id"))
    kind_id: Mapped[int | None] = mapped_column(ForeignKey("vocabulary_term.id"))
    mode_id: Mapped[int | None] = mapped_column(ForeignKey("vocabulary_term.id"))
    period_months: Mapped[int] = mapped_column(default=6)

    # The chosen mentor; None while an open request waits for the mentee to pick one of the suggestions.
    mentor_profile_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentor_profile.id", ondelete="SET NULL"), index=True)

    status: Mapped[RequestStatus] = mapped_column(
        string_enum(RequestStatus, "request_status"), default=RequestStatus.OPEN, index=True)
    # The mentor's reason for declining (shown to the mentee), or why the site withdrew the request.
    status_reason: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
    # A pending request expires at this moment (REQUEST_LIFETIME after it was filed or sent).
    expires_at: Mapped[datetime | None] = mapped_column(index=True)
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # When the mentor was last reminded of this request (the sweep reminds once).
    reminded_at: Mapped[datetime | None]

    mentee: Mapped[User] = relationship(foreign_keys=[mentee_id], lazy="joined")
    organisation: Mapped[Organisation | None] = relationship()
    mentor_profile: Mapped[MentorProfile | None] = relationship()
    form: Mapped[Term | None] = relationship(foreign_keys=[form_id])
    kind: Mapped[Term | None] = relationship(foreign_keys=[kind_id])
    mode: Mapped[Term | None] = relationship(foreign_keys=[mode_id])
    directions: Mapped[list[Term]] = relationship(secondary=mentoring_request_direction, order_by=Term.position)

    @property
    def is_pending(self) -> bool:
        return self.status in PENDING_REQUEST_STATUSES

    @property
    def title(self) -> str:
        """What the audit log calls it: who asked, and its number (never the difficulties, which are private)."""
        return f"{self.mentee.full_name} · № {self.id}"


def same_asker(mentee_id: int, is_team: bool, organisation_id: int | None) -> list:
    """The conditions picking the requests of one asker: a teacher's own, or the team requests a curator files
    for one school. The pending limit and the withdrawal on acceptance count within one asker, so a curator's
    team requests and their own never withdraw each other."""
    conditions = [MentoringRequest.mentee_id == mentee_id, MentoringRequest.is_team.is_(is_team)]
    if is_team:
        conditions.append(MentoringRequest.organisation_id == organisation_id)
    return conditions


_R = RequestStatus
_WITHDRAWALS = (Step("withdraw"), Step("withdraw_on_acceptance", site_only=True),
                Step("withdraw_for_account", site_only=True))
REQUEST_WORKFLOW = declare(Workflow(
    kind="mentoring_request",
    model=MentoringRequest,
    # Nobody answers their own request (a mentor asking themselves is refused before that, too).
    author_id=lambda request: request.mentee_id,
    steps={
        (_R.OPEN, _R.SENT): Step("send"),
        (_R.SENT, _R.ACCEPTED): Step("accept", decision=True),
        (_R.SENT, _R.DECLINED): Step("decline", decision=True, needs_reason=True),
        # The mentee's own withdrawal; the site withdraws the others when one request is accepted, and those of
        # a person whose account is blocked or closed, or whose mentor profile left the bank.
        (_R.OPEN, _R.WITHDRAWN): _WITHDRAWALS,
        (_R.SENT, _R.WITHDRAWN): _WITHDRAWALS,
        (_R.OPEN, _R.EXPIRED): Step("expire", site_only=True),
        (_R.SENT, _R.EXPIRED): Step("expire", site_only=True),
    },
))


class MentorshipStatus(enum.StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"


class CompletionReason(enum.StrEnum):
    """Why a programme ended (source 001)."""

    PLAN_DONE = "plan_done"
    MENTOR_INITIATIVE = "mentor_initiative"  # the mentor stepped down
    MENTEE_INITIATIVE = "mentee_initiative"
    MUTUAL = "mutual"  # by agreement of both
    CURATOR_DECISION = "curator_decision"


class Mentorship(TimestampMixin, db.Model):
    """A pair or a group (наставническая пара/группа): formed when a mentor accepts a request.

    Only its members, the curators of their organisations and moderators see it; only now do the mentor's and
    the mentee's contacts open to each other."""

    __tablename__ = "mentorship"
    __table_args__ = (
        CheckConstraint("status <> 'completed' OR (completed_at IS NOT NULL AND completion_reason IS NOT NULL)",
                        name="completed_has_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("mentoring_request.id", ondelete="SET NULL"),
                                                   unique=True)
    mentor_profile_id: Mapped[int] = mapped_column(ForeignKey("mentor_profile.id"), index=True)
    # The person who leads it (for a team profile, the person who speaks for the team).
    mentor_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    # The mentee, or for a team request the curator who speaks for the group.
    mentee_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    mentor_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    mentee_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    is_team: Mapped[bool] = mapped_column(default=False)
    # How many places of the mentor's capacity this mentorship takes.
    group_size: Mapped[int] = mapped_column(default=1)
    form_id: Mapped[int | None] = mapped_column(ForeignKey("vocabulary_term.id"))
    kind_id: Mapped[int | None] = mapped_column(ForeignKey("vocabulary_term.id"))

    status: Mapped[MentorshipStatus] = mapped_column(
        string_enum(MentorshipStatus, "mentorship_status"), default=MentorshipStatus.ACTIVE, index=True)
    started_on: Mapped[date] = mapped_column(Date)
    completed_at: Mapped[datetime | None]
    completion_reason: Mapped[CompletionReason | None] = mapped_column(
        string_enum(CompletionReason, "completion_reason", length=20))
    completion_note: Mapped[str | None] = mapped_column(Text)
    completed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # The mentee asked the curator to replace the mentor: when and why (the curator decides).
    replacement_requested_at: Mapped[datetime | None]
    replacement_reason: Mapped[str | None] = mapped_column(Text)

    request: Mapped[MentoringRequest | None] = relationship()
    mentor_profile: Mapped[MentorProfile] = relationship()
    mentor: Mapped[User] = relationship(foreign_keys=[mentor_id])
    mentee: Mapped[User] = relationship(foreign_keys=[mentee_id])
    mentor_organisation: Mapped[Organisation | None] = relationship(foreign_keys=[mentor_organisation_id])
    mentee_organisation: Mapped[Organisation | None] = relationship(foreign_keys=[mentee_organisation_id])
    form: Mapped[Term | None] = relationship(foreign_keys=[form_id])
    kind: Mapped[Term | None] = relationship(foreign_keys=[kind_id])
    programme: Mapped["Programme | None"] = relationship(back_populates="mentorship", uselist=False,
                                                         cascade="all, delete-orphan")

    @property
    def is_active(self) -> bool:
        return self.status == MentorshipStatus.ACTIVE

    def is_member(self, user) -> bool:
        return getattr(user, "is_authenticated", False) and user.id in (self.mentor_id, self.mentee_id)

    def visible_to(self, user) -> bool:
        """Its members, the curators of their organisations and moderators (DESIGN §2)."""
        if not getattr(user, "is_authenticated", False):
            return False
        return (self.is_member(user) or user.is_moderator
                or user.is_curator_of(self.mentor_organisation_id) or user.is_curator_of(self.mentee_organisation_id))

    def curated_by(self, user) -> bool:
        """A curator of either organisation who is not a member: a mentor who also curates their school acts on
        their own mentorship as its mentor (never reads their mentee's answers, never decides as a curator)."""
        return getattr(user, "is_authenticated", False) and not self.is_member(user) and (
            user.is_curator_of(self.mentor_organisation_id) or user.is_curator_of(self.mentee_organisation_id))

    @property
    def title(self) -> str:
        """How the audit log and the lists name it: «mentor — mentee»."""
        return f"{self.mentor_profile.display_name} — {self.mentee.full_name}"


_M = MentorshipStatus
MENTORSHIP_WORKFLOW = declare(Workflow(
    kind="mentorship",
    model=Mentorship,
    # Completion is stamped on the mentorship's own columns (completed_at, completion_reason …), not as a
    # moderator's decision; the audit entry says who, when and why.
    stamps_decisions=False,
    steps={(_M.ACTIVE, _M.COMPLETED): Step("complete")},
))


def active_mentorship_between(mentor_profile_id: int, mentee_id: int):
    """The active mentorship of this mentor profile with this mentee, if any."""
    return db.session.scalar(select(Mentorship).where(
        Mentorship.mentor_profile_id == mentor_profile_id, Mentorship.mentee_id == mentee_id,
        Mentorship.status == MentorshipStatus.ACTIVE))


programme_direction = Table(
    "programme_direction",
    db.metadata,
    Column("programme_id", ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True),
    Column("term_id", ForeignKey("vocabulary_term.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Programme(TimestampMixin, db.Model):
    """The personalised mentoring programme of one mentorship (персонализированная программа наставничества)."""

    __tablename__ = "programme"
    __table_args__ = (CheckConstraint("ends_on > starts_on", name="programme_ends_after_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    mentorship_id: Mapped[int] = mapped_column(ForeignKey("mentorship.id", ondelete="CASCADE"), unique=True)
    problem: Mapped[str | None] = mapped_column(Text)  # the professional difficulty it answers
    goals: Mapped[str | None] = mapped_column(Text)  # goals and tasks
    content: Mapped[str | None] = mapped_column(Text)
    planned_results: Mapped[str | None] = mapped_column(Text)
    intermediate_results: Mapped[str | None] = mapped_column(Text)
    mode_id: Mapped[int | None] = mapped_column(ForeignKey("vocabulary_term.id"))
    meeting_schedule: Mapped[str | None] = mapped_column(String(500))  # e.g. «раз в две недели, по вторникам»
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    # The template of the bank of programmes it started from (programmes/), if any; not a foreign key, so a
    # template withdrawn from the bank leaves the programmes made from it as they are.
    template_id: Mapped[int | None]

    mentorship: Mapped[Mentorship] = relationship(back_populates="programme")
    mode: Mapped[Term | None] = relationship(foreign_keys=[mode_id])
    directions: Mapped[list[Term]] = relationship(secondary=programme_direction, order_by=Term.position)
    plan_items: Mapped[list["PlanItem"]] = relationship(
        back_populates="programme", cascade="all, delete-orphan",
        order_by="(PlanItem.due_on.is_(None), PlanItem.due_on, PlanItem.id)")
    meetings: Mapped[list["Meeting"]] = relationship(
        back_populates="programme", cascade="all, delete-orphan", order_by="Meeting.starts_at")
    extensions: Mapped[list["ProgrammeExtension"]] = relationship(
        back_populates="programme", cascade="all, delete-orphan", order_by="ProgrammeExtension.id")


class ProgrammeExtension(db.Model):
    """A programme's end moved later: recorded, never overwritten."""

    __tablename__ = "programme_extension"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    previous_end: Mapped[date] = mapped_column(Date)
    new_end: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    extended_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    extended_at: Mapped[datetime] = mapped_column(default=utcnow)

    programme: Mapped[Programme] = relationship(back_populates="extensions")
    extended_by: Mapped[User | None] = relationship()


class PlanItem(db.Model):
    """One activity of the programme's plan: its direction, due date and whether it is done."""

    __tablename__ = "plan_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    direction_id: Mapped[int | None] = mapped_column(ForeignKey("vocabulary_term.id"))
    due_on: Mapped[date | None] = mapped_column(Date)
    done_at: Mapped[datetime | None]

    programme: Mapped[Programme] = relationship(back_populates="plan_items")
    direction: Mapped[Term | None] = relationship()

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


class Meeting(db.Model):
    """A meeting of the pair or group: when, how (mode), where and what was discussed."""

    __tablename__ = "meeting"
    __table_args__ = (CheckConstraint("duration_minutes > 0", name="meeting_has_duration"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime]  # naive UTC, as every stored time
    duration_minutes: Mapped[int] = mapped_column(default=60)
    mode_id: Mapped[int | None] = mapped_column(ForeignKey("vocabulary_term.id"))
    place: Mapped[str | None] = mapped_column(String(300))  # a room, or the link of an online meeting
    notes: Mapped[str | None] = mapped_column(Text)

    programme: Mapped[Programme] = relationship(back_populates="meetings")
    mode: Mapped[Term | None] = relationship()

