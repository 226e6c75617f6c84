"""A refused registration in a real browser: the page comes back with the error summary focused, so the next Tab
or the screen reader starts from what to fix, and a link of the summary puts the focus into its field."""
import pytest
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committing_database")]


def refuse_a_registration(page: Page) -> None:
    page.goto("/auth/register")
    form = page.locator("#register-form")
    form.locator('input[name="email"]').fill("focus.test@example.org")
    form.locator('input[name="full_name"]').fill("Кузнецова Мария Петровна")
    form.locator('input[name="position"]').fill("учитель биологии")
    # No organisation chosen and the passwords differ: fields the browser cannot check, so the server refuses.
    form.locator('input[name="password"]').fill(PASSWORD)
    form.locator('input[name="password_repeat"]').fill(PASSWORD + "x")
    form.locator('input[name="consent"]').check()
    form.locator('> button[type="submit"]:last-of-type').click()


def test_a_refused_registration_moves_the_focus_to_the_error_summary(page: Page):
    refuse_a_registration(page)
    form = page.locator("#register-form")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(form.locator('input[name="full_name"]')).to_have_value("Кузнецова Мария Петровна")
    expect(form.locator('input[name="password"]')).to_have_value("")

    summary.locator('a[href="#password_repeat"]').click()
    expect(form.locator("#password_repeat")).to_be_focused()


def test_without_javascript_the_summary_takes_the_focus_too(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    try:
        refuse_a_registration(page)
        expect(page.locator("[data-error-summary]")).to_be_focused()  # the summary's autofocus alone
    finally:
        context.close()
