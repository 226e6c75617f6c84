"""The mentees' average on the mentor's public page, card and API: only once 5 different mentees answered, so
that no one answer can be read back from it."""
import pytest

from mentorbank.evaluation.models import Questionnaire
from mentorbank.extensions import db
from mentorbank.search import rebuild

from .conftest import completed

NAMES = ["Андреева Анна", "Борисова Бэлла", "Васильева Вера", "Григорьева Галина", "Дмитриева Дарья",
         "Егорова Елена"]


def answered(make, profile, mentee, scores=(4, 4, 5, 4)):
    pair = completed(make, mentor_profile=profile, mentee=mentee)
    satisfaction, organisation, qualification, readiness = scores
    db.session.add(Questionnaire(mentorship_id=pair.id, mentee_id=mentee.id, satisfaction=satisfaction,
                                 organisation=organisation, qualification=qualification, readiness=readiness,
                                 comment="Тайный комментарий"))
    db.session.flush()
    return pair


@pytest.fixture
def profile(make):
    return make.mentor("Орлова Елена Николаевна", subjects="математика")


def mentees(make, count):
    return [make.user(name) for name in NAMES[:count]]


def public_views(client, profile) -> tuple[str, str, dict]:
    rebuild()
    return (client.get(f"/mentors/{profile.id}").get_data(as_text=True),
            client.get("/mentors").get_data(as_text=True),
            client.get(f"/api/v1/mentors/{profile.id}").get_json())


def test_four_mentees_are_not_enough(client, english, make, profile):
    for mentee in mentees(make, 4):
        answered(make, profile, mentee)
    page, bank, api = public_views(client, profile)
    assert "Mentees&#39; rating" not in page and "data-rating" not in bank
    assert api["rating"] is None


def test_one_mentee_answering_five_times_is_not_enough(client, english, make, profile):
    [mentee] = mentees(make, 1)
    for _ in range(5):
        answered(make, profile, mentee)
    page, _bank, api = public_views(client, profile)
    assert "data-rating" not in page and api["rating"] is None


def test_five_mentees_show_the_average_everywhere(client, english, make, profile):
    # 4.25 per answer → 4.3 of 5, halves rounded up.
    for mentee in mentees(make, 5):
        answered(make, profile, mentee, scores=(4, 4, 5, 4))
    page, bank, api = public_views(client, profile)
    assert "4.3 of 5" in page and "5 answers" in page
    assert "4.3 of 5" in bank and "data-rating" in bank
    assert api["rating"] == {"average": 4.3, "answers": 5, "scale": 5}
    assert "Тайный комментарий" not in page + bank
    listed = client.get("/api/v1/mentors").get_json()["items"]
    assert [item["rating"] for item in listed if item["id"] == profile.id] == [api["rating"]]


def test_the_rating_in_russian_with_a_decimal_comma_and_plural(client, make, profile):
    for mentee in mentees(make, 6):
        answered(make, profile, mentee, scores=(4, 4, 4, 5))  # 4.25 → 4,3
    rebuild()
    page = client.get(f"/mentors/{profile.id}").get_data(as_text=True)
    bank = client.get("/mentors").get_data(as_text=True)
    assert "4,3 из 5" in page and "6 ответов" in page and "4,3 из 5" in bank


def test_the_card_follows_a_new_answer(client, english, make, profile):
    people = mentees(make, 5)
    for mentee in people[:4]:
        answered(make, profile, mentee, scores=(5, 5, 5, 5))
    rebuild()
    assert "data-rating" not in client.get("/mentors").get_data(as_text=True)  # the card is kept without it
    answered(make, profile, people[4], scores=(1, 1, 1, 1))  # (4×20 + 4) / 20 = 4.2
    assert "4.2 of 5" in client.get("/mentors").get_data(as_text=True)


def test_the_api_documents_the_rating(client):
    schema = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]["Mentor"]
    assert "rating" in schema["required"]
    assert schema["properties"]["rating"]["properties"]["average"] == {"type": "number"}
