"""Demo evaluation: what the mentees, and the curators of their schools, answered about the demo mentorships.

Called by ``flask demo load`` after the mentoring demo is committed: it reads the mentorships from the database
(completed ones get the questionnaire, both self-assessments and, where the school has a curator, an observation
and a note on results; active ones the self-assessment at the start). Deterministic for a seed, and idempotent:
a mentorship already evaluated is left as it is. Only flushes; the caller commits."""
import random
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import selectinload

from ..accounts.models import Role, RoleGrant, User
from ..evaluation.models import AssessmentStage, EvaluationNote, NoteLevel, Questionnaire, SelfAssessment
from ..extensions import db
from ..mentoring.models import Mentorship, MentorshipStatus, Programme

COMMENTS = [
    "Наставник всегда находил время, разборы уроков были самыми полезными.",
    "Хотелось бы больше встреч вживую, но онлайн-формат тоже помог.",
    "Теперь увереннее планирую уроки и работаю с трудными классами.",
    "Помогли с подготовкой к аттестации, спасибо за терпение.",
    None,
    None,
]
OBSERVATIONS = [
    "На открытом уроке педагог применил приёмы формирующего оценивания, которые отрабатывал с наставником.",
    "Учитель стал увереннее вести родительские собрания, жалоб родителей стало меньше.",
    "Педагог выступил на методическом объединении с опытом, полученным в ходе программы.",
]
RESULTS = [
    "Молодой педагог остался в школе и взял классное руководство.",
    "Школа включила программу в план методической работы на следующий год.",
    "Результаты учеников по предмету выросли по итогам полугодия.",
]


@dataclass
class EvaluationSummary:
    questionnaires: int = 0
    self_assessments: int = 0
    notes: int = 0


def create_demo_evaluation(seed: int = 2026) -> EvaluationSummary:
    summary = EvaluationSummary()
    mentorships = db.session.scalars(
        select(Mentorship)
        .where(~exists().where(Questionnaire.mentorship_id == Mentorship.id),
               ~exists().where(SelfAssessment.mentorship_id == Mentorship.id))
        .options(selectinload(Mentorship.programme).selectinload(Programme.directions))
        .order_by(Mentorship.id)
    ).all()
    curators = _curators()
    for mentorship in mentorships:
        chance = random.Random(seed * 100_003 + mentorship.id)
        completed = mentorship.status == MentorshipStatus.COMPLETED
        summary.self_assessments += _self_assess(mentorship, chance, completed)
        if completed:
            _answer(mentorship, chance)
            summary.questionnaires += 1
            summary.notes += _notes(mentorship, chance, curators)
    db.session.flush()
    return summary


def _answer(mentorship: Mentorship, chance: random.Random) -> None:
    # Mostly content, as the regional surveys are; now and then a lukewarm answer.
    scores = [chance.choice((3, 4, 4, 5, 5, 5)) for _ in range(4)]
    satisfaction, organisation, qualification, readiness = scores
    db.session.add(Questionnaire(
        mentorship_id=mentorship.id, mentee_id=mentorship.mentee_id, satisfaction=satisfaction,
        organisation=organisation, qualification=qualification, readiness=readiness, comment=chance.choice(COMMENTS),
        answered_at=mentorship.completed_at + timedelta(days=chance.randint(0, 6)),
    ))


def _self_assess(mentorship: Mentorship, chance: random.Random, completed: bool) -> int:
    directions = mentorship.programme.directions if mentorship.programme is not None else []
    stages = (AssessmentStage.START, AssessmentStage.END) if completed else (AssessmentStage.START,)
    for direction in directions:
        start = chance.randint(1, 3)
        scores = {AssessmentStage.START: start, AssessmentStage.END: min(5, start + chance.randint(1, 2))}
        for stage in stages:
            db.session.add(SelfAssessment(mentorship_id=mentorship.id, mentee_id=mentorship.mentee_id, stage=stage,
                                          direction_id=direction.id, score=scores[stage]))
    return len(directions) * len(stages)


def _curators() -> dict[int, User]:
    """organisation id → a curator of it (the first granted)."""
    found: dict[int, User] = {}
    for grant in db.session.scalars(select(RoleGrant).where(RoleGrant.role == Role.CURATOR)
                                    .options(selectinload(RoleGrant.user)).order_by(RoleGrant.id)):
        found.setdefault(grant.organisation_id, grant.user)
    return found


def _notes(mentorship: Mentorship, chance: random.Random, curators: dict[int, User]) -> int:
    organisation_id = next((org_id for org_id in (mentorship.mentee_organisation_id, mentorship.mentor_organisation_id)
                            if org_id in curators), None)
    if organisation_id is None:
        return 0
    written = mentorship.completed_at + timedelta(days=chance.randint(20, 60))
    author_id = curators[organisation_id].id
    db.session.add_all([
        EvaluationNote(mentorship_id=mentorship.id, level=NoteLevel.OBSERVATION, author_id=author_id,
                       organisation_id=organisation_id, text=chance.choice(OBSERVATIONS),
                       rating=chance.choice((3, 4, 4, 5)), written_at=written),
        EvaluationNote(mentorship_id=mentorship.id, level=NoteLevel.RESULTS, author_id=author_id,
                       organisation_id=organisation_id, text=chance.choice(RESULTS), written_at=written),
    ])
    return 2
