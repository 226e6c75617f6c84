"""The mentor bank's active search in a real browser: the list follows what a visitor types and ticks, the URL
follows the list, Back restores it, and the same form works with JavaScript turned off."""
import re
from urllib.parse import quote_plus

import pytest
from playwright.sync_api import Page, expect

from mentorbank.extensions import db

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committing_database")]

CARDS = "#mentor-results article.mentor-card"


@pytest.fixture
def bank(make) -> dict[str, int]:
    """Three approved mentors, committed so the live server sees them; their ids by role."""
    chemist = make.mentor(
        "Петрова Анна Сергеевна", subjects="химия", terms={"mode": ["remote"]},
        bio="Двадцать лет веду наставничество молодых учителей химии в районе.",
    )
    physicist = make.mentor(
        "Сидоров Пётр Иванович", subjects="физика", terms={"mode": ["in-person"]},
        bio="Готовлю школьников к олимпиадам по физике, провожу открытые уроки.",
    )
    programmer = make.mentor(
        "Кузнецова Ольга Викторовна", subjects="информатика", terms={"mode": ["remote"]},
        bio="Помогаю коллегам осваивать цифровые технологии и готовить учеников к олимпиадам.",
    )
    ids = {"chemist": chemist.id, "physicist": physicist.id, "programmer": programmer.id}
    db.session.commit()
    return ids


def expect_mentors(page: Page, *ids: int) -> None:
    """The list shows exactly these mentors (in any order), waiting for htmx to swap it in."""
    others = CARDS + "".join(f':not([data-mentor-id="{mentor_id}"])' for mentor_id in ids)
    expect(page.locator(others)).to_have_count(0)
    for mentor_id in ids:
        expect(page.locator(f'{CARDS}[data-mentor-id="{mentor_id}"]')).to_have_count(1)
    # Again, in case a later swap brought others back while the ids were awaited.
    expect(page.locator(others)).to_have_count(0)


def in_url(name: str, value: str) -> re.Pattern:
    return re.compile(rf"[?&]{re.escape(name)}={re.escape(quote_plus(value))}(&|$)", re.IGNORECASE)


def not_in_url(name: str) -> re.Pattern:
    return re.compile(rf"^(?!.*[?&]{re.escape(name)}=[^&]).*$")


def type_query(page: Page, text: str) -> None:
    page.locator('#mentor-search input[name="q"]').press_sequentially(text)


def tick(page: Page, facet: str, value: str) -> None:
    page.locator(f'#mentor-search input[name="{facet}"][value="{value}"]').check()


def test_typing_a_word_narrows_the_list_and_the_url_follows(page: Page, bank):
    page.goto("/mentors")
    expect_mentors(page, *bank.values())

    type_query(page, "олимпиадам")

    expect_mentors(page, bank["physicist"], bank["programmer"])
    expect(page).to_have_url(in_url("q", "олимпиадам"))


def test_ticking_a_facet_narrows_the_list_and_the_url_follows(page: Page, bank):
    page.goto("/mentors")

    tick(page, "mode", "remote")

    expect_mentors(page, bank["chemist"], bank["programmer"])
    expect(page).to_have_url(in_url("mode", "remote"))


def test_back_restores_the_previous_list_and_url(page: Page, bank):
    page.goto("/mentors")
    type_query(page, "олимпиадам")
    expect_mentors(page, bank["physicist"], bank["programmer"])
    tick(page, "mode", "remote")
    expect_mentors(page, bank["programmer"])
    expect(page).to_have_url(in_url("mode", "remote"))

    page.go_back()
    expect(page).to_have_url(not_in_url("mode"))
    expect(page).to_have_url(in_url("q", "олимпиадам"))
    expect_mentors(page, bank["physicist"], bank["programmer"])

    page.go_back()
    expect(page).to_have_url(not_in_url("q"))
    expect_mentors(page, *bank.values())


def test_without_javascript_the_form_filters_by_plain_get(new_context, bank):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/mentors")
    page.locator('#mentor-search input[name="q"]').fill("олимпиадам")
    tick(page, "mode", "remote")

    page.locator('#mentor-search button[type="submit"]').click()

    expect(page).to_have_url(in_url("q", "олимпиадам"))
    expect(page).to_have_url(in_url("mode", "remote"))
    expect_mentors(page, bank["programmer"])


def test_an_inflected_russian_word_finds_the_mentor(page: Page, bank):
    page.goto("/mentors")

    type_query(page, "наставничеству")

    expect_mentors(page, bank["chemist"])


def test_the_status_region_announces_the_count_and_a_card_opens_its_other_tags(page: Page, bank, make):
    many = make.mentor("Орлова Нина Павловна", subjects="биология",
                       terms={"form": ["teacher-teacher", "head-teacher", "head-head"], "mode": ["remote"]})
    db.session.commit()
    page.goto("/mentors")
    status = page.locator("#mentor-status")
    expect(status).to_have_text("Найдено 4 наставника")

    tick(page, "mode", "in-person")

    expect_mentors(page, bank["physicist"])
    # The same live element, its text replaced: the results region itself is not live.
    expect(status).to_have_text("Найден 1 наставник")
    expect(page.locator("#mentor-results[aria-live]")).to_have_count(0)

    page.locator('#mentor-search input[name="mode"][value="in-person"]').uncheck()
    card = page.locator(f'{CARDS}[data-mentor-id="{many.id}"]')
    hidden_form = card.get_by_text("руководитель – руководитель")
    expect(hidden_form).to_be_hidden()
    card.get_by_text("и ещё 1").click()
    expect(hidden_form).to_be_visible()
