"""Who may fill and see each level of a mentorship's evaluation, the answers themselves, and the mentors' public
rating. Services only flush: the route commits.

- Level 1, the questionnaire: the mentee, once, after completion. The mentee sees their own answer; curators of
  either organisation and moderators see the answers; the mentor does not (a pair has one mentee: their answer
  would not be anonymous) and reads only the public average once enough mentees answered.
- Level 2, the self-assessment: the mentee, on the programme's directions, at the start (while the mentorship is
  active) and at the end (once it is completed). Everyone who sees the mentorship sees it.
- Levels 3 and 4, the curator's observation and the organisation's note on results: curators of either
  organisation write them; everyone who sees the mentorship reads them.
"""
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import distinct, func, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..mentoring.models import Mentorship, MentorshipStatus
from ..mentors.ratings import PublicRating
from .models import (
    PUBLIC_RATING_MIN_MENTEES, QUESTIONS, AssessmentStage, EvaluationNote, NoteLevel, Questionnaire, SelfAssessment,
)


class EvaluationRefused(Exception):
    """What the person tried is not possible now; ``message`` tells them why."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


# -- who may do what ----------------------------------------------------------------------------------------

def is_mentee(mentorship: Mentorship, user) -> bool:
    return getattr(user, "is_authenticated", False) and mentorship.mentee_id == user.id


def may_answer_questionnaire(mentorship: Mentorship, user) -> bool:
    return is_mentee(mentorship, user) and mentorship.status == MentorshipStatus.COMPLETED


def may_see_questionnaires(mentorship: Mentorship, user) -> bool:
    """The answers of others: curators of either organisation and moderators, never the mentor (the mentee sees
    their own)."""
    return getattr(user, "is_authenticated", False) and user.id != mentorship.mentor_id and (
        user.is_moderator or mentorship.curated_by(user))


def stage_open(mentorship: Mentorship, stage: AssessmentStage) -> bool:
    """The start is assessed while the mentorship runs, the end once it is completed."""
    return mentorship.is_active if stage == AssessmentStage.START else not mentorship.is_active


def may_self_assess(mentorship: Mentorship, user, stage: AssessmentStage) -> bool:
    return is_mentee(mentorship, user) and stage_open(mentorship, stage)


def may_write_notes(mentorship: Mentorship, user) -> bool:
    return mentorship.curated_by(user)


def programme_directions(mentorship: Mentorship) -> list:
    return list(mentorship.programme.directions) if mentorship.programme is not None else []


# -- level 1: the questionnaire ------------------------------------------------------------------------------

def questionnaire_of(mentorship: Mentorship, user) -> Questionnaire | None:
    return db.session.scalar(select(Questionnaire).where(
        Questionnaire.mentorship_id == mentorship.id, Questionnaire.mentee_id == user.id))


def questionnaires(mentorship: Mentorship) -> list[Questionnaire]:
    return list(db.session.scalars(select(Questionnaire).where(Questionnaire.mentorship_id == mentorship.id)
                                   .order_by(Questionnaire.id)))


def answer_questionnaire(mentorship: Mentorship, user, scores: dict[str, int], comment: str | None) -> Questionnaire:
    """The mentee's answers; a second questionnaire of the same mentee is refused (the database agrees)."""
    if not may_answer_questionnaire(mentorship, user):
        raise EvaluationRefused(_l("The questionnaire opens to the mentee once the mentorship is completed."))
    if questionnaire_of(mentorship, user) is not None:
        raise EvaluationRefused(_l("You have already answered the questionnaire of this mentorship."))
    answer = Questionnaire(mentorship_id=mentorship.id, mentee_id=user.id, comment=(comment or "").strip() or None,
                           **{question: scores[question] for question in QUESTIONS})
    try:
        with db.session.begin_nested():
            db.session.add(answer)
    except IntegrityError:  # the same mentee answered a moment ago in another tab
        raise EvaluationRefused(_l("You have already answered the questionnaire of this mentorship.")) from None
    return answer


