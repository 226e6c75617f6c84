"""Every page fits a phone (issue 9, point 1): at 390 px, and at 320 px for the narrowest phones, no page is wider
than the screen, so nothing needs sideways scrolling; the menu folds into a disclosure that works without
JavaScript; wide tables scroll inside their own, keyboard-reachable box."""
import pytest
from playwright.sync_api import Page, expect

from .conftest import admin_pages, log_in_as, moderator_pages, participant_pages, public_pages

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committing_database")]

PHONE = {"width": 390, "height": 844}
NARROW_PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1366, "height": 900}

# The document's width, and what sticks out past the screen's right edge (to say which element is at fault).
MEASURE = """() => {
  const width = window.innerWidth;
  const culprits = [...document.querySelectorAll("body *")]
    .filter(el => el.getBoundingClientRect().right > width + 0.5 && !el.closest(".table-scroll"))
    .slice(-3)
    .map(el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
         + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\\s+/).join(".") : "")
         + " → " + Math.round(el.getBoundingClientRect().right));
  return {scrollWidth: document.documentElement.scrollWidth, width, culprits};
}"""


def too_wide(page: Page, paths: list[str]) -> dict[str, dict]:
    """The pages, among ``paths``, that scroll sideways in the current viewport, with what sticks out."""
    found = {}
    for path in paths:
        assert page.goto(path).status < 500, path
        found.update(too_wide_here(page, path))
    return found


def too_wide_here(page: Page, label: str) -> dict[str, dict]:
    measured = page.evaluate(MEASURE)
    return {label: measured} if measured["scrollWidth"] > measured["width"] else {}


def report(wide: dict[str, dict]) -> str:
    return "\n".join(f"{path}: {measured['scrollWidth']} px wide in {measured['width']}, sticking out: "
                     f"{'; '.join(measured['culprits'])}" for path, measured in wide.items())


def test_public_pages_error_pages_and_refused_forms_fit_a_phone(page: Page, showcase):
    page.set_viewport_size(PHONE)
    wide = too_wide(page, public_pages(showcase))

    page.goto("/auth/login")
    page.locator('#login-form input[name="email"]').fill("nobody@example.org")
    page.locator('#login-form input[name="password"]').fill("wrong password")
    page.locator('#login-form button[type="submit"]').click()
    page.wait_for_load_state()
    wide.update(too_wide_here(page, "/auth/login refused"))
    page.goto("/auth/register")
    page.locator('#register-form input[name="email"]').fill("not an address")
    page.locator('#register-form').evaluate("form => form.noValidate = true")
    page.locator('#register-form [type="submit"]:visible').last.click()
    page.wait_for_load_state()
    wide.update(too_wide_here(page, "/auth/register refused"))

    page.set_viewport_size(NARROW_PHONE)
    wide.update({f"{path} at 320": measured for path, measured in
                 too_wide(page, ["/", "/mentors?q=математика", f"/mentors/{showcase['mentor']}",
                                 "/auth/register"]).items()})
    assert wide == {}, report(wide)


def test_the_registration_page_does_not_scroll_sideways_on_a_desktop(page: Page):
    page.set_viewport_size(DESKTOP)
    wide = too_wide(page, ["/auth/register"])
    assert wide == {}, report(wide)


def test_participant_pages_fit_a_phone(page: Page, showcase):
    page.set_viewport_size(PHONE)
    log_in_as(page, showcase["participant"])
    wide = too_wide(page, participant_pages(showcase))
    assert wide == {}, report(wide)


def test_moderation_and_administration_pages_fit_a_phone(page: Page, showcase):
    page.set_viewport_size(PHONE)
    log_in_as(page, showcase["admin"])
    # The folded menu still tells what waits inside: the profile, the organisation, the practice and the programme
    # in the queue.
    expect(page.locator("header .site-menu > summary .badge")).to_have_text("4")
    wide = too_wide(page, moderator_pages(showcase) + admin_pages(showcase))
    page.set_viewport_size(NARROW_PHONE)
    wide.update({f"{path} at 320": measured
                 for path, measured in too_wide(page, ["/moderation", "/admin/users"]).items()})
    assert wide == {}, report(wide)


def test_the_wide_moderation_queue_scrolls_in_its_own_box_by_keyboard(page: Page, showcase):
    page.set_viewport_size(NARROW_PHONE)
    log_in_as(page, showcase["moderator"])
    page.goto("/moderation")
    box = page.locator(".table-scroll").first
    expect(box).to_have_attribute("tabindex", "0")
    expect(box).to_have_attribute("role", "region")
    assert page.locator("#" + box.get_attribute("aria-labelledby")).inner_text()  # a name for the region
    assert box.evaluate("box => box.scrollWidth > box.clientWidth"), "the table should be wider than its box here"
    box.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("End")
    expect(box).not_to_have_js_property("scrollLeft", 0)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_menu_folds_on_a_phone_and_opens_by_keyboard(browser, base_url, showcase, javascript):
    context = browser.new_context(base_url=base_url, viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto("/")
    register_link = page.locator('header a[href="/auth/register"]')
    expect(register_link).to_be_hidden()
    toggle = page.locator("header details.site-menu > summary")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(register_link).to_be_visible()
    assert register_link.bounding_box()["x"] + register_link.bounding_box()["width"] <= PHONE["width"]
    page.keyboard.press("Enter")
    expect(register_link).to_be_hidden()
    if javascript:  # Escape closes it too, back on the toggle
        page.keyboard.press("Enter")
        register_link.focus()
        page.keyboard.press("Escape")
        expect(register_link).to_be_hidden()
        expect(toggle).to_be_focused()
    # On a desktop the same menu is simply there, with no toggle to press.
    page.set_viewport_size(DESKTOP)
    expect(register_link).to_be_visible()
    expect(toggle).to_be_hidden()
    context.close()
