"""Publishing a completed programme: only its mentor, from a form prefilled without personal data, refused while
a name, an e-mail or a phone remains; then moderated: published in the bank, or returned with a reason and sent
again."""
from sqlalchemy import select

from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.mentoring.models import MentorshipStatus
from mentorbank.mentoring.page_links import mentorship_links
from mentorbank.notifications.models import Notification
from mentorbank.programmes.models import ProgrammeTemplate, TemplateStatus

from ..conftest import post_form
from .conftest import template_form


def _url(mentorship) -> str:
    return f"/account/mentorships/{mentorship.id}/publish-template"


def _actions(template) -> list[str]:
    return list(db.session.scalars(select(AuditEntry.action).where(
        AuditEntry.target_type == "programme_template", AuditEntry.target_id == template.id).order_by(AuditEntry.id)))


def test_the_form_is_prefilled_from_the_programme_without_personal_data(client, log_in, completed):
    log_in(completed.mentor)
    response = client.get(_url(completed))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "не может выстроить дисциплину на уроках в 7 классе" in page  # the programme's own words
    assert "приёмы управления классом к 01.09.2025" in page
    assert "Провести открытый урок" in page and "Посетить три урока" in page
    for personal in ("Смирнов", "Ольг", "Игоревн", "Орлов", "Елена", "smirnova@", "912 345", "О. И."):
        assert personal not in page.split("<form", 1)[1], personal
    assert 'value="6"' in page  # the period of the programme, in months


def test_only_the_mentor_of_a_completed_mentorship_may_publish(client, log_in, make, completed):
    log_in(completed.mentee)
    assert client.get(_url(completed)).status_code == 404
    log_in(make.user("Чужой Пётр Ильич"))
    assert client.get(_url(completed)).status_code == 404
    active = make.mentorship(mentor_profile=completed.mentor_profile)
    log_in(completed.mentor)
    assert client.get(_url(active)).status_code == 404
    assert post_form(client, _url(active), template_form(make), page_url="/").status_code == 404


def test_the_mentorship_page_offers_publishing_to_its_mentor_only(app, make, completed):
    with app.test_request_context():
        mentor_links = dict(mentorship_links(completed, completed.mentor))
        mentee_links = dict(mentorship_links(completed, completed.mentee))
    assert _url(completed) in mentor_links
    assert _url(completed) not in mentee_links


def test_a_name_left_in_the_text_is_refused_and_the_typed_text_kept(client, log_in, make, completed):
    log_in(completed.mentor)
    response = post_form(client, _url(completed), template_form(
        make, goals="Ольга освоит приёмы.", content="Звонить по номеру 8 (843) 123-45-67, особенно тщательно."))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Remove the personal data: Ольга" in page and "8 (843) 123-45-67" in page
    assert "особенно тщательно" in page  # kept as typed
    assert db.session.scalar(select(ProgrammeTemplate)) is None


def test_the_confirmation_and_a_period_of_3_to_12_months_are_required(client, log_in, make, completed):
    log_in(completed.mentor)
    data = template_form(make, period_months="13")
    del data["no_personal_data"]
    page = post_form(client, _url(completed), data).get_data(as_text=True)
    assert "Tick the confirmation: the bank is public." in page
    assert "Number must be between 3 and 12." in page


def test_a_submitted_template_waits_in_the_queue_and_is_not_public(client, log_in, make, completed, moderator):
    log_in(completed.mentor)
    response = post_form(client, _url(completed), template_form(make))
    assert response.status_code == 303
    template = db.session.scalar(select(ProgrammeTemplate))
    assert template.status == TemplateStatus.SUBMITTED and template.mentorship_id == completed.id
    assert template.plan_lines == ["Посетить три урока наставника", "Провести открытый урок"]
    assert template.form.slug == "teacher-teacher" and [term.slug for term in template.directions] == ["methodical"]
    assert _actions(template) == ["programme_template.submit"]
    assert client.get(f"/programmes/{template.id}").status_code == 404
    assert "already in the bank or waits for moderation" in client.get(_url(completed)).get_data(as_text=True)
    # A second form (say, from another tab) makes no second template.
    assert post_form(client, _url(completed), template_form(make), page_url="/").status_code == 200
    assert db.session.scalar(select(db.func.count()).select_from(ProgrammeTemplate)) == 1
    log_in(moderator)
    queue = client.get("/moderation?type=programme_template").get_data(as_text=True)
    assert f'href="/moderation/programmes/{template.id}"' in queue


