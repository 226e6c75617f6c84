"""The demo's mentoring (demo/mentoring.py): loaded by ``flask demo load`` after the bank and the accounts.

One small bank per test (the CLI, inside the test's rolled-back transaction); the checks are what a person
trying the demo would run into: every state of a request, pairs with programmes, capacities that add up."""
from collections import Counter
from datetime import date, datetime, time

import pytest
from sqlalchemy import func, select

from mentorbank.accounts.models import User
from mentorbank.core.models import utcnow
from mentorbank.demo.accounts import DEMO_PASSWORD, create_demo_accounts
from mentorbank.demo.generator import populate
from mentorbank.demo.mentoring import create_demo_mentoring, summarise
from mentorbank.extensions import db
from mentorbank.mentoring.models import (
    MAX_PENDING_REQUESTS, REMINDER_AFTER, CompletionReason, Meeting, MentoringRequest, Mentorship, MentorshipStatus,
    PlanItem, ProgrammeExtension, RequestStatus,
)
from mentorbank.mentors.models import MentorProfile

from ..conftest import Auth

SMALL_BANK = ["--organisations", "12", "--mentors", "30", "--unpublished", "3"]


@pytest.fixture
def loaded(runner, app_context):
    result = runner.invoke(args=["demo", "load", *SMALL_BANK])
    assert result.exit_code == 0, result.output
    return result.output


def _demo_user(key: str) -> User:
    return db.session.scalar(select(User).where(User.email == f"{key}@demo.mentorbank.local"))


def _requests(*conditions) -> list[MentoringRequest]:
    return list(db.session.scalars(select(MentoringRequest).where(*conditions).order_by(MentoringRequest.id)))


def _mentorships(*conditions) -> list[Mentorship]:
    return list(db.session.scalars(select(Mentorship).where(*conditions).order_by(Mentorship.id)))


def test_every_request_state_is_there_and_the_load_says_how_many(loaded):
    summary = summarise(db.session)
    assert set(summary.requests) == set(RequestStatus)
    assert all(count >= 2 for count in summary.requests.values()), summary.requests
    assert summary.requests[RequestStatus.ACCEPTED] == summary.active + summary.completed
    assert summary.active >= 8 and summary.completed >= 16
    closed_while_open = _requests(MentoringRequest.status.in_(("expired", "withdrawn")),
                                  MentoringRequest.mentor_profile_id.is_(None))
    assert {request.status for request in closed_while_open} == {RequestStatus.EXPIRED, RequestStatus.WITHDRAWN}
    assert (f"Наставничество: запросов {summary.total_requests}, пар и групп активных {summary.active}, "
            f"завершённых {summary.completed}.") in loaded

    now = utcnow()
    for request in _requests():
        assert request.difficulties and request.directions and 3 <= request.period_months <= 12
        assert request.organisation_id == request.mentee.organisation_id
        if request.status == RequestStatus.OPEN:
            assert request.mentor_profile_id is None and request.expires_at > now
        elif request.status == RequestStatus.SENT:
            assert request.sent_at < now < request.expires_at
            assert (request.reminded_at is not None) == (request.sent_at + REMINDER_AFTER <= now)
        elif request.status == RequestStatus.EXPIRED:
            assert request.expires_at < now and request.decided_at is None
            assert (request.sent_at is None) == (request.mentor_profile_id is None)
        elif request.status == RequestStatus.DECLINED:
            assert request.status_reason and request.decided_by_id == request.mentor_profile.user_id
        elif request.status == RequestStatus.WITHDRAWN:
            assert request.status_reason and request.decided_at is None


def test_accepted_requests_became_mentorships_with_their_programmes(loaded):
    accepted = _requests(MentoringRequest.status == RequestStatus.ACCEPTED)
    pairs = {pair.request_id: pair for pair in _mentorships()}
    assert sorted(pairs) == [request.id for request in accepted]
    today = date.today()
    for request in accepted:
        pair = pairs[request.id]
        assert (pair.mentor_profile_id, pair.mentee_id) == (request.mentor_profile_id, request.mentee_id)
        assert pair.mentor_id == pair.mentor_profile.user_id != pair.mentee_id
        assert pair.mentor_organisation_id != pair.mentee_organisation_id  # school to school
        assert (pair.is_team, pair.group_size) == (request.is_team, request.group_size)
        programme = pair.programme
        assert programme.problem == request.difficulties and programme.goals and programme.meeting_schedule
        assert programme.directions == request.directions and programme.mode_id == request.mode_id
        assert programme.plan_items and programme.meetings
        assert programme.starts_on == pair.started_on < programme.ends_on
        if pair.is_active:
            assert programme.ends_on > today and pair.completed_at is None
            assert any(meeting.starts_at > utcnow() for meeting in programme.meetings)  # the next meeting
            assert any(meeting.notes for meeting in programme.meetings)
        else:
            assert pair.completed_at.date() < today and pair.completion_note and pair.completed_by_id
            assert all(meeting.starts_at <= pair.completed_at for meeting in programme.meetings)
            if pair.completion_reason == CompletionReason.PLAN_DONE:
                assert all(item.is_done for item in programme.plan_items)
            if pair.completion_reason == CompletionReason.MENTEE_INITIATIVE:
                assert pair.completed_by_id == pair.mentee_id

    reasons = Counter(pair.completion_reason for pair in _mentorships(Mentorship.status == MentorshipStatus.COMPLETED))
    assert set(reasons) == set(CompletionReason)
    extensions = list(db.session.scalars(select(ProgrammeExtension)))
    assert {extension.programme.mentorship.status for extension in extensions} == set(MentorshipStatus)
    for extension in extensions:
        assert extension.reason and extension.previous_end < extension.new_end == extension.programme.ends_on
        pair = extension.programme.mentorship
        assert datetime.combine(pair.started_on, time()) < extension.extended_at <= (pair.completed_at or utcnow())
    assert db.session.scalar(select(func.count()).select_from(PlanItem).where(PlanItem.done_at.is_(None))) > 0
    assert any(pair.is_team and pair.group_size > 1 and pair.request.group_members for pair in _mentorships())
    assert db.session.scalar(select(func.count()).select_from(Meeting)) < 400  # keeps demo load fast


