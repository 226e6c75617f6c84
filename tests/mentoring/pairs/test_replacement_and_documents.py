"""The mentee asks the curators to replace the mentor; the documents a school files come out ready to print."""
import re

from sqlalchemy import select

from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.notifications.models import Notification

from ...conftest import post_form
from .conftest import detail_url


def test_the_mentee_asks_the_curators_of_both_schools(client, log_in, pair, mentee, mentee_curator, mentor_curator):
    log_in(mentee)
    url = f"{detail_url(pair)}/replacement"
    assert post_form(client, url, {"reason": ""}).status_code == 422
    response = post_form(client, url, {"reason": "Встречи постоянно переносятся"})
    assert response.status_code == 303
    assert pair.replacement_requested_at is not None and pair.replacement_reason == "Встречи постоянно переносятся"
    told = set(db.session.scalars(select(Notification.user_id).where(
        Notification.kind == "mentorship.replacement_requested")))
    assert told == {mentee_curator.id, mentor_curator.id}
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "mentorship.request_replacement"))
    assert entry.actor_id == mentee.id
    log_in(mentee_curator)
    page = client.get(f"/account/organisations/{pair.mentee_organisation_id}/mentoring").get_data(as_text=True)
    assert "Replacement of the mentor requested" in page


def test_without_curators_the_moderators_are_told(client, log_in, pair, mentee, moderator):
    log_in(mentee)
    post_form(client, f"{detail_url(pair)}/replacement", {"reason": "Не подходит формат"})
    told = set(db.session.scalars(select(Notification.user_id).where(
        Notification.kind == "mentorship.replacement_requested")))
    assert told == {moderator.id}


def test_only_the_mentee_asks(client, log_in, pair, mentor, mentee_curator):
    for person in (mentor, mentee_curator):
        log_in(person)
        assert client.get(f"{detail_url(pair)}/replacement").status_code == 403


def test_the_documents_to_print(client, log_in, pair, mentee_curator):
    pair.programme.planned_results = "Уверенное ведение урока"
    log_in(mentee_curator)
    order = client.get(f"{detail_url(pair)}/print/order").get_data(as_text=True)
    assert "On assigning a mentor" in order and "Орлова Елена Николаевна" in order
    assert "Смирнова Ольга Игоревна" in order and "МБОУ «СОШ № 41»" in order
    # The print style sheet (by its fingerprinted name once `make assets` ran), without the site's header.
    assert re.search(r"css/mentorship-print(-[0-9a-f]{32})?\.css", order) and 'class="site-header"' not in order
    programme = client.get(f"{detail_url(pair)}/print/programme").get_data(as_text=True)
    assert "Personalised mentoring programme" in programme and "Выстроить дисциплину на уроке." in programme
    report = client.get(f"{detail_url(pair)}/print/report").get_data(as_text=True)
    assert "The programme is still running." in report and "Уверенное ведение урока" in report
    assert client.get(f"{detail_url(pair)}/print/letter").status_code == 404


def test_print_css_hides_the_tools_on_paper(client):
    response = client.get("/static/css/mentorship-print.css")
    css = response.get_data(as_text=True)
    response.close()  # a static file's response holds the file open
    assert "@media print" in css and ".no-print { display: none" in css


def test_the_completion_report_of_a_completed_mentorship_in_russian(client, log_in, make):
    pair = make.mentorship(status="completed", completion_reason="mutual", completion_note="Цели достигнуты досрочно")
    log_in(pair.mentee, locale="ru")
    report = client.get(f"{detail_url(pair)}/print/report").get_data(as_text=True)
    assert "Отчёт о завершении персонализированной программы наставничества" in report
    assert "По соглашению наставника и наставляемого" in report and "Цели достигнуты досрочно" in report
    assert "г.." not in report


def test_the_meeting_form_names_its_time_zone(client, log_in, pair, mentee):
    log_in(mentee, locale="ru")
    assert "Время часового пояса сайта: Москва." in client.get(detail_url(pair)).get_data(as_text=True)


def test_the_mentor_sees_that_a_replacement_was_asked_but_not_the_mentees_reason(client, log_in, pair, mentee,
                                                                                 mentee_curator):
    log_in(mentee)
    post_form(client, f"{detail_url(pair)}/replacement", {"reason": "Наставник отменяет встречи без предупреждения"})
    assert pair.replacement_requested_at is not None
    for reader, sees_reason in ((mentee_curator, True), (pair.mentor, False)):
        log_in(reader)
        page = client.get(detail_url(pair)).get_data(as_text=True)
        assert 'id="replacement"' in page
        assert ("Наставник отменяет встречи без предупреждения" in page) is sees_reason
