"""Two accepts at the same moment for a mentor with one free place: one mentorship begins, the other accept is
refused, and the mentor's places are never exceeded (PostgreSQL: two connections, real row locks)."""
import threading
import time

import pytest
from sqlalchemy import func, select

from mentorbank.core.workflow import TransitionRefused
from mentorbank.extensions import db
from mentorbank.mentoring.answers import accept
from mentorbank.mentoring.models import MentoringRequest, Mentorship, RequestStatus
from mentorbank.mentors.models import MentorProfile

from ... import factories


def race_to_accept(app, request_ids: list[int]) -> dict[int, str]:
    """Each request accepted by its mentor in a thread of its own (a connection of its own), both at once."""
    start = threading.Barrier(len(request_ids))
    outcomes: dict[int, str] = {}

    def answer(request_id: int) -> None:
        with app.test_request_context():
            request = db.session.get(MentoringRequest, request_id)
            mentor = request.mentor_profile.user
            start.wait(timeout=10)
            try:
                accept(request, mentor)
                time.sleep(0.3)  # hold the locks while the other accept arrives
                db.session.commit()
                outcomes[request_id] = "accepted"
            except TransitionRefused:
                db.session.rollback()
                outcomes[request_id] = "refused"
            finally:
                db.session.remove()

    threads = [threading.Thread(target=answer, args=(request_id,)) for request_id in request_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_accepts_at_once_never_exceed_the_places(app, committing_database):
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite serialises every writer: the race needs two PostgreSQL connections")
        profile = factories.mentor("Орлова Елена Николаевна", capacity=1)
        requests = [factories.mentoring_request(mentor_profile=profile, mentee=factories.user(name))
                    for name in ("Смирнова Ольга Игоревна", "Лебедев Игорь Олегович")]
        db.session.commit()
        profile_id, mentor_id = profile.id, profile.user_id
        request_ids = [request.id for request in requests]

    outcomes = race_to_accept(app, request_ids)

    assert sorted(outcomes.values()) == ["accepted", "refused"]
    with app.app_context():
        profile = db.session.get(MentorProfile, profile_id)
        assert profile.active_mentees == 1 and profile.user_id == mentor_id
        assert db.session.scalar(select(func.count(Mentorship.id))) == 1
        statuses = {request_id: db.session.get(MentoringRequest, request_id).status for request_id in request_ids}
        refused = next(request_id for request_id, outcome in outcomes.items() if outcome == "refused")
        assert statuses[refused] == RequestStatus.SENT
        db.session.remove()


def test_two_mentors_accepting_one_mentee_at_once(app, committing_database):
    """The mentee asked two mentors; both accept at the same moment: one mentorship, the other request withdrawn,
    no deadlock between the two accepts' row locks."""
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite serialises every writer: the race needs two PostgreSQL connections")
        mentee = factories.user("Смирнова Ольга Игоревна")
        requests = [factories.mentoring_request(mentee=mentee, mentor_profile=factories.mentor(name))
                    for name in ("Орлова Елена Николаевна", "Зайцева Ольга Павловна")]
        db.session.commit()
        request_ids = [request.id for request in requests]

    outcomes = race_to_accept(app, request_ids)

    assert sorted(outcomes.values()) == ["accepted", "refused"]
    with app.app_context():
        statuses = sorted(db.session.get(MentoringRequest, request_id).status for request_id in request_ids)
        assert statuses == sorted([RequestStatus.ACCEPTED, RequestStatus.WITHDRAWN])
        assert db.session.scalar(select(func.count(Mentorship.id))) == 1
        assert db.session.scalar(select(func.sum(MentorProfile.active_mentees))) == 1
        db.session.remove()
