"""The bank of programmes (source 003): a programme template, made by the mentor of a completed mentorship from its
programme without personal data, published after moderation for others to start from.

Status: submitted → published | returned (with the moderator's reason) → submitted again; the author can
withdraw a published template (and offer it again later). Only published templates are public.
"""
import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Table, Text, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload

from ..accounts.models import User
from ..core.models import TimestampMixin, string_enum
from ..core.workflow import Step, Workflow, declare
from ..extensions import db
from ..mentoring.models import PROGRAMME_MAX_MONTHS, PROGRAMME_MIN_MONTHS, Mentorship, Programme
from ..vocabularies.models import Term


class TemplateStatus(enum.StrEnum):
    DRAFT = "draft"  # only while the author's first submission is being stored
    SUBMITTED = "submitted"
    PUBLISHED = "published"
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"

    @property
    def label(self):
        return STATUS_LABELS[self.value]


STATUS_LABELS = {
    "draft": _l("Draft"),
    "submitted": _l("Waiting for moderation"),
    "published": _l("Published"),
    "returned": _l("Returned for changes"),
    "withdrawn": _l("Withdrawn from the bank"),
}

programme_template_direction = Table(
    "programme_template_direction",
    db.metadata,
    Column("template_id", ForeignKey("programme_template.id", ondelete="CASCADE"), primary_key=True),
    Column("term_id", ForeignKey("vocabulary_term.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class ProgrammeTemplate(TimestampMixin, db.Model):
    """A programme of the bank: what a personalised programme holds, without the people it was made for."""

    __tablename__ = "programme_template"
    __table_args__ = (
        CheckConstraint(f"period_months BETWEEN {PROGRAMME_MIN_MONTHS} AND {PROGRAMME_MAX_MONTHS}",
                        name="template_period_months"),
        CheckConstraint("status <> 'returned' OR length(trim(status_reason)) > 0", name="template_returned_has_reason"),
        CheckConstraint("status <> 'published' OR published_at IS NOT NULL", name="template_published_is_stamped"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The mentor who published it (never shown: the bank keeps no names); None for the site's own templates.
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    # The completed mentorship whose programme it comes from: one template per mentorship.
    mentorship_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentorship.id", ondelete="SET NULL"), unique=True)

    title: Mapped[str] = mapped_column(String(300))
    problem: Mapped[str] = mapped_column(Text)  # the professional difficulty it answers
    goals: Mapped[str] = mapped_column(Text, default="")  # goals and tasks
    content: Mapped[str] = mapped_column(Text, default="")
    planned_results: Mapped[str] = mapped_column(Text, default="")
    meeting_schedule: Mapped[str | None] = mapped_column(String(500))
    # The plan's activities, one a line; a programme started from the template gets them as its plan.
    plan: Mapped[str] = mapped_column(Text, default="")
    period_months: Mapped[int] = mapped_column(default=6)
    form_id: Mapped[int | None] = mapped_column(ForeignKey("vocabulary_term.id"))
    mode_id: Mapped[int | None] = mapped_column(ForeignKey("vocabulary_term.id"))

    status: Mapped[TemplateStatus] = mapped_column(
        string_enum(TemplateStatus, "template_status"), default=TemplateStatus.DRAFT, index=True)
    status_reason: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    published_at: Mapped[datetime | None] = mapped_column(index=True)

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    mentorship: Mapped[Mentorship | None] = relationship()
    form: Mapped[Term | None] = relationship(foreign_keys=[form_id])
    mode: Mapped[Term | None] = relationship(foreign_keys=[mode_id])
    directions: Mapped[list[Term]] = relationship(secondary=programme_template_direction, order_by=Term.position)

    @property
    def plan_lines(self) -> list[str]:
        return [line.strip() for line in (self.plan or "").splitlines() if line.strip()]

    @property
    def is_public(self) -> bool:
        return self.status == TemplateStatus.PUBLISHED

    def __repr__(self) -> str:
        return f"<ProgrammeTemplate {self.id} {self.title!r}>"


_S = TemplateStatus
TEMPLATE_WORKFLOW = declare(Workflow(
    kind="programme_template",
    model=ProgrammeTemplate,
    author_id=lambda template: template.author_id,
    steps={
        (_S.DRAFT, _S.SUBMITTED): Step("submit"),
        (_S.RETURNED, _S.SUBMITTED): Step("resubmit"),
        # A withdrawn template can be corrected and offered to the bank again.
        (_S.WITHDRAWN, _S.SUBMITTED): Step("resubmit"),
        (_S.SUBMITTED, _S.PUBLISHED): Step("approve", decision=True),
        (_S.SUBMITTED, _S.RETURNED): Step("return", decision=True, needs_reason=True),
        (_S.PUBLISHED, _S.WITHDRAWN): Step("withdraw"),
    },
))


# The statuses in which the author edits the template again and sends it to moderation.
EDITABLE_STATUSES = (TemplateStatus.RETURNED, TemplateStatus.WITHDRAWN)


def public_templates():
    """The one query the bank's pages, the API and the index start from."""
    return (select(ProgrammeTemplate).where(ProgrammeTemplate.status == TemplateStatus.PUBLISHED)
            .options(selectinload(ProgrammeTemplate.directions), selectinload(ProgrammeTemplate.form),
                     selectinload(ProgrammeTemplate.mode)))


def get_public_template_or_404(template_id: int) -> ProgrammeTemplate:
    return db.first_or_404(public_templates().where(ProgrammeTemplate.id == template_id))


def templates_for_hits(hits: list) -> list[tuple[ProgrammeTemplate, object]]:
    """The published templates behind a page of hits, in the hits' order (withdrawn ones skipped)."""
    ids = [hit.id for hit in hits if hit.type == "programme"]
    found = {template.id: template for template in db.session.scalars(
        public_templates().where(ProgrammeTemplate.id.in_(ids)))} if ids else {}
    return [(found[hit.id], hit) for hit in hits if hit.type == "programme" and hit.id in found]


def templates_of(user_id: int) -> list[ProgrammeTemplate]:
    """A mentor's own templates, whatever their status, newest first ("my submissions")."""
    return list(db.session.scalars(
        select(ProgrammeTemplate).where(ProgrammeTemplate.author_id == user_id)
        .order_by(ProgrammeTemplate.created_at.desc(), ProgrammeTemplate.id.desc())))


def times_used(template_id: int) -> int:
    """How many programmes started from the template."""
    return db.session.scalar(select(func.count()).select_from(Programme).where(Programme.template_id == template_id))
