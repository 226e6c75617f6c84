"""Admin tests log in by the session (the log-in form has its own tests) and read the English UI."""
import pytest

from ..conftest import post_form, put_in_session, set_locale


class Browser:
    """A logged-in (or anonymous) client that submits forms with the page's CSRF token, as a browser would."""

    def __init__(self, client):
        self.client = client
        set_locale(client, "en")

    def login_as(self, user) -> "Browser":
        put_in_session(self.client, user)
        return self

    def get(self, url: str, **kwargs):
        return self.client.get(url, **kwargs)

    def post(self, url: str, data: dict | None = None, **kwargs):
        return post_form(self.client, url, data, page_url="/", **kwargs)


@pytest.fixture
def browser(client):
    return Browser(client)


@pytest.fixture
def admin_browser(browser, admin_user):
    return browser.login_as(admin_user)
