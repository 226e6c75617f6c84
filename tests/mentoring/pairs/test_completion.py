"""Completion with its reason (source 001): who may give which reason, the mentor's place freed, the audit entry,
and the word to the other members and the curators, in their own language."""
import pytest
from sqlalchemy import select, update

from mentorbank.audit.models import AuditEntry
from mentorbank.core.models import utcnow
from mentorbank.extensions import db
from mentorbank.mentoring.completion import complete
from mentorbank.mentoring.models import CompletionReason, Mentorship, MentorshipStatus
from mentorbank.mentoring.pairs import PairRefused
from mentorbank.notifications.models import Notification

from ...conftest import post_form
from .conftest import detail_url


def notified(kind: str) -> set[int]:
    return set(db.session.scalars(select(Notification.user_id).where(Notification.kind == kind)))


def test_the_mentor_steps_down_with_a_reason(client, log_in, pair, mentor, mentee, mentee_curator, mentor_curator,
                                             outbox):
    mentee.locale = "ru"
    mentor_curator.locale = "en"
    profile = pair.mentor_profile
    assert profile.active_mentees == 1
    log_in(mentor)
    url = f"{detail_url(pair)}/complete"
    form = client.get(url).get_data(as_text=True)
    assert "The mentor steps down" in form and "The curator&#39;s decision" not in form
    refused = post_form(client, url, {"reason": "mentor_initiative", "note": " "})
    assert refused.status_code == 422 and "Write why the mentorship ends" in refused.get_data(as_text=True)
    assert pair.is_active
    response = post_form(client, url, {"reason": "mentor_initiative", "note": "Перехожу на другую работу"})
    assert response.status_code == 303
    assert pair.status == MentorshipStatus.COMPLETED and pair.completion_reason == CompletionReason.MENTOR_INITIATIVE
    assert pair.completed_by_id == mentor.id and pair.completion_note == "Перехожу на другую работу"
    db.session.refresh(profile)
    assert profile.active_mentees == 0
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "mentorship.complete"))
    assert (entry.actor_id, entry.target_id, entry.reason) == (mentor.id, pair.id, "Перехожу на другую работу")
    assert entry.details["completion_reason"] == "mentor_initiative"
    # The mentee's word is the invitation to the questionnaire, with the mentor's comment (one e-mail each).
    assert notified("mentorship.completed") == {mentee_curator.id, mentor_curator.id}
    assert notified("evaluation.questionnaire") == {mentee.id}
    mails = {message["To"]: message for message in outbox()}
    assert "завершено" in mails[mentee.email]["Subject"] and "completed" in mails[mentor_curator.email]["Subject"]
    assert "Перехожу на другую работу" in mails[mentee.email].get_content()
    page = client.get(detail_url(pair)).get_data(as_text=True)
    assert "The mentor steps down" in page and "Перехожу на другую работу" in page


def test_the_mentee_gives_the_reasons_of_their_side(client, log_in, pair, mentee):
    log_in(mentee)
    url = f"{detail_url(pair)}/complete"
    assert post_form(client, url, {"reason": "mentor_initiative", "note": "Хочу"}).status_code == 422
    assert post_form(client, url, {"reason": "curator_decision", "note": "Хочу"}).status_code == 422
    assert pair.is_active
    assert post_form(client, url, {"reason": "plan_done"}).status_code == 303
    assert pair.completion_reason == CompletionReason.PLAN_DONE
    # Completed once: the form says so, and a second completion changes nothing.
    again = post_form(client, url, {"reason": "mutual"})
    assert "already completed" in again.get_data(as_text=True) and pair.completion_reason == CompletionReason.PLAN_DONE


def test_the_curator_ends_a_programme_and_a_moderator_cannot(client, log_in, pair, mentee_curator, moderator,
                                                              outsider):
    url = f"{detail_url(pair)}/complete"
    log_in(moderator)
    assert client.get(url).status_code == 403
    log_in(outsider)
    assert client.get(url).status_code == 404
    log_in(mentee_curator)
    assert post_form(client, url, {"reason": "plan_done"}).status_code == 422
    response = post_form(client, url, {"reason": "curator_decision", "note": "Наставник не выходит на связь"})
    assert response.status_code == 303 and pair.completion_reason == CompletionReason.CURATOR_DECISION
    assert notified("mentorship.completed") == {pair.mentor_id}
    assert notified("evaluation.questionnaire") == {pair.mentee_id}


def test_a_mentorship_completed_a_moment_ago_is_not_completed_twice(app, pair, mentor):
    # Someone else's completion, committed while this person's page was open: the loaded record still says active.
    db.session.execute(update(Mentorship).where(Mentorship.id == pair.id).values(
        status=MentorshipStatus.COMPLETED, completed_at=utcnow(), completion_reason=CompletionReason.PLAN_DONE,
    ).execution_options(synchronize_session=False))
    with app.test_request_context(), pytest.raises(PairRefused):
        complete(pair, mentor, CompletionReason.MUTUAL)
    db.session.refresh(pair.mentor_profile)
    assert pair.mentor_profile.active_mentees == 1  # the refused completion gives back no place
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "mentorship.complete")) is None
