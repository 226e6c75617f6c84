"""The layout every page shares, and the language switch."""
import re

import pytest

from tests.conftest import csrf_token_from


def test_russian_is_the_default_language(client):
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="ru">' in html
    assert "Открытый банк наставников" in html
    assert "Перейти к содержанию" in html


def test_layout_has_landmarks_skip_link_csrf_header_and_htmx_config(client):
    html = client.get("/").get_data(as_text=True)
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    assert 'href="#main"' in html
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
    assert '<meta name="htmx-config"' in html and '"422", "swap": true' in html
    # Fingerprinted (htmx.min-<md5>.js) once `make assets` has written the manifest, plain before.
    assert re.search(r'"/static/vendor/htmx\.min(-[0-9a-f]{32})?\.js"', html)
    assert re.search(r'"/static/vendor/pico\.min(-[0-9a-f]{32})?\.css"', html)
    assert "https://" not in html.split("<body")[0], "the page asks another host for something"


def switch(client, code, next_url):
    token = csrf_token_from(client.get("/").get_data(as_text=True))
    return client.post(f"/locale/{code}", data={"csrf_token": token, "next": next_url})


def test_switching_to_english_keeps_the_page_and_the_choice(client):
    response = switch(client, "en", "/mentors/999?x=1")
    assert response.status_code == 303
    assert response.headers["Location"] == "/mentors/999?x=1"

    html = client.get("/").get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "Open mentor bank" in html and "Открытый банк наставников" not in html
    assert "Русский" in html, "the switch back names Russian in Russian"

    switch(client, "ru", "/")
    assert '<html lang="ru">' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/path", "/\\evil.example", "javascript:alert(1)", "", "evil.example"],
)
def test_language_switch_never_redirects_off_the_site(client, target):
    response = switch(client, "en", target)
    assert response.status_code == 303
    assert response.headers["Location"] == "/"


def test_language_switch_needs_the_csrf_token_and_a_known_language(client):
    assert client.post("/locale/en", data={"next": "/"}).status_code == 400
    token = csrf_token_from(client.get("/").get_data(as_text=True))
    assert client.post("/locale/de", data={"csrf_token": token, "next": "/"}).status_code == 404
    assert client.get("/locale/en").status_code == 405
