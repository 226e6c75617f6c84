"""A completed mentorship between a mentor and a mentee of two schools, with curators and a programme that
names two directions."""
import pytest

from mentorbank.accounts.models import Role
from mentorbank.extensions import db
from mentorbank.mentoring.models import MentorshipStatus
from mentorbank.vocabularies.models import Vocabulary


@pytest.fixture
def pair(make):
    """A completed mentorship whose programme has two directions."""
    return completed(make)


def completed(make, mentor_profile=None, mentee=None, status=MentorshipStatus.COMPLETED):
    mentorship = make.mentorship(mentor_profile=mentor_profile, mentee=mentee, status=status)
    mentorship.programme.directions = [make.term(Vocabulary.DIRECTION, "methodical"),
                                       make.term(Vocabulary.DIRECTION, "ict")]
    db.session.flush()
    return mentorship


@pytest.fixture
def active_pair(make):
    return completed(make, status=MentorshipStatus.ACTIVE)


@pytest.fixture
def curator(make, pair):
    """A curator of the mentee's school."""
    person = make.user("Фролова Нина Андреевна", org=pair.mentee_organisation, roles=(Role.CURATOR,))
    return person


def evaluation_url(mentorship, tail: str = "") -> str:
    return f"/account/mentorships/{mentorship.id}/evaluation{tail}"
