"""Two requests filed at the same moment by one mentee still respect the pending limit (PostgreSQL: real
concurrent transactions; SQLite writes one transaction at a time, so there is no race to test there)."""
import threading

import pytest

from mentorbank.accounts.models import User
from mentorbank.extensions import db
from mentorbank.mentoring.models import MAX_PENDING_REQUESTS, MentoringRequest, RequestStatus
from mentorbank.mentoring.requests import RequestDetails, RequestRefused, file_request

from ... import factories


def test_two_requests_at_once_cannot_pass_the_limit(app, committing_database):
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("a race of two transactions needs PostgreSQL")
        mentee = factories.user("Петрова Анна Сергеевна")
        for _ in range(MAX_PENDING_REQUESTS - 1):
            factories.mentoring_request(mentee=mentee, status=RequestStatus.OPEN)
        db.session.commit()
        mentee_id = mentee.id

    start, outcomes = threading.Barrier(2), []

    def file_one():
        with app.app_context(), app.test_request_context():
            person = db.session.get(User, mentee_id)
            start.wait()
            try:
                file_request(person, RequestDetails(difficulties="Не слушают на уроках."))
                db.session.commit()
                outcomes.append("filed")
            except RequestRefused:
                db.session.rollback()
                outcomes.append("refused")

    threads = [threading.Thread(target=file_one) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["filed", "refused"]
    with app.app_context():
        pending = db.session.scalars(db.select(MentoringRequest).where(
            MentoringRequest.mentee_id == mentee_id, MentoringRequest.status == RequestStatus.OPEN)).all()
        assert len(pending) == MAX_PENDING_REQUESTS
