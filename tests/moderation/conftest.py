"""Moderation test data: pending profiles, revisions of published ones, proposed organisations (log-in and
posting a decision: ``log_in`` and ``post`` of the root conftest)."""
from datetime import timedelta

import pytest

from mentorbank.core.models import utcnow
from mentorbank.extensions import db
from mentorbank.mentors.models import ProfileStatus
from mentorbank.mentors.revisions import start_revision
from mentorbank.organisations.models import OrganisationStatus


@pytest.fixture
def as_moderator(log_in, moderator):
    return log_in(moderator)


def submitted(profile, days_ago: float = 0):
    profile.status = ProfileStatus.PENDING
    profile.submitted_at = utcnow() - timedelta(days=days_ago)
    db.session.flush()
    return profile


@pytest.fixture
def pending_profile(make):
    """A new mentor profile submitted two days ago."""
    return submitted(make.mentor("Смирнова Ольга Игоревна", status=ProfileStatus.DRAFT,
                                 email="olga.smirnova@example.org", bio="Учитель физики."), days_ago=2)


def make_revision(published, days_ago: float = 0, **changes):
    # start_revision reads the published profile's terms while the new revision is not yet in the session;
    # on a profile expired by a commit that read autoflushes and SQLAlchemy warns (reported to the lead).
    with db.session.no_autoflush:
        revision = start_revision(published)
    for name, value in changes.items():
        setattr(revision, name, value)
    return submitted(revision, days_ago)


@pytest.fixture
def published_profile(make):
    profile = make.mentor("Орлова Елена Николаевна", email="elena.orlova@example.org",
                          bio="Веду кружок робототехники.", terms={"mode": ["remote"]})
    db.session.commit()  # the search index follows commits: the published version is now indexed
    return profile


@pytest.fixture
def pending_revision(published_profile):
    return make_revision(published_profile, days_ago=1, bio="Веду кружок астрономии и телескопостроения.")


def propose_organisation(make, name: str = "МБОУ «Школа № 777»", days_ago: float = 0):
    organisation = make.organisation(name)
    proposer = make.user(full_name="Новикова Дарья Олеговна", org=organisation)
    organisation.status = OrganisationStatus.PROPOSED
    organisation.proposed_by_id = proposer.id
    organisation.created_at = utcnow() - timedelta(days=days_ago)
    db.session.flush()
    return organisation


@pytest.fixture
def proposed_organisation(make):
    return propose_organisation(make)
