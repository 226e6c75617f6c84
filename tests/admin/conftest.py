"""Admin tests log in by the session (the log-in form has its own tests) and read the English UI."""
import pytest

from ..conftest import csrf_token_from


class Browser:
    """A logged-in (or anonymous) client that submits forms with the page's CSRF token, as a browser would."""

    def __init__(self, client):
        self.client = client
        with client.session_transaction() as session:
            session["locale"] = "en"

    def login_as(self, user) -> "Browser":
        with self.client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
        return self

    def get(self, url: str, **kwargs):
        return self.client.get(url, **kwargs)

    def token(self) -> str:
        return csrf_token_from(self.client.get("/").get_data(as_text=True))

    def post(self, url: str, data: dict | None = None, **kwargs):
        return self.client.post(url, data={"csrf_token": self.token(), **(data or {})}, **kwargs)


@pytest.fixture
def browser(client):
    return Browser(client)


@pytest.fixture
def admin_browser(browser, admin_user):
    return browser.login_as(admin_user)