def average(values: list[int | float]) -> Decimal | None:
    """The mean to one decimal, halves rounded up (4.25 → 4.3), or None of nothing."""
    if not values:
        return None
    return (Decimal(sum(values)) / Decimal(len(values))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# -- level 2: self-assessment --------------------------------------------------------------------------------

def self_assessment(mentorship: Mentorship, stage: AssessmentStage) -> dict[int, int]:
    """direction id → the mentee's score at this stage."""
    rows = db.session.execute(select(SelfAssessment.direction_id, SelfAssessment.score).where(
        SelfAssessment.mentorship_id == mentorship.id, SelfAssessment.mentee_id == mentorship.mentee_id,
        SelfAssessment.stage == stage))
    return dict(rows.all())


def save_self_assessment(mentorship: Mentorship, user, stage: AssessmentStage, scores: dict[int, int]) -> None:
    """Write (or correct) the mentee's scores of this stage, one per direction of the programme."""
    if not may_self_assess(mentorship, user, stage):
        raise EvaluationRefused(_l("This self-assessment is not open now."))
    directions = {direction.id for direction in programme_directions(mentorship)}
    if not directions or set(scores) != directions:
        raise EvaluationRefused(_l("Rate yourself on every direction of the programme."))
    existing = {row.direction_id: row for row in db.session.scalars(select(SelfAssessment).where(
        SelfAssessment.mentorship_id == mentorship.id, SelfAssessment.mentee_id == user.id,
        SelfAssessment.stage == stage))}
    for direction_id, score in scores.items():
        row = existing.get(direction_id)
        if row is None:
            db.session.add(SelfAssessment(mentorship_id=mentorship.id, mentee_id=user.id, stage=stage,
                                          direction_id=direction_id, score=score))
        else:
            row.score = score
    db.session.flush()


# -- levels 3 and 4: the curators' notes ---------------------------------------------------------------------

def notes(mentorship: Mentorship, level: NoteLevel) -> list[EvaluationNote]:
    return list(db.session.scalars(select(EvaluationNote).where(
        EvaluationNote.mentorship_id == mentorship.id, EvaluationNote.level == level)
        .order_by(EvaluationNote.written_at, EvaluationNote.id)))


def write_note(mentorship: Mentorship, user, level: NoteLevel, text: str, rating: int | None = None) -> EvaluationNote:
    if not may_write_notes(mentorship, user):
        raise EvaluationRefused(_l("Only a curator of the mentor's or the mentee's organisation writes this."))
    # The note speaks for the school the curator curates; the mentee's school first when they curate both.
    organisation_id = next(org_id for org_id in (mentorship.mentee_organisation_id, mentorship.mentor_organisation_id)
                           if user.is_curator_of(org_id))
    note = EvaluationNote(mentorship_id=mentorship.id, level=level, author_id=user.id, organisation_id=organisation_id,
                          text=text.strip(), rating=rating if level == NoteLevel.OBSERVATION else None)
    db.session.add(note)
    db.session.flush()
    return note


# -- the public rating ----------------------------------------------------------------------------------------

def public_ratings(profile_ids: list[int]) -> dict[int, PublicRating]:
    """profile id → the average of all its questionnaires' answers, for the profiles whose completed
    mentorships were rated by at least PUBLIC_RATING_MIN_MENTEES different mentees (registered with
    mentors.ratings)."""
    total = Questionnaire.satisfaction + Questionnaire.organisation + Questionnaire.qualification \
        + Questionnaire.readiness
    rows = db.session.execute(
        select(Mentorship.mentor_profile_id, func.count(Questionnaire.id), func.sum(total))
        .join(Mentorship, Mentorship.id == Questionnaire.mentorship_id)
        .where(Mentorship.mentor_profile_id.in_(profile_ids))
        .group_by(Mentorship.mentor_profile_id)
        .having(func.count(distinct(Questionnaire.mentee_id)) >= PUBLIC_RATING_MIN_MENTEES)
    )
    return {
        profile_id: PublicRating(
            average=(Decimal(int(points)) / Decimal(answers * len(QUESTIONS))).quantize(
                Decimal("0.1"), rounding=ROUND_HALF_UP),
            answers=answers,
        )
        for profile_id, answers, points in rows
    }
