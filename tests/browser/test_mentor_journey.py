"""Issue 3's whole journey in a real browser: a visitor registers, confirms the e-mail address, applies as a mentor;
a moderator returns the profile with a comment; the participant reads it, fixes the profile and submits it again;
the moderator approves it, and the mentor appears in the bank and in its search, without the e-mail address.

Pages are reached through their links, forms and fields by name, id or action: the Russian catalogue changes
under these tests, so only the data typed here is matched as text.
"""
import re

import pytest
from playwright.sync_api import Page, expect

from mentorbank.accounts.models import Role
from mentorbank.extensions import db
from mentorbank.vocabularies.models import Vocabulary

from ..factories import PASSWORD
from .conftest import log_in_as

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committing_database")]

EMAIL = "orlova.journey@example.org"
FULL_NAME = "Орлова Елена Николаевна"
ORGANISATION = "МБОУ «Лицей № 131»"
# Both at least 200 characters, as a submitted profile needs (mentors/application.py BIO_MIN_LENGTH).
HOW_I_WORK = (" Вместе планируем занятия, разбираем трудные темы и ошибки учеников, готовимся к открытым урокам и"
              " аттестации; встречаемся раз в неделю, между встречами отвечаю в переписке.")
FIRST_BIO = "Помогаю молодым учителям информатики на первых уроках." + HOW_I_WORK
MODERATOR_COMMENT = "Расскажите подробнее, чем именно вы помогаете коллегам."
FIXED_BIO = "Помогаю молодым учителям информатики осваивать цифровые технологии на первых уроках." + HOW_I_WORK
# Inflected forms of words only the fixed biography has: the bank's stemming finds «цифровые технологии».
QUERY = "цифровых технологий"
CONFIRMATION_LINK = re.compile(r"https?://\S+/auth/confirm/\S+")
# Ticked in the application: vocabulary form field → term slugs.
TICKED = {("forms", Vocabulary.FORM): ["teacher-teacher"], ("modes", Vocabulary.MODE): ["remote"], ("directions", Vocabulary.DIRECTION): ["ict"],
          ("mentee_categories", Vocabulary.MENTEE_CATEGORY): ["young"]}


@pytest.fixture
def directory(make) -> dict:
    """An organisation of the directory and a moderator, committed so the live server sees them."""
    organisation = make.organisation(ORGANISATION)
    moderator = make.user(full_name="Соколова Ирина Викторовна", email="moderator.journey@example.org",
                          position="методист", roles=(Role.MODERATOR,))
    facts = {
        "organisation_id": organisation.id,
        "moderator_email": moderator.email,
        "terms": {field: [make.term(vocabulary, slug).id for slug in slugs]
                  for (field, vocabulary), slugs in TICKED.items()},
    }
    db.session.commit()
    return facts


# -- the participant ----------------------------------------------------------------------------------------

def register(page: Page, organisation_id: int) -> None:
    page.goto("/")
    page.locator('a[href="/auth/register"]').first.click()
    form = page.locator("#register-form")
    form.locator('input[name="email"]').fill(EMAIL)
    form.locator('input[name="full_name"]').fill(FULL_NAME)
    form.locator('input[name="position"]').fill("учитель информатики")
    # The as-you-type look-up: htmx brings the matching organisations as radio buttons in their labels.
    form.locator('input[name="q"]').press_sequentially("лицей № 131")
    choice = f'input[name="organisation_id"][value="{organisation_id}"]'
    # check() fails when anything covers the radio button, so this also guards the picker's layout.
    form.locator(choice).check()
    expect(form.locator(choice)).to_be_checked()
    form.locator('input[name="password"]').fill(PASSWORD)
    form.locator('input[name="password_repeat"]').fill(PASSWORD)
    form.locator('input[name="consent"]').check()
    form.locator('> button[type="submit"]:last-of-type').click()
    # Registered, and not logged in until the address is confirmed (a taken address must look the same).
    expect(page.locator('header a[href="/auth/register"]')).to_be_visible()
    expect(page.locator('header form[action="/auth/logout"]')).to_have_count(0)


def confirmation_link(outbox) -> str:
    messages = [message for message in outbox() if message["To"] == EMAIL]
    assert len(messages) == 1, "one confirmation message is sent"
    found = CONFIRMATION_LINK.search(messages[0].get_body(("plain",)).get_content())
    assert found, "the message carries the confirmation link"
    return found.group(0)


def apply_as_mentor(page: Page, terms: dict[str, list[int]]) -> int:
    """Fill in and submit the mentor application; the new profile's id."""
    page.locator('a[href="/account/mentor-profiles"]').first.click()
    page.locator('a[href="/account/mentor-profiles/new"]').click()
    form = page.locator("#mentor-profile-form")
    form.locator('input[name="subjects"]').fill("информатика")
    form.locator('textarea[name="bio"]').fill(FIRST_BIO)
    for field, term_ids in terms.items():
        for term_id in term_ids:
            form.locator(f'input[name="{field}"][value="{term_id}"]').check()
    form.locator('input[name="mentoring_consent"]').check()
    form.locator('input[name="publication_consent"]').check()
    form.locator('[name="submit_for_review"]').click()
    expect(page).to_have_url(re.compile(r"/account/mentor-profiles$"))
    application = page.locator("article.application")
    expect(application).to_have_count(1)
    return int(application.get_attribute("data-profile-id"))


