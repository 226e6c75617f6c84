"""Level 1: the mentee answers the questionnaire once, after completion; who reads the answers."""
import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from mentorbank.accounts.models import Role, RoleGrant
from mentorbank.evaluation.models import Questionnaire
from mentorbank.extensions import db

from ..conftest import ESCAPED_XSS, XSS, post_form
from .conftest import evaluation_url

ANSWERS = {"satisfaction": "5", "organisation": "4", "qualification": "5", "readiness": "3",
           "comment": "Очень помогли разборы уроков."}


def answers_of(pair) -> list[Questionnaire]:
    return list(db.session.scalars(select(Questionnaire).where(Questionnaire.mentorship_id == pair.id)))


def test_the_mentee_answers_once_and_sees_the_answers(client, log_in, pair):
    log_in(pair.mentee)
    summary = client.get(evaluation_url(pair)).get_data(as_text=True)
    assert "Answer the questionnaire" in summary

    response = post_form(client, evaluation_url(pair, "/questionnaire"), ANSWERS)
    assert response.status_code == 303 and response.headers["Location"].endswith(evaluation_url(pair))
    [answer] = answers_of(pair)
    assert (answer.satisfaction, answer.organisation, answer.qualification, answer.readiness) == (5, 4, 5, 3)
    assert answer.mentee_id == pair.mentee_id

    page = client.get(evaluation_url(pair)).get_data(as_text=True)
    assert "Очень помогли разборы уроков." in page and "Answer the questionnaire" not in page
    # A second time: told so, nothing added.
    again = post_form(client, evaluation_url(pair, "/questionnaire"), ANSWERS, page_url=evaluation_url(pair))
    assert again.status_code == 303
    assert "already answered" in client.get(evaluation_url(pair)).get_data(as_text=True)
    assert len(answers_of(pair)) == 1


def test_a_missing_score_is_refused_and_the_typed_answers_stay(client, log_in, pair):
    log_in(pair.mentee)
    response = post_form(client, evaluation_url(pair, "/questionnaire"),
                         {**ANSWERS, "readiness": "", "comment": XSS})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'href="#readiness-0"' in page and "Choose a score from 1 to 5." in page
    assert ESCAPED_XSS in page and XSS not in page
    assert '<input checked id="organisation-3"' in page  # the score chosen stays chosen
    assert answers_of(pair) == []


@pytest.mark.parametrize("score", ["0", "6", "x"])
def test_a_score_outside_one_to_five_is_refused(client, log_in, pair, score):
    log_in(pair.mentee)
    response = post_form(client, evaluation_url(pair, "/questionnaire"), {**ANSWERS, "satisfaction": score})
    assert response.status_code == 422 and answers_of(pair) == []


def test_the_questionnaire_waits_for_the_completion(client, log_in, active_pair):
    log_in(active_pair.mentee)
    assert "opens when the mentorship is completed" in client.get(evaluation_url(active_pair)).get_data(as_text=True)
    assert client.get(evaluation_url(active_pair, "/questionnaire")).status_code == 403


def test_only_the_mentee_answers(client, log_in, make, pair, curator):
    for person in (pair.mentor, curator):
        log_in(person)
        assert client.get(evaluation_url(pair, "/questionnaire")).status_code == 403
    log_in(make.user("Посторонний Пётр Петрович"))
    assert client.get(evaluation_url(pair, "/questionnaire")).status_code == 404
    assert client.get(evaluation_url(pair)).status_code == 404


def test_curators_and_moderators_read_the_answers_the_mentor_does_not(client, log_in, make, pair, curator,
                                                                     moderator):
    db.session.add(Questionnaire(mentorship_id=pair.id, mentee_id=pair.mentee_id, satisfaction=2, organisation=3,
                                 qualification=4, readiness=5, comment="Встречи часто переносились."))
    db.session.flush()
    for reader in (curator, moderator):
        log_in(reader)
        page = client.get(evaluation_url(pair)).get_data(as_text=True)
        assert "Встречи часто переносились." in page and "2 of 5" in page and pair.mentee.full_name in page
    log_in(pair.mentor)
    page = client.get(evaluation_url(pair)).get_data(as_text=True)
    assert "Встречи часто переносились." not in page and "2 of 5" not in page
    assert "read by the curators and moderators only" in page


def test_the_database_keeps_one_questionnaire_per_mentee(make, pair):
    scores = dict(satisfaction=5, organisation=5, qualification=5, readiness=5)
    db.session.add(Questionnaire(mentorship_id=pair.id, mentee_id=pair.mentee_id, **scores))
    db.session.flush()
    with pytest.raises(IntegrityError), db.session.begin_nested():
        db.session.add(Questionnaire(mentorship_id=pair.id, mentee_id=pair.mentee_id, **scores))
        db.session.flush()
    with pytest.raises(IntegrityError), db.session.begin_nested():
        db.session.add(Questionnaire(mentorship_id=make.mentorship().id, mentee_id=pair.mentee_id,
                                     **{**scores, "readiness": 6}))
        db.session.flush()
    assert db.session.scalar(select(func.count()).select_from(Questionnaire)) == 1


def test_the_questionnaire_in_russian(client, log_in, pair):
    log_in(pair.mentee, locale="ru")
    page = client.get(evaluation_url(pair, "/questionnaire")).get_data(as_text=True)
    assert "Анкета наставляемого" in page and "квалификацию наставника" in page


def test_the_curators_summary_in_russian(client, log_in, pair, curator):
    db.session.add(Questionnaire(mentorship_id=pair.id, mentee_id=pair.mentee_id, satisfaction=5, organisation=4,
                                 qualification=5, readiness=4))
    db.session.flush()
    log_in(curator, locale="ru")
    page = client.get(evaluation_url(pair)).get_data(as_text=True)
    assert "Уровень 1. Анкета наставляемого" in page and "1 ответ" in page and "4 из 5" in page
    assert "Добавить наблюдение" in page and "Уровень 4. Результаты для организации" in page


def test_a_mentor_who_also_curates_a_school_of_the_pair_still_reads_no_answer(client, log_in, pair):
    db.session.add(RoleGrant(user_id=pair.mentor_id, role=Role.CURATOR, organisation_id=pair.mentee_organisation_id))
    db.session.add(Questionnaire(mentorship_id=pair.id, mentee_id=pair.mentee_id, satisfaction=2, organisation=3,
                                 qualification=4, readiness=5, comment="Встречи часто переносились."))
    db.session.flush()
    db.session.expire(pair.mentor, ["role_grants"])
    log_in(pair.mentor)
    page = client.get(evaluation_url(pair)).get_data(as_text=True)
    assert "Встречи часто переносились." not in page and "2 of 5" not in page
    assert client.get(evaluation_url(pair, "/observations/new")).status_code == 403
