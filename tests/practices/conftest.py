"""The practice bank's test toolkit: a complete practice form, and the practice a form made."""
import pytest
from sqlalchemy import select

from mentorbank.extensions import db
from mentorbank.practices.models import Practice
from mentorbank.vocabularies.models import Vocabulary


def practice_form(make, **changes) -> dict:
    """Every field of a complete practice, as a browser posts it; keyword arguments replace fields."""
    return {
        "title": "Практика наставничества «Первые шаги»",
        "summary": "Сопровождение молодых учителей в первый год работы в школе.",
        "body": "## Как это устроено\n\n- встречи раз в неделю\n- взаимные посещения уроков",
        "results": "Все молодые учителя остались в школе после первого года.",
        "year": "2022",
        "i_am_author": "y",
        "author_names": "Сидорова Ольга Ивановна, заместитель директора",
        "links": "https://school.example.org/practice",
        "directions": [str(make.term(Vocabulary.DIRECTION, "methodical").id)],
        "forms": [str(make.term(Vocabulary.FORM, "teacher-teacher").id)],
        "levels": [str(make.term(Vocabulary.LEVEL, "institutional").id)],
        **changes,
    }


def newest_practice_of(user) -> Practice:
    return db.session.scalars(select(Practice).where(Practice.owner_id == user.id).order_by(Practice.id.desc())).first()


@pytest.fixture
def author(make):
    return make.user(full_name="Кириллова Наталья Олеговна", email="author@example.org")
