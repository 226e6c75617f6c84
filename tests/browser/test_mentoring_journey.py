"""Issue 11's whole path in a real browser: a teacher asks a mentor of another school for mentoring; the mentor
accepts it from the inbox; the pair writes the programme, plans an activity and a meeting (exported as a
calendar); the mentor completes the mentorship; the teacher answers the questionnaire, and the mentor's public
page and card show the mentees' rating, which four earlier answers alone did not.

Pages are reached through their links, forms and fields by name, id or action: the Russian catalogue changes
under these tests, so only the data typed here is matched as text.
"""
import re

import pytest
from playwright.sync_api import Page, expect

from mentorbank.evaluation.models import Questionnaire
from mentorbank.extensions import db
from mentorbank.mentoring.models import MentorshipStatus

from .conftest import log_in_as

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committing_database")]

DIFFICULTIES = "Не удерживаю дисциплину в седьмых классах: ученики не слышат объяснение новой темы."
GOALS = "Выстроить правила работы на уроке и освоить приёмы вовлечения учеников."
ACTIVITY = "Посетить три урока наставника в седьмом классе"
MEETING_PLACE = "Кабинет 214, школа наставника"
EARLIER_MENTEES = ["Андреева Анна Петровна", "Борисова Бэлла Ивановна", "Васильева Вера Олеговна",
                   "Григорьева Галина Юрьевна"]


@pytest.fixture
def bank(make) -> dict:
    """A mentor of one school with four earlier mentees who answered the questionnaire (not enough for a public
    rating), and a teacher of another school; committed for the live server."""
    mentor_school = make.organisation("МАОУ «Гимназия № 2»")
    mentee_school = make.organisation("МБОУ «СОШ № 17»")
    mentor = make.mentor("Орлова Елена Николаевна", org=mentor_school, subjects="математика",
                         email="orlova.mentor@example.org", terms={"direction": ["methodical"]}, capacity=8)
    for name in EARLIER_MENTEES:
        earlier = make.user(full_name=name, org=mentee_school)
        pair = make.mentorship(mentor_profile=mentor, mentee=earlier, status=MentorshipStatus.COMPLETED)
        db.session.add(Questionnaire(mentorship_id=pair.id, mentee_id=earlier.id, satisfaction=4, organisation=4,
                                     qualification=5, readiness=4))
    mentee = make.user(full_name="Ковалёва Анна Сергеевна", email="kovaleva.mentee@example.org",
                       position="учитель математики", org=mentee_school)
    db.session.commit()
    return {"mentor": mentor.id, "mentor_email": mentor.user.email, "mentee_email": mentee.email}


def switch_to(page: Page, email: str) -> None:
    page.context.clear_cookies()
    log_in_as(page, email)


def ask_for_mentoring(page: Page, profile_id: int) -> None:
    page.goto(f"/mentors/{profile_id}")
    page.locator(f'a[href="/mentors/{profile_id}/ask"]').first.click()
    form = page.locator("#request-form")
    form.locator('textarea[name="difficulties"]').fill(DIFFICULTIES)
    form.locator('input[name="directions"]').first.check()
    form.locator('input[name="period_months"]').fill("6")
    form.locator('button[type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/account/requests/\d+$"))
    expect(page.locator("main")).to_contain_text(DIFFICULTIES)


def accept_from_the_inbox(page: Page) -> str:
    page.goto("/account/inbox")
    page.locator('main a[href^="/account/inbox/"]').first.click()
    expect(page.locator("main")).to_contain_text(DIFFICULTIES)
    page.locator('form[action$="/accept"] [type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/account/mentorships/\d+$"))
    return page.url


def write_the_programme(page: Page, mentorship_url: str) -> None:
    page.locator('a[href$="/programme"]').first.click()
    form = page.locator("#programme-form")
    form.locator('textarea[name="goals"]').fill(GOALS)
    form.locator('button[type="submit"]').click()
    expect(page).to_have_url(mentorship_url)
    expect(page.locator("main")).to_contain_text(GOALS)


def plan_and_meet(page: Page) -> None:
    plan = page.locator("#plan-form")
    plan.locator('input[name="title"]').fill(ACTIVITY)
    plan.locator('button[type="submit"]').click()
    expect(page.locator("main")).to_contain_text(ACTIVITY)
    meeting = page.locator("#meeting-form")
    meeting.locator('input[name="starts_at"]').fill("2027-01-20T15:30")
    meeting.locator('input[name="place"]').fill(MEETING_PLACE)
    meeting.locator('button[type="submit"]').click()
    expect(page.locator("main")).to_contain_text(MEETING_PLACE)
    calendar = page.request.get(page.locator('a[href$="/meetings.ics"]').first.get_attribute("href"))
    assert calendar.ok and calendar.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in calendar.text() and "DTSTART" in calendar.text()


def complete(page: Page) -> None:
    page.locator('a[href$="/complete"]').first.click()
    form = page.locator("#completion-form")
    form.locator('input[name="reason"][value="plan_done"]').check()
    form.locator('button[type="submit"]').click()
    expect(page.locator("#completion")).to_be_visible()


def answer_the_questionnaire(page: Page, mentorship_url: str) -> None:
    page.goto(mentorship_url)
    page.locator('a[href$="/evaluation"]').first.click()
    page.locator('a[href$="/evaluation/questionnaire"]').first.click()
    for question in ("satisfaction", "organisation", "qualification", "readiness"):
        page.locator(f'input[name="{question}"][value="5"]').check()
    page.locator('main form [type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/evaluation$"))


def test_a_teacher_finds_a_mentor_and_the_pair_runs_a_programme_to_its_evaluation(page: Page, bank, outbox):
    page.goto(f"/mentors/{bank['mentor']}")
    expect(page.locator("[data-rating]")).to_have_count(0)  # four answers are not shown

    log_in_as(page, bank["mentee_email"])
    ask_for_mentoring(page, bank["mentor"])
    assert any(message["To"] == bank["mentor_email"] for message in outbox())  # the mentor is told

    switch_to(page, bank["mentor_email"])
    mentorship_url = accept_from_the_inbox(page)
    # Only now do the contacts open: the mentor sees the mentee's address.
    expect(page.locator("#members")).to_contain_text(bank["mentee_email"])
    assert any(message["To"] == bank["mentee_email"] for message in outbox())  # the teacher is told

    write_the_programme(page, mentorship_url)
    plan_and_meet(page)
    complete(page)

    switch_to(page, bank["mentee_email"])
    answer_the_questionnaire(page, mentorship_url)

    page.context.clear_cookies()
    page.goto(f"/mentors/{bank['mentor']}")
    # Four mentees' 4.25 and this one's 5: 4.4 on average over five mentees.
    expect(page.locator("#rating [data-rating]")).to_have_text(re.compile(r"^4,4"))
    page.goto("/mentors?q=Орлова")
    expect(page.locator('[data-rating]').first).to_contain_text("4,4")
