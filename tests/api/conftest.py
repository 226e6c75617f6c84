"""Fixtures of the API tests: a small public bank, indexed."""
import pytest

from mentorbank.extensions import db
from mentorbank.mentors.models import ProfileStatus

SECRET_EMAIL = "hidden.contact@example.org"
SECRET_PHONE = "+7 917 555-12-34"


@pytest.fixture
def bank(make):
    """Three approved mentors in two regions and one hidden profile of each other status; committed (inside
    the test's rolled-back transaction) so the search index follows."""
    kazan = make.organisation("МБОУ «Гимназия № 7»", municipality_name="г. Казань")
    ufa = make.organisation(
        "МАОУ «Лицей № 3»", municipality_name="г. Уфа", region_name="Республика Башкортостан"
    )
    mentors = {
        "ivanova": make.mentor(
            "Иванова Мария Петровна", org=kazan, email=SECRET_EMAIL, phone=SECRET_PHONE, experience_years=25,
            achievements="Победитель конкурса «Учитель года»",
            bio="Двадцать лет веду наставничество молодых учителей математики.",
            terms={"mode": ["remote"], "direction": ["methodical"], "competence": ["expert"]},
        ),
        "petrov": make.mentor(
            "Петров Андрей Сергеевич", org=kazan, subjects="физика; астрономия", experience_years=12,
            bio="Учитель физики, веду кружок робототехники.",
            terms={"mode": ["in-person"], "form": ["teacher-teacher"]},
        ),
        "sidorova": make.mentor(
            "Сидорова Елена Викторовна", org=ufa, subjects="русский язык", experience_years=8,
            accepting_requests=False, bio="Помогаю освоить цифровые технологии на уроке.",
            terms={"mode": ["remote", "blended"]},
        ),
    }
    for status in (ProfileStatus.DRAFT, ProfileStatus.PENDING, ProfileStatus.RETURNED, ProfileStatus.WITHDRAWN):
        mentors[status.value] = make.mentor(f"Скрытова {status.value}", status=status, org=kazan)
    db.session.commit()
    return mentors
