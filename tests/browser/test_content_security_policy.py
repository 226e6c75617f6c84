"""The strict Content-Security-Policy breaks nothing: the main pages, an htmx search and the account pages run
with no CSP violation in the console (review finding 12)."""
import pytest
from playwright.sync_api import Page, expect

from mentorbank.accounts.models import Role
from mentorbank.extensions import db

from .conftest import log_in_as

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committing_database")]

# Recorded in the page before any of its own scripts run (Playwright injects it outside the policy).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def watched_page(page: Page):
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)

    def violations() -> list[str]:
        recorded = page.evaluate("window.__cspViolations || []")
        return recorded + [text for text in console if "Content Security Policy" in text]

    page.violations = violations
    return page


@pytest.fixture
def people(make):
    mentor = make.mentor("Петрова Анна Сергеевна", subjects="химия", bio="Наставник молодых учителей химии.")
    moderator = make.user(email="csp.moderator@example.org", roles=(Role.MODERATOR, Role.ADMIN))
    ids = {"mentor": mentor.id, "moderator_email": moderator.email}
    db.session.commit()
    return ids


def test_public_pages_and_an_htmx_search_violate_nothing(watched_page, people):
    page = watched_page
    for path in ("/", "/mentors", f"/mentors/{people['mentor']}", "/search?q=химия", "/auth/login",
                 "/auth/register", "/no-such-page"):
        page.goto(path, wait_until="networkidle")
        assert page.violations() == [], path
    page.goto("/mentors", wait_until="networkidle")
    page.locator('#mentor-search input[name="q"]').press_sequentially("химия")
    expect(page.locator("#mentor-results article.mentor-card")).to_have_count(1)
    assert page.violations() == []


def test_logged_in_pages_violate_nothing(watched_page, people):
    page = watched_page
    log_in_as(page, people["moderator_email"])
    for path in ("/account", "/moderation", "/admin"):
        page.goto(path, wait_until="networkidle")
        assert page.violations() == [], path
