"""The operator of the bank: named in the header and the footer of every page, in both languages, from the one
``OPERATOR`` config key; a production site cannot start with the demo operator."""
import re

import pytest
from flask import Flask

from mentorbank.config import Defaults, load_config

from ..conftest import set_locale

OPERATOR = Defaults.OPERATOR


def footer_of(html: str) -> str:
    return html.split('<footer class="site-footer">', 1)[1]


def header_of(html: str) -> str:
    return html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]


@pytest.fixture
def page_urls(make, participant):
    mentor = make.mentor()
    return ["/", "/mentors", f"/mentors/{mentor.id}", "/search?q=математика", f"/organisations/{mentor.organisation_id}",
            "/auth/login", "/auth/register", "/about", "/help", "/contacts", "/privacy"]


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_every_kind_of_page_names_the_operator_and_links_the_policy(client, page_urls, locale):
    set_locale(client, locale)
    for url in page_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.get_data(as_text=True)
        footer = footer_of(html)
        assert OPERATOR["full_name"] in footer, url
        assert f"{OPERATOR['inn']}" in footer and OPERATOR["ogrn"] in footer, url
        assert OPERATOR["legal_address"] in footer, url
        assert f'href="mailto:{OPERATOR["email"]}"' in footer, url
        assert 'href="/privacy"' in footer and 'href="/about"' in footer and 'href="/help"' in footer, url
        assert 'href="/contacts"' in footer, url
        assert OPERATOR["short_name"] in header_of(html), url
    policy_label = "Политика обработки персональных данных" if locale == "ru" else "Privacy policy"
    assert re.search(f'<a href="/privacy"[^>]*>{policy_label}</a>', footer)


def test_logged_in_pages_carry_the_footer_too(client, log_in, participant):
    log_in(participant, "ru")
    for url in ("/account", "/account/consent", "/account/mentor-profiles/new"):
        html = client.get(url).get_data(as_text=True)
        assert OPERATOR["full_name"] in footer_of(html) and 'href="/privacy"' in footer_of(html), url


def test_the_api_description_is_a_link_in_words(client):
    footer = footer_of(client.get("/").get_data(as_text=True))
    link = re.search(r'<a href="/api/v1/openapi\.json">([^<]+)</a>', footer)
    assert link and "описание программного интерфейса" in link.group(1)
    assert "as JSON" not in footer and "JSON</a>" not in footer


def test_the_header_shows_the_operators_emblem_and_links_about(client):
    header = header_of(client.get("/").get_data(as_text=True))
    # The SVG emblem is written into the page (no request of its own); the file stays served for other uses.
    assert re.search(r'<a class="brand-operator" href="/about" title="[^"]+"><span class="brand-operator__emblem" '
                     r'aria-hidden="true"><svg[^>]*>.*?</svg></span>', header)
    with client.get("/static/img/operator-emblem.svg") as emblem:
        assert emblem.status_code == 200 and emblem.mimetype == "image/svg+xml"


def test_an_instance_operator_replaces_the_demo_one_everywhere(app, client, monkeypatch):
    own = dict(OPERATOR, full_name="ГБУ ДПО «Учебно-методический центр Энской области»", short_name="УМЦ",
               inn="7701234567", ogrn="1027700000001", email="umc@umc.example")
    monkeypatch.setitem(app.config, "OPERATOR", own)
    html = client.get("/privacy").get_data(as_text=True)
    assert "Учебно-методический центр Энской области" in footer_of(html) and "УМЦ" in header_of(html)
    assert "7701234567" in html and "1027700000001" in html and "mailto:umc@umc.example" in html
    assert OPERATOR["inn"] not in html and OPERATOR["full_name"] not in html


def test_production_refuses_to_start_with_the_demo_operator(monkeypatch, tmp_path):
    monkeypatch.setenv("MENTORBANK_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "x" * 32)
    monkeypatch.setenv("PUBLIC_URL", "https://mentors.example.ru")
    with pytest.raises(RuntimeError, match="OPERATOR"):
        load_config(Flask("production", instance_path=str(tmp_path)), None)
    (tmp_path / "config.py").write_text(f"OPERATOR = {dict(OPERATOR, inn='5262000000')!r}\n")
    load_config(Flask("production", instance_path=str(tmp_path), instance_relative_config=True), None)


def test_an_incomplete_operator_stops_start_up(tmp_path):
    from mentorbank import create_app

    incomplete = {key: value for key, value in OPERATOR.items() if key != "ogrn"}
    with pytest.raises(RuntimeError, match="ogrn"):
        create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://", "OPERATOR": incomplete,
                    "SEARCH_INDEX_DIR": str(tmp_path)})
