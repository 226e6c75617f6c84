"""The requests' test toolkit: a complete request form, the people who ask and are asked, what they were told."""
import pytest
from sqlalchemy import select

from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.mentoring.models import MentoringRequest
from mentorbank.notifications.models import Notification
from mentorbank.vocabularies.models import Vocabulary

DIFFICULTIES = "Не получается выстроить дисциплину на уроках в 7 классе: дети не слушают объяснение."


def request_form(make, **changes) -> dict:
    """Every field of a request, as a browser posts it; keyword arguments replace fields."""
    return {
        "difficulties": DIFFICULTIES,
        "directions": [str(make.term(Vocabulary.DIRECTION, "methodical").id)],
        "form": str(make.term(Vocabulary.FORM, "teacher-teacher").id),
        "kind": "0",
        "mode": str(make.term(Vocabulary.MODE, "remote").id),
        "period_months": "6",
        **changes,
    }


def requests_of(user) -> list[MentoringRequest]:
    return list(db.session.scalars(
        select(MentoringRequest).where(MentoringRequest.mentee_id == user.id).order_by(MentoringRequest.id)))


def notifications_of(user) -> list[tuple[str, str | None]]:
    """(kind, message) of what the person was told, oldest first."""
    return [(n.kind, n.message) for n in db.session.scalars(
        select(Notification).where(Notification.user_id == user.id).order_by(Notification.id))]


def audit_actions(request) -> list[tuple[str, int | None]]:
    """(action, actor id) of the request's audit entries, oldest first."""
    return [(entry.action, entry.actor_id) for entry in db.session.scalars(
        select(AuditEntry).where(AuditEntry.target_type == "mentoring_request", AuditEntry.target_id == request.id)
        .order_by(AuditEntry.id))]


@pytest.fixture
def mentee(make):
    return make.user(full_name="Петрова Анна Сергеевна", email="mentee@example.org",
                     org=make.organisation("МБОУ «Лицей № 2»"))


@pytest.fixture
def profile(make):
    """A mentor in the bank who takes requests (three places, none taken)."""
    return make.mentor("Орлова Елена Николаевна", email="mentor@example.org",
                       terms={"direction": ["methodical"], "mode": ["remote"]})