def test_capacities_add_up_and_waiting_requests_reach_mentors_who_take_them(loaded):
    taken = Counter()
    for pair in _mentorships(Mentorship.status == MentorshipStatus.ACTIVE):
        taken[pair.mentor_profile_id] += pair.group_size
    for profile in db.session.scalars(select(MentorProfile)):
        assert profile.active_mentees == taken[profile.id] <= profile.capacity, profile.id

    for request in _requests(MentoringRequest.status == RequestStatus.SENT):
        assert request.mentor_profile.takes_requests and request.mentor_profile.is_public
        assert not _mentorships(Mentorship.status == MentorshipStatus.ACTIVE,
                                Mentorship.mentor_profile_id == request.mentor_profile_id,
                                Mentorship.mentee_id == request.mentee_id)
    pending = Counter(request.mentee_id for request in _requests(MentoringRequest.status.in_(("open", "sent"))))
    assert max(pending.values()) <= MAX_PENDING_REQUESTS


def test_the_demo_mentee_has_a_request_in_every_state_and_a_mentorship_with_the_demo_mentor(loaded, client):
    mentee, mentor = _demo_user("mentee"), _demo_user("mentor")
    requests = _requests(MentoringRequest.mentee_id == mentee.id)
    assert {request.status for request in requests} == set(RequestStatus)
    [accepted] = [request for request in requests if request.status == RequestStatus.ACCEPTED]
    assert accepted.mentor_profile.user_id == mentor.id
    [withdrawn] = [request for request in requests if request.status == RequestStatus.WITHDRAWN]
    assert withdrawn.mentor_profile_id != accepted.mentor_profile_id
    assert "принят другой запрос" in withdrawn.status_reason
    [pair] = _mentorships(Mentorship.mentee_id == mentee.id)
    assert pair.is_active and pair.mentor_id == mentor.id and pair.request_id == accepted.id
    assert mentee.organisation_id != mentor.organisation_id  # another school

    assert mentee.check_password(DEMO_PASSWORD) and mentee.is_confirmed
    assert Auth(client).login(mentee, password=DEMO_PASSWORD).status_code == 303
    printed = client.application.test_cli_runner().invoke(args=["demo", "accounts"])
    assert "mentee@demo.mentorbank.local" in printed.output


def test_the_demo_mentor_has_an_inbox_and_five_completed_mentorships_with_different_mentees(loaded):
    mentor = _demo_user("mentor")
    [profile] = db.session.scalars(select(MentorProfile).where(MentorProfile.user_id == mentor.id))
    completed = _mentorships(Mentorship.mentor_id == mentor.id, Mentorship.status == MentorshipStatus.COMPLETED)
    assert len({pair.mentee_id for pair in completed}) >= 5
    assert CompletionReason.CURATOR_DECISION in {pair.completion_reason for pair in completed}
    curator_ended = [pair for pair in completed if pair.completion_reason == CompletionReason.CURATOR_DECISION]
    assert all(pair.completed_by_id == _demo_user("curator").id for pair in curator_ended)
    assert len(_mentorships(Mentorship.mentor_id == mentor.id, Mentorship.status == MentorshipStatus.ACTIVE)) >= 2
    inbox = Counter(request.status for request in _requests(MentoringRequest.mentor_profile_id == profile.id))
    assert inbox[RequestStatus.SENT] >= 2 and inbox[RequestStatus.DECLINED] >= 1
    assert profile.takes_requests and profile.free_places >= 1


def test_a_second_load_of_the_mentoring_adds_nothing(loaded):
    before = summarise(db.session)
    people = db.session.scalar(select(func.count()).select_from(User))
    assert create_demo_mentoring(db.session).total_requests == 0
    assert summarise(db.session) == before
    assert db.session.scalar(select(func.count()).select_from(User)) == people


def _mentoring_of_a_small_bank(seed: int) -> list[tuple]:
    populate(db.session, organisations=12, mentors=30, unpublished=3, commit=False)
    create_demo_accounts(db.session, "1")
    create_demo_mentoring(db.session, seed=seed)
    drawn = [(r.mentee.full_name, r.status, r.difficulties, r.mentor_profile_id and r.mentor_profile.user.full_name)
             for r in _requests()]
    db.session.rollback()
    return drawn


def test_the_same_seed_gives_the_same_mentoring(app_context):
    first = _mentoring_of_a_small_bank(seed=3)
    assert _mentoring_of_a_small_bank(seed=3) == first
    assert _mentoring_of_a_small_bank(seed=4) != first
    assert len({name for name, *_rest in first}) > 30  # people, not one name repeated
