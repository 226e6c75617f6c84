"""The library on a phone in a real browser: a rubric ticked and a word typed update the list in place, the
URL follows, nothing scrolls sideways; a moderator adds an item through the form and it is found at once."""
import re

import pytest
from playwright.sync_api import Page, expect

from mentorbank.accounts.models import Role
from mentorbank.extensions import db
from tests.library.conftest import add_item

from .conftest import log_in_as
from .test_phone_layout import PHONE, report, too_wide_here

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committing_database")]

ITEMS = "#library-results article.library-item"


@pytest.fixture
def shelf(app_context) -> None:
    add_item("Федеральный закон «Об образовании в Российской Федерации»", "regulations",
             "https://www.consultant.ru/document/cons_doc_LAW_140174/", 2012)
    add_item("Методические рекомендации по внедрению целевой модели наставничества", "regulations",
             "https://docs.edu.gov.ru/document/1", 2021)
    add_item("Вебинар о реверсивном наставничестве", "webinars", "https://edu.gov.ru/webinar", 2025)
    db.session.commit()


def test_the_library_filters_in_place_on_a_phone(page: Page, shelf):
    page.set_viewport_size(PHONE)
    page.goto("/library")
    expect(page.locator(ITEMS)).to_have_count(3)
    assert too_wide_here(page, "/library") == {}, report(too_wide_here(page, "/library"))
    loaded = page.evaluate("() => performance.getEntriesByType('navigation').length")

    # On a phone the rubrics fold under their heading, as the mentor bank's filters do.
    page.locator("#library-search details.facets > summary").click()
    page.locator('#library-search input[name="rubric"][value="regulations"]').check()
    expect(page).to_have_url(re.compile(r"[?&]rubric=regulations(&|$)"))
    expect(page.locator(ITEMS)).to_have_count(2)
    page.locator('#library-search input[name="q"]').press_sequentially("наставничеством")
    expect(page).to_have_url(re.compile(r"[?&]q=%D0%BD"))
    expect(page.locator(ITEMS)).to_have_count(1)
    expect(page.locator(ITEMS)).to_contain_text("целевой модели наставничества")
    expect(page.locator("#library-status")).to_have_text("Найден 1 материал")
    # The same document all along: htmx swapped the results, no page was loaded.
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == loaded
    assert too_wide_here(page, "/library filtered") == {}

    page.go_back()
    expect(page.locator(ITEMS)).to_have_count(2)


def test_a_moderator_adds_an_item_that_is_found_at_once(page: Page, make):
    moderator = make.user(full_name="Соколова Ирина Викторовна", email="library.moderator@example.org",
                          roles=(Role.MODERATOR,))
    db.session.commit()
    log_in_as(page, moderator.email)
    page.goto("/library/new")
    page.locator('#library-item-form input[name="title"]').fill("Памятка куратора наставничества")
    page.locator('#library-item-form select[name="rubric"]').select_option(label="методические материалы")
    page.locator('#library-item-form input[name="url"]').fill("javascript:alert(1)")
    page.locator('#library-item-form input[name="year"]').fill("2025")
    page.locator('#library-item-form [type="submit"]').click()
    expect(page.locator("#error-summary")).to_be_focused()
    page.locator('#library-item-form input[name="url"]').fill("https://apkpro.ru/pamyatka")
    page.locator('#library-item-form [type="submit"]').click()
    expect(page.locator("h1")).to_have_text("Памятка куратора наставничества")
    expect(page.get_by_role("link", name="Открыть на apkpro.ru")).to_be_visible()
    page.goto("/library?q=кураторов")
    expect(page.locator(ITEMS)).to_have_count(1)
