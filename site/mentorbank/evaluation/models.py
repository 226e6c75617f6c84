"""The evaluation area's tables: the four Kirkpatrick levels of a mentorship (DESIGN §4, source 001 §5.4).

Level 1, reaction: the mentee's questionnaire at completion, one per mentee per mentorship. Level 2, learning:
the mentee's self-assessment on each of the programme's directions, at the start and at the end. Level 3,
behaviour: a curator's observation (text and rating). Level 4, results: the organisation's note on what came
of it, written by a curator. Every score is 1 to 5, checked by the database too.
"""
import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, SmallInteger, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..core.models import string_enum, utcnow
from ..extensions import db
from ..organisations.models import Organisation
from ..vocabularies.models import Term

SCORE_MIN, SCORE_MAX = 1, 5
# A mentor's public page and card show the questionnaires' average only once this many different mentees
# answered, so that no one answer can be read back from it.
PUBLIC_RATING_MIN_MENTEES = 5
# The four questions of the questionnaire, in the order the form asks them.
QUESTIONS = ("satisfaction", "organisation", "qualification", "readiness")


def _score_check(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} BETWEEN {SCORE_MIN} AND {SCORE_MAX}", name=column)


class Questionnaire(db.Model):
    """Level 1: how the mentee found the mentoring, answered once when the mentorship is completed."""

    __tablename__ = "evaluation_questionnaire"
    __table_args__ = (
        UniqueConstraint("mentorship_id", "mentee_id"),
        _score_check("satisfaction"),
        _score_check("organisation"),
        _score_check("qualification"),
        _score_check("readiness"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mentorship_id: Mapped[int] = mapped_column(ForeignKey("mentorship.id", ondelete="CASCADE"), index=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    satisfaction: Mapped[int] = mapped_column(SmallInteger)  # with the mentoring as a whole
    organisation: Mapped[int] = mapped_column(SmallInteger)  # how it was organised
    qualification: Mapped[int] = mapped_column(SmallInteger)  # the mentor's qualification
    readiness: Mapped[int] = mapped_column(SmallInteger)  # readiness to apply what was learnt
    comment: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)

    mentee: Mapped[User] = relationship()

    @property
    def scores(self) -> dict[str, int]:
        return {question: getattr(self, question) for question in QUESTIONS}


class AssessmentStage(enum.StrEnum):
    START = "start"
    END = "end"


class SelfAssessment(db.Model):
    """Level 2: the mentee's own score on one direction of the programme, at its start or at its end."""

    __tablename__ = "evaluation_self_assessment"
    __table_args__ = (
        UniqueConstraint("mentorship_id", "mentee_id", "stage", "direction_id"),
        _score_check("score"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mentorship_id: Mapped[int] = mapped_column(ForeignKey("mentorship.id", ondelete="CASCADE"), index=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    stage: Mapped[AssessmentStage] = mapped_column(string_enum(AssessmentStage, "assessment_stage", length=8))
    direction_id: Mapped[int] = mapped_column(ForeignKey("vocabulary_term.id", ondelete="CASCADE"))
    score: Mapped[int] = mapped_column(SmallInteger)
    assessed_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    direction: Mapped[Term] = relationship()


class NoteLevel(enum.StrEnum):
    OBSERVATION = "observation"  # level 3: what the curator saw change in the teacher's work (with a rating)
    RESULTS = "results"  # level 4: the organisation's results (a text)


class EvaluationNote(db.Model):
    """Levels 3 and 4: a curator's observation of the mentee's work, or the organisation's note on results."""

    __tablename__ = "evaluation_note"
    __table_args__ = (
        CheckConstraint("level <> 'observation' OR rating IS NOT NULL", name="observation_has_rating"),
        CheckConstraint(f"rating IS NULL OR rating BETWEEN {SCORE_MIN} AND {SCORE_MAX}", name="rating"),
        CheckConstraint("length(trim(text)) > 0", name="has_text"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mentorship_id: Mapped[int] = mapped_column(ForeignKey("mentorship.id", ondelete="CASCADE"), index=True)
    level: Mapped[NoteLevel] = mapped_column(string_enum(NoteLevel, "note_level"))
    # The curator who wrote it, and the organisation they wrote for (the mentor's or the mentee's).
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    rating: Mapped[int | None] = mapped_column(SmallInteger)
    written_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()
