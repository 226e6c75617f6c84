"""The operator's pages and the footer at a phone's width: nothing of theirs is wider than the screen, and the
footer's links stack in a column (Pico lays a <nav>'s lists out in a row). The whole document's width is the
header's business (issue 9 point 1), so this looks at the footer and the page's content only."""
import pytest
from playwright.sync_api import Page

from mentorbank.demo.portal_pages import create_portal_pages
from mentorbank.extensions import db

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committing_database")]

PHONE = {"width": 390, "height": 844}
WIDER_THAN_ITS_BOX = """selector => [...document.querySelectorAll(selector + ' *')]
    .filter(element => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .map(element => element.tagName + ' ' + element.textContent.trim().slice(0, 40))"""


@pytest.fixture
def written_pages(app):
    with app.app_context():
        create_portal_pages(db.session)
        db.session.commit()


@pytest.mark.parametrize("path", ["/about", "/help", "/contacts", "/privacy"])
def test_the_portal_pages_fit_a_phone(page: Page, written_pages, path):
    page.set_viewport_size(PHONE)
    assert page.goto(path).ok
    assert page.evaluate(WIDER_THAN_ITS_BOX, "main") == []
    assert page.evaluate(WIDER_THAN_ITS_BOX, "footer.site-footer") == []


def test_the_footers_links_stack_in_a_column(page: Page):
    page.set_viewport_size(PHONE)
    page.goto("/")
    links = page.locator(".site-footer nav a")
    tops = [links.nth(index).bounding_box()["y"] for index in range(links.count())]
    assert len(tops) == 6 and tops == sorted(tops) and len(set(tops)) == len(tops)


@pytest.mark.parametrize("width", [390, 1366])
def test_the_header_shows_the_operators_emblem_on_a_phone_and_its_name_on_a_desktop(page: Page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/")
    emblem = page.locator(".site-header .brand-operator svg").bounding_box()
    assert emblem and emblem["width"] >= 16 and emblem["height"] >= 16  # seen, not squeezed to nothing
    name = page.locator(".site-header .brand-operator__name").bounding_box()
    assert (name["width"] > 20) == (width > 600)  # on a phone the name stays for screen readers only
