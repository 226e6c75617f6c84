"""Every page asks only the site itself for its files (no CDN, no other host), gets them all, and runs its
scripts without errors."""
import pytest
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committing_database")]


@pytest.mark.parametrize("path", ["/", "/mentors"])
def test_a_page_loads_everything_from_the_site_itself(page: Page, live_server, path):
    requested, failed, script_errors = [], [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.on("pageerror", lambda error: script_errors.append(str(error)))

    response = page.goto(path, wait_until="networkidle")

    assert response.ok
    assert [url for url in requested if not url.startswith(live_server + "/")] == []
    # Chromium asks for /favicon.ico on its own; that is not a file the page asked for.
    assert [url for url in failed if not url.endswith("/favicon.ico")] == []
    assert script_errors == []
    # htmx is what makes lists update in place; a page without it silently falls back to full reloads.
    assert page.evaluate("typeof window.htmx") == "object"
