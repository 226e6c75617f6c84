"""Security headers on every response, and no caching of pages with personal data (review finding 12)."""
import re

import pytest

from mentorbank.core.security import CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("url", ["/", "/mentors", "/search?q=физика", "/auth/login", "/api/v1/mentors",
                                 "/no-such-page", "/static/css/site.css"])
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url)
    response.close()  # a static file is streamed
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert csp == CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp and "script-src 'self'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Strict-Transport-Security" not in headers, "never in tests and development"


def test_token_pages_keep_their_stricter_referrer_policy(client):
    assert client.get("/auth/reset/not-a-token").headers["Referrer-Policy"] == "no-referrer"


def test_hsts_in_production_over_https(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "TESTING", False)
    assert client.get("/").headers["Strict-Transport-Security"].startswith("max-age=31536000")
    monkeypatch.setitem(app.config, "PUBLIC_URL", "http://127.0.0.1:5000")
    assert "Strict-Transport-Security" not in client.get("/").headers


def test_pages_with_personal_data_are_not_stored(client, auth, participant):
    assert "no-store" not in client.get("/mentors").headers.get("Cache-Control", ""), "public pages may be cached"
    assert "no-store" in client.get("/auth/login").headers["Cache-Control"]
    auth.login(participant)
    for url in ("/account", "/mentors", "/"):
        response = client.get(url)
        assert "no-store" in response.headers["Cache-Control"], url
        assert "private" in response.headers["Cache-Control"], url


@pytest.mark.parametrize("url", ["/", "/mentors", "/search?q=физика", "/auth/login", "/auth/register"])
def test_pages_have_no_inline_script_or_style(client, url):
    html = client.get(url).get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "an inline <script>"
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"\son[a-z]+=", html), "an inline event handler"
    assert '"includeIndicatorStyles": false' in html
    # A file, under its fingerprinted name once `make assets` has digested the static files.
    assert re.search(r'rel="icon" href="/static/favicon(-[0-9a-f]+)?\.svg', html)
