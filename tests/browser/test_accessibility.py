"""Both colour schemes are readable (issue 9, point 2): axe-core finds no serious or critical violation on the main
pages in the light and the dark scheme, on a desktop and on a phone."""
import pytest
from playwright.sync_api import Page

from mentorbank.config import PROJECT_ROOT

from .conftest import log_in_as

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committing_database")]

AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}

# Only what fails (resultTypes keeps axe quick), and only what hurts: serious and critical.
RUN_AXE = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations
    .filter(violation => violation.impact === "serious" || violation.impact === "critical")
    .map(violation => violation.id + " ×" + violation.nodes.length + ": "
         + violation.nodes.slice(0, 3)
             .map(node => node.target.join(" ") + " (" + node.failureSummary.replace(/\\s+/g, " ") + ")").join("; "));
}"""


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(PROJECT_ROOT)} is missing: run `make test` or `npm ci` to install axe-core.",
                    pytrace=False)
    return AXE.read_text()


def violations(page: Page, paths: list[str]) -> dict[str, list[str]]:
    found = {}
    for path in paths:
        page.goto(path)
        if problems := page.evaluate(RUN_AXE):
            found[path] = problems
    return found


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_main_pages_have_no_serious_accessibility_violation(page: Page, showcase, axe_source, scheme, size):
    # An init script runs in every page the tab opens, outside the site's Content-Security-Policy.
    page.add_init_script(axe_source)
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size(SIZES[size])
    found = violations(page, [
        "/", "/mentors?q=математика&mode=remote&sort=experience", f"/mentors/{showcase['mentor']}",
        "/search?q=математика", f"/organisations/{showcase['organisation']}", "/auth/login", "/auth/register",
        "/practices?q=наставничества&direction=methodical", f"/practices/{showcase['practice']}",
        "/library?rubric=regulations", f"/library/{showcase['library_item']}",
        "/programmes?q=дисциплина", f"/programmes/{showcase['programme']}",
    ])
    log_in_as(page, showcase["admin"])
    found.update(violations(page, [
        "/account", "/moderation", f"/moderation/mentor-profiles/{showcase['pending']}", "/admin",
        f"/moderation/practices/{showcase['own_practice']}", "/practices/new",
        "/library/manage", "/library/new",
        f"/account/mentorships/{showcase['mentorship']}", f"/moderation/programmes/{showcase['pending_programme']}",
        f"/account/organisations/{showcase['organisation']}/mentoring",
    ]))
    page.context.clear_cookies()
    log_in_as(page, showcase["participant"])
    found.update(violations(page, [
        f"/mentors/{showcase['second_mentor']}/ask", f"/account/requests/{showcase['mentoring_request']}",
        f"/account/mentorships/{showcase['mentorship']}", f"/account/mentorships/{showcase['mentorship']}/programme",
        f"/account/mentorships/{showcase['mentorship']}/evaluation/self-assessment/start",
    ]))
    assert found == {}, "\n".join(f"{path}: {problem}" for path, problems in found.items() for problem in problems)
