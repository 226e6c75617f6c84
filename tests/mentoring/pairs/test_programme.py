"""The pair writes its programme (3 to 12 months), extends it on the record, keeps a plan and meetings; htmx
replaces only the section, and without JavaScript the same forms come back to the page."""
import re
from datetime import date, datetime

from sqlalchemy import select

from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.mentoring.models import Meeting, PlanItem, ProgrammeExtension

from ...conftest import ESCAPED_XSS, XSS, post_form
from .conftest import detail_url

HTMX = {"HX-Request": "true"}


def programme_data(**changes) -> dict:
    return {"problem": "Дисциплина в 7 классе", "goals": "Выстроить правила урока", "content": "Посещение уроков",
            "planned_results": "Спокойные уроки", "intermediate_results": "", "meeting_schedule": "по вторникам",
            "starts_on": "2026-09-01", "ends_on": "2027-02-28", **changes}


def test_the_pair_writes_its_programme(client, log_in, pair, mentee, make):
    log_in(mentee)
    direction = make.term("direction", "methodical")
    remote = make.term("mode", "remote")
    url = f"{detail_url(pair)}/programme"
    response = post_form(client, url, programme_data(directions=[direction.id], mode=remote.id))
    assert response.status_code == 303
    programme = pair.programme
    assert programme.goals == "Выстроить правила урока" and programme.intermediate_results is None
    assert programme.ends_on == date(2027, 2, 28) and programme.mode_id == remote.id
    assert [term.id for term in programme.directions] == [direction.id]
    page = client.get(detail_url(pair)).get_data(as_text=True)
    assert "Выстроить правила урока" in page and "по вторникам" in page
    # The form opens again on what was saved: the direction ticked, the mode chosen.
    form = client.get(url).get_data(as_text=True)
    assert re.search(rf'<input[^>]*checked[^>]*value="{direction.id}"|<input[^>]*value="{direction.id}"[^>]*checked',
                     form)
    assert re.search(rf'<option[^>]*selected[^>]*value="{remote.id}"|<option[^>]*value="{remote.id}"[^>]*selected',
                     form)
    assert 'value="2027-02-28"' in form


def test_a_period_outside_3_to_12_months_is_refused_and_the_typed_text_kept(client, log_in, pair, mentor):
    log_in(mentor)
    url = f"{detail_url(pair)}/programme"
    for ends_on in ("2026-11-30", "2027-09-02"):  # two months; a year and a day
        response = post_form(client, url, programme_data(ends_on=ends_on, goals=XSS))
        page = response.get_data(as_text=True)
        assert response.status_code == 422
        assert "A programme lasts from 3 to 12 months" in page and ESCAPED_XSS in page
    assert pair.programme.goals != XSS
    assert post_form(client, url, programme_data(ends_on="2027-09-01")).status_code == 303


def test_an_extension_is_recorded_and_audited(client, log_in, pair, mentor):
    log_in(mentor)
    old_end = pair.programme.ends_on
    url = f"{detail_url(pair)}/extend"
    refused = post_form(client, url, {"new_end": old_end.isoformat(), "reason": "Болезнь"})
    assert refused.status_code == 422 and "The new end must come after the current one" in refused.get_data(as_text=True)
    assert post_form(client, url, {"new_end": "2030-01-15", "reason": ""}).status_code == 422
    response = post_form(client, url, {"new_end": "2030-01-15", "reason": "Наставляемый был на больничном"})
    assert response.status_code == 303
    extension = db.session.scalar(select(ProgrammeExtension))
    assert (extension.previous_end, extension.new_end, extension.extended_by_id) == (old_end, date(2030, 1, 15),
                                                                                     mentor.id)
    assert pair.programme.ends_on == date(2030, 1, 15)
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "mentorship.extend"))
    assert entry.actor_id == mentor.id and entry.reason == "Наставляемый был на больничном"
    assert "Наставляемый был на больничном" in client.get(detail_url(pair)).get_data(as_text=True)
    # Once extended, the programme's form no longer moves the end.
    form = client.get(f"{detail_url(pair)}/programme").get_data(as_text=True)
    assert 'name="ends_on"' not in form and "its end moves only by a new extension" in form


