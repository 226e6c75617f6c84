"""The curator in a real browser on a 390 px phone: from the account to the school's cabinet, a refused web
address kept in the form, the page published, and every page of the way no wider than the screen.

Pages are reached through their links, forms by their ids and field names: only the data typed here is matched
as text (the Russian catalogue changes under these tests)."""
import pytest
from playwright.sync_api import Page, expect

from mentorbank.accounts.models import Role
from mentorbank.extensions import db
from mentorbank.mentors.models import ProfileStatus

from ..factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committing_database")]

PHONE = {"width": 390, "height": 844}
DESCRIPTION = "Открытые уроки по математике для молодых учителей района каждую четверть."


@pytest.fixture
def school(make) -> dict:
    school = make.organisation("МБОУ «Средняя общеобразовательная школа № 153 с углублённым изучением отдельных предметов»")
    curator = make.user(full_name="Лебедева Татьяна Андреевна", email="curator.browser@example.org", org=school,
                        roles=(Role.CURATOR,))
    make.mentor("Орлова Елена Николаевна", org=school, email="orlova.browser.mentor@example.org",
                status=ProfileStatus.PENDING)
    db.session.commit()
    return {"id": school.id, "curator_email": curator.email}


# The header and the account's menu are the layout's (issue 9 point 1 makes the whole document fit); here the
# content of these pages must not stick out: the profiles table scrolls in its own box, long names wrap.
OWN_CONTENT = "main *:not(.account-nav):not(.account-nav *)"


def fits_the_screen(page: Page) -> None:
    sticking_out = page.evaluate(
        """([selector, width]) => Array.from(document.querySelectorAll(selector))
             .filter(element => !element.closest('.table-scroll') || element.matches('.table-scroll'))
             .filter(element => element.getBoundingClientRect().right > width)
             .map(element => element.tagName + '.' + element.className)""",
        [OWN_CONTENT, PHONE["width"]],
    )
    assert sticking_out == [], f"{page.url}: {sticking_out}"


def test_the_curator_publishes_the_school_page_on_a_phone(page: Page, school):
    page.set_viewport_size(PHONE)
    page.goto("/auth/login")
    form = page.locator("#login-form")
    form.locator('input[name="email"]').fill(school["curator_email"])
    form.locator('input[name="password"]').fill(PASSWORD)
    form.locator('button[type="submit"]').click()

    page.goto("/account")
    page.locator(f'a[href="/account/organisations/{school["id"]}"]').click()
    expect(page.locator('tr[data-profile-id] [data-status="pending"]')).to_be_visible()
    fits_the_screen(page)

    page.locator(f'a[href="/account/organisations/{school["id"]}/page"]').click()
    form = page.locator("#organisation-page-form")
    form.locator('textarea[name="description"]').fill(DESCRIPTION)
    form.locator('input[name="website"]').fill("javascript:alert(1)")
    form.locator('input[name="contact_email"]').fill("priem@school153.example.ru")
    form.locator('button[type="submit"], input[type="submit"]').first.click()
    expect(page.locator("#website-error")).to_be_visible()
    expect(form.locator('textarea[name="description"]')).to_have_value(DESCRIPTION)
    fits_the_screen(page)

    form.locator('input[name="website"]').fill("https://school153.example.ru")
    form.locator('button[type="submit"], input[type="submit"]').first.click()
    page.locator(f'a[href="/organisations/{school["id"]}"]').click()
    expect(page.get_by_text(DESCRIPTION)).to_be_visible()
    expect(page.locator('a[href="mailto:priem@school153.example.ru"]')).to_be_visible()
    fits_the_screen(page)
