"""The demo's evaluation answers: read from the mentorships in the database, deterministic, loaded once."""
from sqlalchemy import func, select

from mentorbank.accounts.models import Role
from mentorbank.demo.evaluation import create_demo_evaluation
from mentorbank.evaluation.models import AssessmentStage, EvaluationNote, Questionnaire, SelfAssessment
from mentorbank.evaluation.services import public_ratings
from mentorbank.extensions import db

from .conftest import completed


def count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_answers_for_completed_mentorships_once(make, active_pair):
    mentor = make.mentor("Орлова Елена Николаевна")
    pairs = [completed(make, mentor_profile=mentor, mentee=make.user(f"Наставляемая {n}")) for n in range(5)]
    make.user("Фролова Нина Андреевна", org=pairs[0].mentee_organisation, roles=(Role.CURATOR,))

    summary = create_demo_evaluation(seed=7)
    assert summary.questionnaires == count(Questionnaire) == 5
    assert count(SelfAssessment, SelfAssessment.mentorship_id == active_pair.id) == 2  # the start only
    assert count(SelfAssessment, SelfAssessment.stage == AssessmentStage.END) == 5 * 2
    assert all(end.score >= 2 for end in db.session.scalars(
        select(SelfAssessment).where(SelfAssessment.stage == AssessmentStage.END)))
    assert count(EvaluationNote, EvaluationNote.mentorship_id == pairs[0].id) == 2
    assert summary.notes == count(EvaluationNote)
    # Five different mentees: the mentor's rating is public.
    assert mentor.id in public_ratings([mentor.id])

    again = create_demo_evaluation(seed=7)
    assert (again.questionnaires, again.self_assessments, again.notes) == (0, 0, 0)
    assert count(Questionnaire) == 5
