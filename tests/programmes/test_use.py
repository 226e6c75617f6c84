"""Starting a programme from a template: a member of an active mentorship chooses which of theirs; the programme
takes the template's content, its plan gains the template's activities and its period starts today."""
from datetime import date

from sqlalchemy import select

from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.mentoring.models import MentorshipStatus
from mentorbank.mentoring.page_links import mentorship_links
from mentorbank.programmes.services import add_months

from ..conftest import post_form


def test_a_member_starts_the_programme_of_an_active_mentorship(client, log_in, make):
    template = make.programme_template(period_months=3)
    pair = make.mentorship()
    pair.programme.problem = "Своя формулировка затруднения."
    db.session.commit()
    log_in(pair.mentee)
    page = client.get(f"/programmes/{template.id}/use").get_data(as_text=True)
    assert pair.mentor.full_name in page  # the mentorship is named by the other member
    response = post_form(client, f"/programmes/{template.id}/use", {"mentorship": pair.id, "confirm": "y"})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/account/mentorships/{pair.id}"
    programme = pair.programme
    db.session.refresh(programme)
    assert programme.template_id == template.id and programme.goals == "Освоить приёмы управления классом."
    assert programme.problem == "Своя формулировка затруднения."  # the mentee's own words stay
    assert [item.title for item in programme.plan_items] == ["Посетить три урока наставника", "Провести открытый урок"]
    assert [term.slug for term in programme.directions] == ["methodical"]
    assert programme.starts_on == date.today() and programme.ends_on == add_months(date.today(), 3)
    assert db.session.scalar(select(AuditEntry.action).where(AuditEntry.target_id == template.id)) \
        == "programme_template.use"


def test_an_extended_programme_keeps_its_recorded_period(client, log_in, make):
    from mentorbank.mentoring.models import ProgrammeExtension

    template = make.programme_template(period_months=3)
    pair = make.mentorship()
    programme = pair.programme
    starts, ends = programme.starts_on, programme.ends_on
    programme.extensions.append(ProgrammeExtension(previous_end=ends, new_end=ends, reason="Болезнь"))
    db.session.commit()
    log_in(pair.mentee)
    response = post_form(client, f"/programmes/{template.id}/use", {"mentorship": pair.id, "confirm": "y"})
    assert response.status_code == 303
    db.session.refresh(programme)
    assert programme.template_id == template.id and (programme.starts_on, programme.ends_on) == (starts, ends)


def test_only_ones_own_active_mentorships_can_be_chosen(client, log_in, make):
    template = make.programme_template()
    others = make.mentorship()
    mine_completed = make.mentorship(mentee=make.user("Лебедева Нина Юрьевна"), status=MentorshipStatus.COMPLETED)
    db.session.commit()
    log_in(mine_completed.mentee)
    page = client.get(f"/programmes/{template.id}/use").get_data(as_text=True)
    assert "You have no active mentorship" in page
    for target in (others, mine_completed):
        response = post_form(client, f"/programmes/{template.id}/use", {"mentorship": target.id, "confirm": "y"},
                             page_url=f"/programmes/{template.id}")
        assert response.status_code == 422
        db.session.refresh(target.programme)
        assert target.programme.template_id is None


def test_the_confirmation_is_needed_and_the_choice_kept(client, log_in, make):
    template = make.programme_template()
    pair = make.mentorship()
    db.session.commit()
    log_in(pair.mentor)
    response = post_form(client, f"/programmes/{template.id}/use", {"mentorship": pair.id})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Tick the confirmation" in page
    assert f'<input checked id="mentorship-0" name="mentorship" required type="radio" value="{pair.id}">' in page


def test_an_active_mentorship_links_to_the_bank(app, make):
    pair = make.mentorship()
    with app.test_request_context():
        assert "/programmes?mentorship_id=%d" % pair.id in dict(mentorship_links(pair, pair.mentee))
        assert dict(mentorship_links(pair, make.user("Чужой Пётр Ильич"))) == {}