def read_the_comment_and_fix_the_bio(page: Page, profile_id: int) -> None:
    page.goto("/")
    account_link = page.locator('header a[href="/account"]')
    expect(account_link.locator(".badge")).to_have_text("1")  # the unread notification
    account_link.click()
    page.locator('a[href="/account/notifications"]').first.click()
    unread = page.locator('li.notification[data-unread="true"]')
    expect(unread).to_have_count(1)
    expect(unread).to_contain_text(MODERATOR_COMMENT)

    page.locator('a[href="/account/submissions"]').first.click()
    row = page.locator(f'tr[data-profile-id="{profile_id}"]')
    expect(row).to_contain_text(MODERATOR_COMMENT)
    row.locator(f'a[href="/account/mentor-profiles/{profile_id}/edit"]').click()

    expect(page.locator("blockquote.moderator-comment")).to_contain_text(MODERATOR_COMMENT)
    form = page.locator("#mentor-profile-form")
    expect(form.locator('textarea[name="bio"]')).to_have_value(FIRST_BIO)
    form.locator('textarea[name="bio"]').fill(FIXED_BIO)
    form.locator('[name="submit_for_review"]').click()
    expect(page).to_have_url(re.compile(r"/account/mentor-profiles$"))


# -- the moderator --------------------------------------------------------------------------------------------

def open_from_the_queue(page: Page, profile_id: int) -> None:
    page.goto("/")
    page.locator('header a[href="/moderation"]').click()
    page.locator(f'tr[data-queue-item="mentor_profile-{profile_id}"] a').click()
    expect(page.locator(f'article.moderation-profile[data-profile-id="{profile_id}"]')).to_have_attribute(
        "data-status", "pending"
    )


def return_with_comment(page: Page, profile_id: int) -> None:
    open_from_the_queue(page, profile_id)
    expect(page.locator("body")).to_contain_text(FIRST_BIO)
    form = page.locator(f'form[action="/moderation/mentor-profiles/{profile_id}/return"]')
    form.locator('textarea[name="reason"]').fill(MODERATOR_COMMENT)
    form.locator('button[type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/moderation$"))
    expect(page.locator(f'tr[data-queue-item="mentor_profile-{profile_id}"]')).to_have_count(0)


def approve(page: Page, profile_id: int) -> None:
    open_from_the_queue(page, profile_id)
    expect(page.locator("body")).to_contain_text(FIXED_BIO)
    form = page.locator(f'form[action="/moderation/mentor-profiles/{profile_id}/approve"]')
    form.locator('input[name="confirm"]').check()
    form.locator('button[type="submit"]').click()
    expect(page.locator(f'article.moderation-profile[data-profile-id="{profile_id}"]')).to_have_attribute(
        "data-status", "approved"
    )


# -- the public bank ------------------------------------------------------------------------------------------

def cards(page: Page, profile_id: int):
    return page.locator(f'#mentor-results article.mentor-card[data-mentor-id="{profile_id}"]')


def assert_no_email(page: Page) -> None:
    assert EMAIL not in page.content(), f"{page.url} shows the mentor's e-mail address"


def test_from_registration_to_the_bank(page: Page, new_context, directory, outbox):
    moderator: Page = new_context().new_page()
    visitor: Page = new_context().new_page()

    register(page, directory["organisation_id"])
    page.goto(confirmation_link(outbox))
    expect(page).to_have_url(re.compile(r"/account$"))
    expect(page.locator("#confirm-email-banner")).to_have_count(0)

    profile_id = apply_as_mentor(page, directory["terms"])
    log_in_as(moderator, directory["moderator_email"])
    return_with_comment(moderator, profile_id)

    visitor.goto("/mentors")
    expect(visitor.locator("#mentor-results")).to_be_visible()
    expect(cards(visitor, profile_id)).to_have_count(0)  # a returned profile is not in the bank

    read_the_comment_and_fix_the_bio(page, profile_id)
    approve(moderator, profile_id)

    visitor.goto("/mentors")
    expect(cards(visitor, profile_id)).to_have_count(1)
    expect(cards(visitor, profile_id)).to_contain_text(FULL_NAME)
    assert_no_email(visitor)

    visitor.goto(f"/mentors?q={QUERY}")
    expect(cards(visitor, profile_id)).to_have_count(1)
    visitor.goto("/mentors?q=олимпиадам")  # a word the profile lacks: the search does narrow the list
    expect(visitor.locator("#mentor-results")).to_be_visible()
    expect(cards(visitor, profile_id)).to_have_count(0)
    # The ticked vocabulary reached the bank: the facet the mentor chose keeps the card, another drops it.
    visitor.goto("/mentors?mode=remote")
    expect(cards(visitor, profile_id)).to_have_count(1)
    visitor.goto("/mentors?mode=in-person")
    expect(visitor.locator("#mentor-results")).to_be_visible()
    expect(cards(visitor, profile_id)).to_have_count(0)

    visitor.goto(f"/mentors?q={QUERY}")
    cards(visitor, profile_id).locator(f'a[href="/mentors/{profile_id}"]').first.click()
    expect(visitor.locator("body")).to_contain_text(FIXED_BIO)
    assert_no_email(visitor)
