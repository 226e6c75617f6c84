"""A mentor's answers: accepting starts the mentorship and its programme within the mentor's places and withdraws
the mentee's other requests; declining needs a reason; nobody but the request's mentor answers it."""
from datetime import date, timedelta

import pytest
from flask_babel import force_locale

from mentorbank.core.models import utcnow
from mentorbank.core.workflow import TransitionRefused
from mentorbank.extensions import db
from mentorbank.mentoring.answers import accept, add_months, decline
from mentorbank.mentoring.models import Mentorship, MentorshipStatus, RequestStatus


@pytest.fixture
def refusals(app):
    """A refusal's message is translated: services run inside a request, as in the site (in English here)."""
    with app.test_request_context(), force_locale("en"):
        yield


def test_accepting_starts_the_mentorship_and_its_programme(make, refusals):
    profile = make.mentor("Орлова Елена Николаевна", capacity=2, terms={"mode": ["remote"]})
    profile.silent_since = profile.last_active_at = utcnow() - timedelta(days=40)
    request = make.mentoring_request(
        mentor_profile=profile, directions=("methodical", "ict"), period_months=9,
        form=make.term("form", "teacher-teacher"), mode=make.term("mode", "remote"),
        difficulties="Не умею работать с родителями трудных подростков.")

    mentorship = accept(request, profile.user)

    db.session.refresh(profile)
    assert request.status == RequestStatus.ACCEPTED and request.decided_by_id == profile.user_id
    assert (mentorship.status, mentorship.mentor_id, mentorship.mentee_id, mentorship.request_id) == (
        MentorshipStatus.ACTIVE, profile.user_id, request.mentee_id, request.id)
    assert mentorship.mentor_organisation_id == profile.organisation_id
    assert mentorship.mentee_organisation_id == request.organisation_id
    assert mentorship.form.slug == "teacher-teacher" and mentorship.started_on == date.today()
    programme = mentorship.programme
    assert programme.problem == "Не умею работать с родителями трудных подростков."
    assert sorted(term.slug for term in programme.directions) == ["ict", "methodical"]
    assert programme.mode.slug == "remote"
    assert (programme.starts_on, programme.ends_on) == (date.today(), add_months(date.today(), 9))
    assert profile.active_mentees == 1 and profile.free_places == 1
    # Answering is activity: the mentor takes requests again.
    assert profile.silent_since is None and profile.last_active_at > utcnow() - timedelta(minutes=1)


def test_accepting_withdraws_the_mentees_other_pending_requests_only(make, refusals):
    request = make.mentoring_request()
    mentee = request.mentee
    open_one = make.mentoring_request(mentee=mentee, status=RequestStatus.OPEN)
    sent_elsewhere = make.mentoring_request(mentee=mentee)
    declined_before = make.mentoring_request(mentee=mentee, status=RequestStatus.DECLINED)
    someone_elses = make.mentoring_request(mentor_profile=sent_elsewhere.mentor_profile,
                                           mentee=make.user("Лебедев Игорь Олегович"))

    accept(request, request.mentor_profile.user)

    assert open_one.status == sent_elsewhere.status == RequestStatus.WITHDRAWN
    assert declined_before.status == RequestStatus.DECLINED
    assert someone_elses.status == RequestStatus.SENT


def test_only_the_requests_mentor_answers_it(make, refusals):
    request = make.mentoring_request()
    other_mentor = make.mentor("Зайцева Ольга Павловна")
    for stranger in (other_mentor.user, request.mentee, make.user("Смирнов Олег Игоревич")):
        with pytest.raises(TransitionRefused):
            accept(request, stranger)
        with pytest.raises(TransitionRefused):
            decline(request, stranger, "Не мой профиль.")
    assert request.status == RequestStatus.SENT
    assert db.session.scalar(db.select(db.func.count(Mentorship.id))) == 0


def test_no_free_places_no_mentorship(make, refusals):
    profile = make.mentor(capacity=1)
    make.mentorship(mentor_profile=profile)
    request = make.mentoring_request(mentor_profile=profile, mentee=make.user("Лебедев Игорь Олегович"))
    with pytest.raises(TransitionRefused, match="no free places"):
        accept(request, profile.user)
    db.session.refresh(profile)
    assert request.status == RequestStatus.SENT and profile.active_mentees == 1


def test_a_team_request_takes_a_place_per_member(make, refusals):
    profile = make.mentor(capacity=3)
    too_big = make.mentoring_request(mentor_profile=profile, is_team=True, group_size=4)
    with pytest.raises(TransitionRefused):
        accept(too_big, profile.user)
    team = make.mentoring_request(mentor_profile=profile, is_team=True, group_size=3,
                                  mentee=make.user("Лебедев Игорь Олегович"))
    mentorship = accept(team, profile.user)
    db.session.refresh(profile)
    assert mentorship.is_team and mentorship.group_size == 3
    assert profile.active_mentees == 3 and not profile.takes_requests


@pytest.mark.parametrize("status", [RequestStatus.ACCEPTED, RequestStatus.DECLINED, RequestStatus.WITHDRAWN,
                                    RequestStatus.EXPIRED])
def test_an_answered_or_gone_request_is_not_answered_again(make, refusals, status):
    request = make.mentoring_request(status=status)
    with pytest.raises(TransitionRefused, match="no longer waits"):
        accept(request, request.mentor_profile.user)
    with pytest.raises(TransitionRefused, match="no longer waits"):
        decline(request, request.mentor_profile.user, "Поздно.")
    db.session.refresh(request.mentor_profile)
    assert request.status == status and request.mentor_profile.active_mentees == 0


def test_declining_needs_a_reason_and_keeps_it(make, refusals):
    request = make.mentoring_request()
    mentor = request.mentor_profile.user
    with pytest.raises(TransitionRefused):
        decline(request, mentor, "   ")
    assert request.status == RequestStatus.SENT
    decline(request, mentor, "До конца четверти нет свободного времени.")
    assert request.status == RequestStatus.DECLINED
    assert request.status_reason == "До конца четверти нет свободного времени."
    assert request.mentor_profile.active_mentees == 0


@pytest.mark.parametrize(("start", "months", "end"), [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2028, 1, 31), 1, date(2028, 2, 29)),
    (date(2026, 9, 1), 6, date(2027, 3, 1)),
    (date(2026, 12, 15), 12, date(2027, 12, 15)),
])
def test_add_months(start, months, end):
    assert add_months(start, months) == end
