"""A mentorship across two schools, with the people around it: its mentor and mentee, a curator of each school,
an outsider, a moderator (tests/conftest.py)."""
import pytest

from mentorbank.accounts.models import Role


@pytest.fixture
def mentor_school(make):
    return make.organisation("МБОУ «Лицей № 2»")


@pytest.fixture
def mentee_school(make):
    return make.organisation("МБОУ «СОШ № 41»", municipality_name="Альметьевский район")


@pytest.fixture
def pair(make, mentor_school, mentee_school):
    profile = make.mentor("Орлова Елена Николаевна", org=mentor_school, phone="+7 900 111-22-33", capacity=2)
    mentee = make.user("Смирнова Ольга Игоревна", email="mentee@example.org", org=mentee_school)
    return make.mentorship(mentor_profile=profile, mentee=mentee)


@pytest.fixture
def mentor(pair):
    return pair.mentor


@pytest.fixture
def mentee(pair):
    return pair.mentee


@pytest.fixture
def mentee_curator(make, mentee_school):
    return make.user("Кириллова Нина Петровна", email="curator41@example.org", org=mentee_school,
                     roles=(Role.CURATOR,))


@pytest.fixture
def mentor_curator(make, mentor_school):
    return make.user("Лебедев Павел Олегович", email="curator2@example.org", org=mentor_school,
                     roles=(Role.CURATOR,))


@pytest.fixture
def outsider(make):
    return make.user("Чужой Иван Иванович", email="outsider@example.org")


def detail_url(pair) -> str:
    return f"/account/mentorships/{pair.id}"
