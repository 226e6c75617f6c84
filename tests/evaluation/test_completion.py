"""Completing a mentorship asks the mentee for the questionnaire, in their own language; the mentorship's page
offers the evaluation to those who see it."""
import pytest

from mentorbank.core.models import utcnow
from mentorbank.core.workflow import transition
from mentorbank.extensions import db
from mentorbank.mentoring.models import CompletionReason, MentorshipStatus
from mentorbank.mentoring.page_links import mentorship_links
from mentorbank.notifications.models import Notification

from .conftest import evaluation_url


def complete(pair, actor):
    pair.completed_at, pair.completion_reason = utcnow(), CompletionReason.PLAN_DONE
    transition(pair, MentorshipStatus.COMPLETED, actor)


def test_completion_asks_the_mentee_in_their_language(app, make, outbox, active_pair):
    active_pair.mentee.locale = "ru"
    with app.test_request_context():
        complete(active_pair, active_pair.mentor)
    [notification] = Notification.query.filter_by(user_id=active_pair.mentee_id).all()
    assert notification.kind == "evaluation.questionnaire"
    assert (notification.target_type, notification.target_id) == ("mentorship", active_pair.id)
    assert Notification.query.filter_by(user_id=active_pair.mentor_id).filter(
        Notification.kind == "evaluation.questionnaire").count() == 0


@pytest.mark.parametrize(("locale", "words"), [("en", "please answer a short questionnaire"),
                                               ("ru", "пожалуйста, заполните короткую анкету")])
def test_the_mail_is_in_the_mentees_language(app, make, active_pair, committing_database, outbox, locale, words):
    active_pair.mentee.locale = locale
    with app.test_request_context():
        complete(active_pair, active_pair.mentor)
    db.session.commit()
    [mail] = [message for message in outbox() if message["To"] == active_pair.mentee.email]
    assert words in mail["Subject"]


def test_the_mentorship_page_links_to_the_evaluation(app, make, pair, curator):
    outsider = make.user("Посторонний Пётр Петрович")
    with app.test_request_context():
        for person in (pair.mentee, pair.mentor, curator):
            assert (evaluation_url(pair), "Оценка") in mentorship_links(pair, person)  # the bank's language
        assert all(url != evaluation_url(pair) for url, _label in mentorship_links(pair, outsider))
