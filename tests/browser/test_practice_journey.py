"""Issue 10's practice journey in a real browser: a participant proposes a practice with a file; a moderator
returns it with a comment; the participant fixes it and submits it again; the moderator publishes it; a visitor
finds it in the bank by an inflected word, with its file.

Pages are reached through their links, forms and fields by name, id or action: only the data typed here is
matched as text (the Russian catalogue changes under these tests).
"""
import re

import pytest
from playwright.sync_api import Page, expect

from mentorbank.accounts.models import Role
from mentorbank.extensions import db
from mentorbank.vocabularies.models import Vocabulary

from ..attachments.files import MINIMAL_PDF
from .conftest import log_in_as

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committing_database")]

TITLE = "Практика наставничества «Первые шаги в профессии»"
FIRST_SUMMARY = "Молодой учитель работает в паре с опытным коллегой."
MODERATOR_COMMENT = "Добавьте результаты: что изменилось для молодых учителей."
RESULTS = "За два года все молодые учителя остались в школе."
FILE_NAME = "polozhenie-o-nastavnichestve.pdf"
# Inflected: the title says «Практика наставничества».
QUERY = "практикой наставничества"


@pytest.fixture
def people(make) -> dict:
    author = make.user(full_name="Орлова Елена Николаевна", email="practice.author@example.org")
    moderator = make.user(full_name="Соколова Ирина Викторовна", email="practice.moderator@example.org",
                          roles=(Role.MODERATOR,))
    facts = {"author": author.email, "moderator": moderator.email,
             "direction": make.term(Vocabulary.DIRECTION, "methodical").id}
    db.session.commit()
    return facts


def propose(page: Page, direction_id: int) -> int:
    page.goto("/practices")
    page.locator('a[href="/practices/new"]').first.click()
    form = page.locator("#practice-form")
    form.locator('input[name="title"]').fill(TITLE)
    form.locator('textarea[name="summary"]').fill(FIRST_SUMMARY)
    form.locator('textarea[name="body"]').fill("## Как это устроено\n\n- встречи раз в неделю\n- открытые уроки")
    form.locator(f'input[name="directions"][value="{direction_id}"]').check()
    form.locator('input[name="attachments"]').set_input_files(
        files=[{"name": FILE_NAME, "mimeType": "application/pdf", "buffer": MINIMAL_PDF}])
    form.locator('[name="submit_for_review"]').click()
    expect(page).to_have_url(re.compile(r"/practices/mine$"))
    row = page.locator("tr[data-practice-id]").first
    expect(row).to_have_attribute("data-version-status", "submitted")
    return int(row.get_attribute("data-practice-id"))


def open_from_the_queue(page: Page, practice_id: int) -> None:
    page.goto("/")
    page.locator('header a[href="/moderation"]').click()
    page.locator(f'tr[data-queue-item="practice-{practice_id}"] a').click()
    expect(page.locator(f'article.moderation-practice[data-practice-id="{practice_id}"]')).to_have_attribute(
        "data-status", "submitted")
    expect(page.locator("body")).to_contain_text(FILE_NAME)


def test_from_proposal_to_the_bank(page: Page, new_context, people):
    moderator: Page = new_context().new_page()
    visitor: Page = new_context().new_page()
    log_in_as(page, people["author"])
    practice_id = propose(page, people["direction"])

    log_in_as(moderator, people["moderator"])
    open_from_the_queue(moderator, practice_id)
    form = moderator.locator(f'form[action="/moderation/practices/{practice_id}/return"]')
    form.locator('textarea[name="reason"]').fill(MODERATOR_COMMENT)
    form.locator('button[type="submit"]').click()
    expect(moderator).to_have_url(re.compile(r"/moderation$"))

    visitor.goto(f"/practices/{practice_id}")
    expect(visitor.locator(f'article.practice[data-practice-id="{practice_id}"]')).to_have_count(0)

    page.goto("/practices/mine")
    row = page.locator(f'tr[data-practice-id="{practice_id}"]')
    expect(row).to_contain_text(MODERATOR_COMMENT)
    row.locator(f'a[href="/practices/{practice_id}/edit"]').click()
    expect(page.locator("blockquote.moderator-comment")).to_contain_text(MODERATOR_COMMENT)
    form = page.locator("#practice-form")
    expect(form.locator('textarea[name="summary"]')).to_have_value(FIRST_SUMMARY)
    expect(form).to_contain_text(FILE_NAME)  # the file stays with the practice
    form.locator('textarea[name="results"]').fill(RESULTS)
    form.locator('[name="submit_for_review"]').click()
    expect(page).to_have_url(re.compile(r"/practices/mine$"))

    open_from_the_queue(moderator, practice_id)
    expect(moderator.locator("body")).to_contain_text(RESULTS)
    form = moderator.locator(f'form[action="/moderation/practices/{practice_id}/approve"]')
    form.locator('input[name="confirm"]').check()
    form.locator('button[type="submit"]').click()
    expect(moderator.locator(f'article.moderation-practice[data-practice-id="{practice_id}"]')).to_have_attribute(
        "data-status", "published")

    # The visitor types into the bank's search box: htmx brings the results and puts the query in the URL.
    visitor.goto("/practices")
    visitor.locator("#practice-q").fill(QUERY)
    expect(visitor).to_have_url(re.compile(r"/practices\?.*q="))
    card = visitor.locator(f'#practice-results article.practice-card[data-practice-id="{practice_id}"]')
    expect(card).to_have_count(1)
    card.locator("a").first.click()
    expect(visitor.locator("body")).to_contain_text(RESULTS)
    link = visitor.locator(f'a:has-text("{FILE_NAME}")')
    expect(link).to_have_count(1)
    response = visitor.request.get(link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
