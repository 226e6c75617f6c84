"""The bank of programmes' toolkit: a completed mentorship whose programme names its people, and a complete
publish form."""
import pytest

from mentorbank.extensions import db
from mentorbank.mentoring.models import MentorshipStatus, PlanItem
from mentorbank.vocabularies.models import Vocabulary

MENTOR_NAME = "Орлова Елена Николаевна"
MENTEE_NAME = "Смирнова Ольга Игоревна"


@pytest.fixture
def completed(make):
    """A completed mentorship of Орлова with Смирнова whose programme holds their names, an e-mail and a phone."""
    profile = make.mentor(MENTOR_NAME, email="orlova@example.org")
    mentee = make.user(MENTEE_NAME, email="smirnova@example.org")
    mentorship = make.mentorship(mentor_profile=profile, mentee=mentee, status=MentorshipStatus.COMPLETED,
                                 form_id=make.term(Vocabulary.FORM, "teacher-teacher").id)
    programme = mentorship.programme
    programme.problem = ("Смирнова О. И. не может выстроить дисциплину на уроках в 7 классе.\n"
                         "Связь: smirnova@school.example.org, +7 912 345-67-89.")
    programme.goals = "Ольга Игоревна освоит приёмы управления классом к 01.09.2025."
    programme.content = "Орлова Елена Николаевна показывает уроки; разбор с Ольгой после каждого."
    programme.mode_id = make.term(Vocabulary.MODE, "blended").id
    programme.directions = [make.term(Vocabulary.DIRECTION, "methodical")]
    programme.plan_items = [PlanItem(title="Посетить три урока Орловой"), PlanItem(title="Провести открытый урок")]
    db.session.flush()
    return mentorship


def template_form(make, **changes) -> dict:
    return {
        "title": "Дисциплина на уроке для молодого учителя",
        "problem": "Молодой учитель не может выстроить дисциплину на уроках в среднем звене.",
        "goals": "Освоить приёмы управления классом.",
        "content": "Посещение уроков наставника, разбор ситуаций.",
        "planned_results": "Уроки без срывов дисциплины.",
        "meeting_schedule": "раз в две недели",
        "plan": "Посетить три урока наставника\n\nПровести открытый урок",
        "period_months": "6",
        "mentoring_form": str(make.term(Vocabulary.FORM, "teacher-teacher").id),
        "mode": str(make.term(Vocabulary.MODE, "blended").id),
        "directions": [str(make.term(Vocabulary.DIRECTION, "methodical").id)],
        "no_personal_data": "y",
        **changes,
    }