def test_the_moderator_publishes_it_and_the_author_is_told(client, log_in, make, completed, moderator, post):
    log_in(completed.mentor)
    post_form(client, _url(completed), template_form(make))
    template = db.session.scalar(select(ProgrammeTemplate))
    log_in(moderator)
    assert "Молодой учитель не может выстроить" in client.get(f"/moderation/programmes/{template.id}").get_data(as_text=True)
    refused = post(f"/moderation/programmes/{template.id}/approve")
    assert refused.status_code == 422 and "Tick the confirmation" in refused.get_data(as_text=True)
    assert post(f"/moderation/programmes/{template.id}/approve", confirm="y").status_code == 303
    db.session.refresh(template)
    assert template.status == TemplateStatus.PUBLISHED and template.published_at is not None
    assert template.decided_by_id == moderator.id
    assert _actions(template) == ["programme_template.submit", "programme_template.approve"]
    notification = db.session.scalar(select(Notification).where(Notification.user_id == completed.mentor_id))
    assert notification.kind == "programme_template.approved"
    page = client.get(f"/programmes/{template.id}").get_data(as_text=True)
    assert "Дисциплина на уроке для молодого учителя" in page
    assert "Орлова" not in page and "Смирнова" not in page  # the bank names nobody


def test_a_returned_template_is_corrected_and_sent_again(client, log_in, make, completed, moderator, post):
    log_in(completed.mentor)
    post_form(client, _url(completed), template_form(make))
    template = db.session.scalar(select(ProgrammeTemplate))
    log_in(moderator)
    assert post(f"/moderation/programmes/{template.id}/return").status_code == 422  # a reason is needed
    assert post(f"/moderation/programmes/{template.id}/return", reason="Уточните план.").status_code == 303
    db.session.refresh(template)
    assert template.status == TemplateStatus.RETURNED
    notification = db.session.scalar(select(Notification).where(Notification.user_id == completed.mentor_id))
    assert notification.kind == "programme_template.returned" and notification.message == "Уточните план."
    log_in(completed.mentor)
    page = client.get(_url(completed)).get_data(as_text=True)
    assert "Уточните план." in page and "Дисциплина на уроке для молодого учителя" in page  # its own text again
    assert post_form(client, _url(completed), template_form(make, plan="Три урока\nОткрытый урок")).status_code == 303
    db.session.refresh(template)
    assert template.status == TemplateStatus.SUBMITTED and template.plan_lines == ["Три урока", "Открытый урок"]
    assert _actions(template)[-1] == "programme_template.resubmit"


def test_a_moderator_does_not_approve_their_own_template(client, log_in, make, moderator, post):
    profile = make.mentor(user=moderator)
    mentorship = make.mentorship(mentor_profile=profile, status=MentorshipStatus.COMPLETED)
    log_in(moderator)
    post_form(client, _url(mentorship), template_form(make))
    template = db.session.scalar(select(ProgrammeTemplate))
    response = post(f"/moderation/programmes/{template.id}/approve", confirm="y")
    assert response.status_code == 303
    db.session.refresh(template)
    assert template.status == TemplateStatus.SUBMITTED


def test_the_author_withdraws_a_published_template_and_may_offer_it_again(client, log_in, make, completed):
    template = make.programme_template(author=completed.mentor, mentorship_id=completed.id)
    db.session.commit()
    log_in(completed.mentee)
    assert post_form(client, f"/programmes/{template.id}/withdraw", page_url="/").status_code == 404
    log_in(completed.mentor)
    page = client.get(f"/programmes/{template.id}").get_data(as_text=True)
    assert f'action="/programmes/{template.id}/withdraw"' in page
    assert post_form(client, f"/programmes/{template.id}/withdraw", page_url="/").status_code == 303
    db.session.refresh(template)
    assert template.status == TemplateStatus.WITHDRAWN
    assert client.get(f"/programmes/{template.id}").status_code == 404
    assert "Withdrawn from the bank" in client.get("/account/submissions").get_data(as_text=True)
    # Withdrawn, it can be corrected and offered to the bank again.
    page = client.get(_url(completed)).get_data(as_text=True)
    assert 'data-template-status="withdrawn"' in page and template.title in page
    assert post_form(client, _url(completed), template_form(make)).status_code == 303
    db.session.refresh(template)
    assert template.status == TemplateStatus.SUBMITTED and _actions(template)[-1] == "programme_template.resubmit"
