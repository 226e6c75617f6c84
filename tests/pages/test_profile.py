"""A mentor's public profile."""
from datetime import datetime

import pytest

from mentorbank.mentors.models import ProfileStatus


@pytest.fixture
def profile(make):
    return make.mentor(
        "Сидорова Елена Викторовна",
        email="elena.sidorova@school.example",
        phone="+7 (912) 345-67-89",
        experience_years=22,
        subjects="математика; информатика",
        achievements="Победитель конкурса «Учитель года» 2019.",
        bio="Веду методическое объединение учителей математики.",
        capacity=4,
        last_active_at=datetime(2026, 3, 5, 10, 0),
        terms={"form": ["teacher-teacher"], "mode": ["remote"], "direction": ["methodical"]},
    )


def test_profile_shows_the_public_fields(client, profile):
    response = client.get(f"/mentors/{profile.id}")
    html = response.get_data(as_text=True)

    assert response.status_code == 200
    assert "<h1>Сидорова Елена Викторовна</h1>" in html
    assert "учитель" in html
    assert f'href="/organisations/{profile.organisation.id}"' in html
    assert "г. Казань" in html and "Республика Татарстан" in html
    assert "22 года" in html
    assert "математика, информатика" in html
    assert "Победитель конкурса «Учитель года» 2019." in html
    assert "Веду методическое объединение" in html
    assert "до 4 наставляемых" in html
    assert "Принимает запросы" in html
    assert "5 марта 2026" in html
    assert "Попросить о наставничестве" in html
    for group, label in (("Формы наставничества", "педагог"), ("Режим", "дистанционный"), ("Направления", "методическое")):
        assert group in html and label in html.lower()


def test_profile_never_shows_the_email_or_the_phone(client, profile):
    html = client.get(f"/mentors/{profile.id}").get_data(as_text=True)
    assert "elena.sidorova@school.example" not in html
    assert "345-67-89" not in html and "912" not in html
    # No contact link in the page's content (the footer's are the operator's own).
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "mailto:" not in main and "tel:" not in main


@pytest.mark.parametrize("years, words", [(1, "1 год"), (3, "3 года"), (5, "5 лет"), (11, "11 лет"), (21, "21 год")])
def test_experience_uses_the_russian_plural(client, make, years, words):
    profile = make.mentor(experience_years=years)
    assert f"<dd>{words}</dd>" in client.get(f"/mentors/{profile.id}").get_data(as_text=True)


@pytest.mark.parametrize(
    "status", [ProfileStatus.DRAFT, ProfileStatus.PENDING, ProfileStatus.RETURNED, ProfileStatus.WITHDRAWN]
)
def test_a_profile_that_is_not_approved_is_not_found(client, make, status):
    profile = make.mentor("Скрытая Анкета", status=status)
    response = client.get(f"/mentors/{profile.id}")
    assert response.status_code == 404
    assert "Скрытая Анкета" not in response.get_data(as_text=True)


def test_unknown_profile_is_not_found(client):
    assert client.get("/mentors/987654").status_code == 404


def test_user_text_is_escaped(client, make):
    payload = '<script>alert("x")</script>'
    profile = make.mentor(f"Иванов {payload}", bio=f"Био {payload}", achievements=f"<img src=x onerror=alert(1)>")
    html = client.get(f"/mentors/{profile.id}").get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_team_profile_shows_the_team_name(client, make):
    profile = make.mentor("Представитель Команды", is_team=True, team_name="Команда школы № 5")
    html = client.get(f"/mentors/{profile.id}").get_data(as_text=True)
    assert "<h1>Команда школы № 5</h1>" in html
    assert "Команда-наставник организации" in html


def test_profile_in_english_uses_english_term_names(client, profile):
    from tests.conftest import csrf_token_from

    token = csrf_token_from(client.get("/").get_data(as_text=True))
    client.post("/locale/en", data={"csrf_token": token, "next": "/"})
    html = client.get(f"/mentors/{profile.id}").get_data(as_text=True)
    assert "22 years" in html and "Forms of mentoring" in html
    assert "March 5, 2026" in html


def test_not_found_page_is_in_russian_with_a_way_back(client):
    response = client.get("/mentors/987654")
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "Страница не найдена" in html and 'href="/mentors"' in html
