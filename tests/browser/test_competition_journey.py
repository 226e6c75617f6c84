"""A competition in a real browser: a participant enters, the moderator closes entries and admits the entry, a
juror scores it, the moderator sets the result and publishes; the winners page shows it and the practice it
became carries its provenance.

Forms are reached by their actions and field names: only the data typed here is matched as text."""
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select, update

from mentorbank.accounts.models import Role
from mentorbank.competitions.models import Competition, Entry
from mentorbank.core.models import utcnow
from mentorbank.extensions import db

from ..competitions.conftest import make_competition
from .conftest import log_in_as

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committing_database")]

TITLE = "Сетевое наставничество «школа — школе» в сельском районе"


@pytest.fixture
def contest(make) -> dict:
    moderator = make.user(full_name="Соколова Ирина Викторовна", email="contest.moderator@example.org",
                          roles=(Role.MODERATOR,))
    participant = make.user(full_name="Петрова Анна Сергеевна", email="contest.participant@example.org",
                            org=make.organisation("МБОУ «Лицей № 5»"))
    juror = make.user(full_name="Жюри Ольга Ивановна", email="contest.juror@example.org")
    competition = make_competition(moderator)
    facts = {"id": competition.id, "moderator": moderator.email, "participant": participant.email,
             "juror": juror.full_name, "juror_email": juror.email}
    db.session.commit()  # read nothing after: a read transaction left open would hold an old snapshot
    return facts


def log_out(page: Page) -> None:
    page.locator('header form[action="/auth/logout"] button').click()
    expect(page.locator('header form[action="/auth/logout"]')).to_have_count(0)


def test_a_competition_from_entries_through_scoring_to_the_winners_page(page: Page, contest):
    competition_url = f"/competitions/{contest['id']}"

    # A participant enters while entries are open.
    log_in_as(page, contest["participant"])
    page.goto(competition_url)
    page.locator(f'a[href="{competition_url}/enter"]').click()
    form = page.locator(f'form[action="{competition_url}/enter"]')
    form.locator('input[name="nomination_id"]').first.check()
    form.locator('input[name="title"]').fill(TITLE)
    form.locator('textarea[name="description"]').fill("Школы района ведут молодых учителей вместе.")
    form.locator('button[type="submit"], input[type="submit"]').click()
    expect(page.locator("main")).to_contain_text(TITLE)  # among "my entries"
    log_out(page)

    # Entries close (the rows' times: the server's clock still decides); the moderator builds the jury with
    # the picker, starts judging and admits the entry.
    db.session.rollback()
    # One UPDATE, no read first: a read snapshot taken before the server's last write could not be upgraded.
    db.session.execute(update(Competition).where(Competition.id == contest["id"]).values(
        entries_open_at=utcnow() - timedelta(days=20), entries_close_at=utcnow() - timedelta(minutes=1)))
    db.session.commit()
    log_in_as(page, contest["moderator"])
    page.goto(f"{competition_url}/manage")
    page.locator("#jury-q").fill("Жюри Ольга")
    expect(page.locator("#jury-candidates input[name=add]")).to_have_count(1)  # search as you type
    page.locator('#jury-candidates button[type="submit"]').click()
    expect(page.locator("#jury")).to_contain_text(contest["juror"])
    page.locator('form[action$="/status"] input[name=to][value=judging] + button, '
                 'form[action$="/status"]:has(input[value=judging]) button').first.click()
    page.locator('form[action$="/decide"]:has(input[value=admit]) button').click()
    log_out(page)

    # The juror scores it.
    log_in_as(page, contest["juror_email"])
    page.goto(f"{competition_url}/jury")
    for field in page.locator('input[type="number"]').all():
        field.fill("9")
    page.locator('form[action*="/jury/entries/"] button[type="submit"]').first.click()
    expect(page.locator('input[type="number"]').first).to_have_value("9")
    log_out(page)

    # The moderator sees the weighted score, sets 1st place and publishes.
    log_in_as(page, contest["moderator"])
    page.goto(f"{competition_url}/manage")
    expect(page.locator("#results")).to_contain_text("9.0")
    entry_id = db.session.scalar(select(Entry.id).where(Entry.title == TITLE))
    db.session.rollback()
    page.locator(f'select[name="result-{entry_id}"]').select_option("first")
    page.locator('form[action$="/results"] button[type="submit"]').click()
    page.locator('form[action$="/status"]:has(input[value=results]) button').click()
    log_out(page)

    # A visitor sees the winner; the entry became a published practice carrying the competition.
    page.goto(competition_url)
    winner = page.locator(".competition-entry").first
    expect(winner).to_contain_text(TITLE)
    expect(winner.locator(".competition-entry__result")).to_be_visible()
    winner.locator("a").first.click()
    expect(page.locator("h1")).to_have_text(TITLE)
    db.session.expire_all()
    entry = db.session.get(Entry, entry_id)
    from mentorbank.practices.models import Practice

    practice = db.session.get(Practice, entry.practice_id)
    version = practice.published_version
    assert (version.title, version.competition_id, version.place.value) == (TITLE, contest["id"], "first")