def test_the_plan_is_kept_with_htmx_and_without(client, log_in, pair, mentee, make):
    log_in(mentee)
    url = f"{detail_url(pair)}/plan"
    section = post_form(client, url, {"title": "Посетить два урока наставника", "due_on": "2026-10-01"},
                        page_url=detail_url(pair), headers=HTMX)
    text = section.get_data(as_text=True)
    assert section.status_code == 200 and text.lstrip().startswith("<section") and "<html" not in text
    assert "Посетить два урока наставника" in text and "0 of 1 done" in text
    item = db.session.scalar(select(PlanItem))
    toggled = post_form(client, f"{url}/{item.id}/toggle", page_url=detail_url(pair))
    assert toggled.status_code == 303 and toggled.headers["Location"].endswith(f"{detail_url(pair)}#plan")
    assert item.is_done and "1 of 1 done" in client.get(detail_url(pair)).get_data(as_text=True)
    # Another pair's item is not found through this one.
    other = make.mentorship()
    stranger = PlanItem(programme=other.programme, title="Чужое")
    db.session.add(stranger)
    db.session.flush()
    assert post_form(client, f"{url}/{stranger.id}/delete", page_url=detail_url(pair)).status_code == 404
    assert post_form(client, f"{url}/{item.id}/delete", page_url=detail_url(pair), headers=HTMX).status_code == 200
    assert db.session.scalar(select(PlanItem).where(PlanItem.programme_id == pair.programme.id)) is None


def test_an_empty_activity_is_refused_in_place(client, log_in, pair, mentor):
    log_in(mentor)
    url = f"{detail_url(pair)}/plan"
    section = post_form(client, url, {"title": " "}, page_url=detail_url(pair), headers=HTMX)
    assert section.status_code == 422 and 'class="error-summary"' in section.get_data(as_text=True)
    page = post_form(client, url, {"title": ""}, page_url=detail_url(pair))
    assert page.status_code == 422 and "<html" in page.get_data(as_text=True)


def test_meetings_are_kept_in_utc_and_exported_as_a_calendar(client, log_in, pair, mentee, make):
    log_in(mentee)
    response = post_form(client, f"{detail_url(pair)}/meetings", {
        "starts_at": "2026-12-10T16:30", "duration_minutes": "45", "mode": make.term("mode", "remote").id,
        "place": "https://meet.example.org/abc", "notes": "Разбор урока"}, page_url=detail_url(pair))
    assert response.status_code == 303
    meeting = db.session.scalar(select(Meeting))
    assert meeting.starts_at == datetime(2026, 12, 10, 13, 30)  # 16:30 in Moscow
    page = client.get(detail_url(pair)).get_data(as_text=True)
    assert "4:30\u202fPM" in page or "4:30 PM" in page
    assert "Разбор урока" in page and "45 minutes" in page
    calendar = client.get(f"{detail_url(pair)}/meetings.ics")
    body = calendar.get_data(as_text=True)
    assert calendar.headers["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in body and "DTSTART:20261210T133000Z" in body and "DTEND:20261210T141500Z" in body
    assert "LOCATION:https://meet.example.org/abc" in body and f"UID:meeting-{meeting.id}@" in body
    assert post_form(client, f"{detail_url(pair)}/meetings/{meeting.id}/delete", page_url=detail_url(pair)
                     ).status_code == 303
    assert db.session.scalar(select(Meeting)) is None


def test_a_meeting_needs_its_time(client, log_in, pair, mentor):
    log_in(mentor)
    response = post_form(client, f"{detail_url(pair)}/meetings", {"starts_at": "", "duration_minutes": "60"},
                         page_url=detail_url(pair), headers=HTMX)
    assert response.status_code == 422 and "Date and time" in response.get_data(as_text=True)


def test_a_completed_programme_is_kept_as_it_was(client, log_in, make, mentor_school):
    pair = make.mentorship(status="completed")
    log_in(pair.mentee)
    page = client.get(detail_url(pair)).get_data(as_text=True)
    assert 'id="plan-form"' not in page and "Edit the programme" not in page
    response = post_form(client, f"{detail_url(pair)}/plan", {"title": "Ещё одно"}, page_url=detail_url(pair))
    assert response.status_code == 303
    assert "The mentorship is completed" in client.get(detail_url(pair)).get_data(as_text=True)
    assert pair.programme.plan_items == []


def test_a_refused_change_says_why_in_the_section_htmx_swaps_in(client, log_in, pair, mentee):
    """A plan item posted to a mentorship completed meanwhile (another tab): nothing is added, and the swapped-in
    section itself says why, as the page after a redirect would."""
    log_in(mentee)
    pair.status, pair.completed_at = "completed", datetime(2026, 11, 1)
    pair.completion_reason = "plan_done"
    db.session.flush()
    section = post_form(client, f"{detail_url(pair)}/plan", {"title": "Ещё одно дело"}, page_url=detail_url(pair),
                        headers=HTMX)
    text = section.get_data(as_text=True)
    assert section.status_code == 409 and text.lstrip().startswith("<section")
    assert 'role="alert"' in text and "The mentorship is completed" in text
    assert db.session.scalar(select(PlanItem).where(PlanItem.title == "Ещё одно дело")) is None
