"""Fixtures of the library tests: a small shelf in every rubric, committed (inside the test's rolled-back
transaction) so the search index follows."""
from datetime import date

import pytest

from mentorbank.extensions import db
from mentorbank.library.services import ItemFields, create_item
from mentorbank.vocabularies.models import Vocabulary

from .. import factories


def rubric_id(slug: str) -> int:
    return factories.term(Vocabulary.LIBRARY_RUBRIC, slug).id


def add_item(title: str, rubric: str = "methods", url: str = "https://apkpro.ru/materials", year: int = 2024,
             **fields):
    return create_item(ItemFields(title=title, rubric_id=rubric_id(rubric), url=url, year=year, **fields),
                       actor=None)


@pytest.fixture
def shelf(app_context) -> dict:
    items = {
        "law": add_item("Федеральный закон «Об образовании в Российской Федерации»", "regulations",
                        "https://www.consultant.ru/document/cons_doc_LAW_140174/", 2012,
                        source="Государственная дума РФ", issued_on=date(2012, 12, 29)),
        "recommendations": add_item(
            "Методические рекомендации по внедрению целевой модели наставничества", "regulations",
            "https://docs.edu.gov.ru/document/1", 2021, description="Формы и виды наставничества педагогов."),
        "programme": add_item("Персонализированная программа: конструктор", "methods", year=2023,
                              description="Как составить план на учебный год."),
        "webinar": add_item("Вебинар о реверсивном наставничестве", "webinars", "https://edu.gov.ru/webinar", 2025,
                            issued_on=date(2025, 3, 20), description="Молодые педагоги учат цифровым инструментам."),
        "portal": add_item("Портал Министерства просвещения", "links", "https://www.edu.gov.ru/", 2025),
    }
    db.session.commit()
    return items


def item_form(**changes) -> dict:
    """The fields of the item form, filled as a moderator would; ``changes`` override them."""
    return {
        "title": "Положение о наставничестве: примерная форма", "rubric": str(rubric_id("methods")),
        "url": "https://apkpro.ru/polozhenie", "description": "Шаблон локального акта школы.",
        "source": "Академия Минпросвещения", "year": "2022", "issued_on": "", **changes,
    }
