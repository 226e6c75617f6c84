"""The privacy policy is built from the operator's details and every kept consent text; every consent links to it."""
import re
from dataclasses import replace
from datetime import date

import pytest

from mentorbank.accounts import consent_texts
from mentorbank.accounts.consent_texts import CONSENT_TEXTS, PROCESSING, consent_text
from mentorbank.config import Defaults

from ..conftest import set_locale

OPERATOR = Defaults.OPERATOR
POLICY_LINK = re.compile(r'Оператор персональных данных: ГАУ ДПО «РИРО»\. <a href="/privacy">Политика обработки')


def test_the_policy_names_the_operator_with_its_inn_and_ogrn(client):
    html = client.get("/privacy").get_data(as_text=True)
    body = html.split('<main id="main"', 1)[1]
    assert "<h1>Политика обработки персональных данных</h1>" in body
    assert f"<dd>{OPERATOR['inn']}</dd>" in body and f"<dd>{OPERATOR['ogrn']}</dd>" in body
    assert OPERATOR["full_name"] in body and OPERATOR["legal_address"] in body
    for heading in ("Цели обработки", "Какие данные обрабатываются", "Правовые основания", "Действия с данными",
                    "Сроки обработки и хранения", "Права субъекта персональных данных", "Как отозвать согласие"):
        assert heading in body
    assert "152-ФЗ" in body and 'href="/account/consent"' in body


def policy_text(client) -> str:
    # Babel puts a narrow no-break space before «г.».
    return client.get("/privacy").get_data(as_text=True).replace("\u202f", " ")


def test_the_policy_lists_every_consent_version_with_its_date(client):
    html = policy_text(client)
    for consent in CONSENT_TEXTS:
        section = html.split(f'id="consent-{consent.kind}-{consent.version}"', 1)[1].split("</section>", 1)[0]
        assert f"редакция {consent.version}" in section
        assert "Действует с 1 ноября 2026 г." in section
        for paragraph in consent.paragraphs:
            assert str(paragraph).replace("“", "«").replace("”", "»") in section


def test_a_new_consent_version_appears_in_the_policy_beside_the_old_one(client, monkeypatch):
    old = consent_text(PROCESSING)
    newer = replace(old, version="2027-03", effective=date(2027, 3, 1))
    monkeypatch.setattr(consent_texts, "CONSENT_TEXTS", (*CONSENT_TEXTS, newer))
    html = policy_text(client)
    assert 'id="consent-processing-2026-11"' in html and 'id="consent-processing-2027-03"' in html
    assert "Действует с 1 марта 2027 г." in html
    assert consent_text(PROCESSING) == newer


def test_the_registration_asks_for_the_configured_version_of_a_kept_text(app):
    assert consent_text(PROCESSING, app.config["PROCESSING_CONSENT_VERSION"]).kind == PROCESSING


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_the_policy_chrome_follows_the_locale_and_its_text_stays_russian(client, locale):
    set_locale(client, locale)
    html = client.get("/privacy").get_data(as_text=True)
    assert ("<h1>Privacy policy</h1>" in html) == (locale == "en")
    assert '<div lang="ru">' in html and "Цели обработки" in html


def test_the_registration_consent_links_the_policy(client):
    html = client.get("/auth/register").get_data(as_text=True)
    consent = html.split('<details class="consent-text">', 1)[1]
    assert POLICY_LINK.search(consent)


def test_the_consent_page_links_the_policy(client, log_in, participant):
    log_in(participant, "ru")
    assert POLICY_LINK.search(client.get("/account/consent").get_data(as_text=True))


def test_the_mentor_applications_publication_consent_links_the_policy(client, log_in, participant):
    log_in(participant, "ru")
    html = client.get("/account/mentor-profiles/new").get_data(as_text=True)
    consents = html.split('name="publication_consent"', 1)[1].split("</fieldset>", 1)[0]
    assert POLICY_LINK.search(consents)
