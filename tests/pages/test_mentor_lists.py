"""Issue 9 §5, cards and lists: labelled tag groups that open without a script, one date format, filters that
reset without the query, an empty result that can be unticked, and one live status region."""
import re
from datetime import datetime

import pytest

from mentorbank.extensions import db

from .conftest import htmx_get
from .test_mentor_cards import bank_card

FORMS = ["teacher-teacher", "head-teacher", "head-head", "team-team"]


@pytest.fixture
def bank(make):
    kazan = make.organisation("МБОУ «Лицей № 1»", municipality_name="г. Казань")
    perm = make.organisation("МАОУ «Школа № 2»", municipality_name="г. Пермь", region_name="Пермский край")
    mentors = {
        "many_forms": make.mentor("Абрамова Анна", org=kazan, bio="Учитель математики.",
                                  terms={"form": FORMS, "mode": ["remote"], "direction": ["ict"]}),
        "perm": make.mentor("Волкова Вера", org=perm, bio="Учитель математики и методист.",
                            terms={"mode": ["in-person"], "direction": ["methodical"]}),
    }
    db.session.commit()
    return mentors


def groups_of(card: str) -> dict[str, str]:
    """Each labelled group of a card's tags: its label → its markup."""
    return dict(re.findall(r'<div class="term-group">\s*<dt>([^<]+)</dt>(.*?)</div>', card, re.S))


def test_card_tags_come_in_labelled_groups(client, bank):
    groups = groups_of(bank_card(client, bank["many_forms"].id))
    assert list(groups) == ["Форма", "Режим", "Направление"]
    assert "дистанционный" in groups["Режим"] and "дистанционный" not in groups["Форма"]
    assert "ИКТ и цифровизация" in groups["Направление"]


def test_the_rest_of_a_group_opens_without_a_script(client, bank):
    forms = groups_of(bank_card(client, bank["many_forms"].id))["Форма"]
    shown, more = forms.split('<details class="terms-more">')
    assert shown.count("<li>") == 2
    assert "<summary>и ещё 2</summary>" in more and more.count("<li>") == 2
    # Every form is in the card: two at once, the other two inside <details>.
    for name in ("педагог – педагог", "руководитель ОО – педагог", "руководитель – руководитель", "команда – команда"):
        assert name in forms
    assert "<details" not in groups_of(bank_card(client, bank["perm"].id))["Режим"]


def test_clearing_the_filters_keeps_the_query_and_the_order(client, bank):
    html = client.get("/mentors?q=математики&sort=name&mode=remote").get_data(as_text=True)
    reset = re.search(r'<a href="([^"]+)">Сбросить все фильтры</a>', html).group(1).replace("&amp;", "&")
    assert reset.startswith("/mentors?") and "mode=" not in reset
    assert "sort=name" in reset and "q=%D0%BC%D0%B0%D1%82%D0%B5%D0%BC%D0%B0%D1%82%D0%B8%D0%BA%D0%B8" in reset
    assert bank["perm"].id in {int(found) for found in re.findall(r'data-mentor-id="(\d+)"', client.get(reset).get_data(as_text=True))}


def test_an_empty_result_keeps_the_ticks_and_offers_to_untick_each(client, bank, make):
    perm = bank["perm"].organisation
    html = client.get(f"/mentors?region={perm.municipality.region_id}&mode=remote&q=математики").get_data(as_text=True)
    assert "Ничего не найдено." in html
    # The ticked boxes are still there, ticked, so either can be unticked in the form.
    assert re.search(r'name="mode" value="remote" checked', html)
    assert re.search(rf'name="region" value="{perm.municipality.region_id}" checked', html)
    links = dict((label, href.replace("&amp;", "&")) for href, label in
                 re.findall(r'<li><a href="([^"]+)">Убрать «([^»]+»?)»</a></li>', html))
    assert set(links) == {"Режим: дистанционный", "Регион: Пермский край"}
    without_mode = links["Режим: дистанционный"]
    assert "mode=" not in without_mode and f"region={perm.municipality.region_id}" in without_mode and "q=" in without_mode
    found = client.get(without_mode).get_data(as_text=True)
    assert f'data-mentor-id="{bank["perm"].id}"' in found


def test_one_live_status_region_outside_the_swapped_results(client, bank):
    html = client.get("/mentors").get_data(as_text=True)
    assert html.count('aria-live="polite"') == 1
    status = re.search(r'<p id="mentor-status"[^>]*>([^<]*)</p>', html)
    assert 'role="status"' in status.group() and status.group(1) == "Найдено 2 наставника"
    results = html[html.index('<section id="mentor-results"'):]
    assert 'id="mentor-status"' not in results[: results.index("</section>")]

    partial = htmx_get(client, "/mentors?mode=remote").get_data(as_text=True)
    status = re.search(r'<p id="mentor-status"[^>]*>([^<]*)</p>', partial)
    assert 'hx-swap-oob="innerHTML"' in status.group() and status.group(1) == "Найден 1 наставник"
    assert "aria-live" not in partial[: partial.index('id="mentor-status"')]


def test_dates_are_written_one_way(client, bank, make, log_in):
    profile = bank["perm"]
    profile.last_active_at = datetime(2026, 12, 1, 7, 7)
    db.session.commit()
    html = client.get(f"/mentors/{profile.id}").get_data(as_text=True)
    assert "1 декабря 2026\u202fг." in html
    assert not re.search(r">\s*\d{2}\.\d{2}\.\d{4}|>\s*\d{4}-\d{2}-\d{2}", html)


def test_moments_use_the_same_date_then_the_time(app, make, log_in, client):
    from mentorbank.core.templating import shown_date, shown_datetime, shown_month

    with app.test_request_context():
        moment = datetime(2026, 12, 1, 7, 7)
        assert shown_datetime(moment).startswith(shown_date(moment) + ", ")
        assert shown_date(moment) == "1 декабря 2026\u202fг."
        assert shown_month("2026-11") == "ноября 2026"
    assert "редакция ноября 2026" in client.get("/auth/register").get_data(as_text=True)
