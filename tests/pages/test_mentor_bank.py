"""/mentors: the searchable, filterable bank, with and without htmx."""
import re

import pytest

from mentorbank.extensions import db
from mentorbank.mentors.models import ProfileStatus

from .conftest import htmx_get


def card_ids(html: str) -> set[int]:
    return {int(found) for found in re.findall(r'class="mentor-card" data-mentor-id="(\d+)"', html)}


@pytest.fixture
def bank(make):
    kazan = make.organisation("МБОУ «Лицей № 1»", municipality_name="г. Казань")
    perm = make.organisation("МАОУ «Школа № 2»", municipality_name="г. Пермь", region_name="Пермский край")
    mentors = {
        "remote_maths": make.mentor(
            "Абрамова Анна", org=kazan, subjects="математика",
            bio="Наставничество молодых учителей математики, цифровые технологии на уроке.",
            terms={"mode": ["remote"], "direction": ["ict"]},
        ),
        "inperson_history": make.mentor(
            "Борисов Борис", org=kazan, subjects="история", bio="Учитель истории, веду кружок краеведения.",
            terms={"mode": ["in-person"], "direction": ["extracurricular"]}, accepting_requests=False,
        ),
        "perm_remote": make.mentor(
            "Волкова Вера", org=perm, subjects="русский язык", bio="Филолог, методист.",
            terms={"mode": ["remote"], "direction": ["methodical"]},
        ),
        "pending": make.mentor("Скрытая Анкета", org=kazan, status=ProfileStatus.PENDING),
    }
    db.session.commit()
    return mentors


def test_lists_approved_mentors_only_with_the_total(client, bank):
    response = client.get("/mentors")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert card_ids(html) == {bank[k].id for k in ("remote_maths", "inperson_history", "perm_remote")}
    assert "Найдено 3 наставника" in html
    assert "Скрытая Анкета" not in html


def test_card_shows_name_link_place_and_terms(client, bank):
    html = client.get("/mentors").get_data(as_text=True)
    profile = bank["remote_maths"]
    card = html[html.index(f'data-mentor-id="{profile.id}"'):]
    card = card[: card.index("</article>")]
    assert f'href="/mentors/{profile.id}"' in card and "Абрамова Анна" in card
    assert "МБОУ «Лицей № 1»" in card and "г. Казань" in card and "Республика Татарстан" in card
    assert "дистанционный" in card and "ИКТ" in card


def test_facets_are_labelled_checkbox_groups_with_counts(client, bank):
    html = client.get("/mentors").get_data(as_text=True)
    assert '<form id="mentor-search" class="bank" action="/mentors" method="get" role="search"' in html
    assert 'type="search" name="q"' in html and '<label for="mentor-q">' in html
    assert '<legend>Режим</legend>' in html and '<legend>Регион</legend>' in html
    remote = re.search(r'name="mode" value="remote"[^>]*>\s*дистанционный <span class="count">(\d+)</span>', html)
    assert remote and remote.group(1) == "2"
    assert 'name="sort"' in html and 'type="submit"' in html


def test_a_facet_narrows_the_results_and_stays_ticked(client, bank):
    html = client.get("/mentors?mode=remote").get_data(as_text=True)
    assert card_ids(html) == {bank["remote_maths"].id, bank["perm_remote"].id}
    assert "Найдено 2 наставника" in html
    assert re.search(r'name="mode" value="remote" checked', html)


def test_facets_combine_across_groups(client, bank):
    region = bank["perm_remote"].organisation.region
    html = client.get(f"/mentors?mode=remote&region={region.id}").get_data(as_text=True)
    assert card_ids(html) == {bank["perm_remote"].id}
    assert "Найден 1 наставник" in html


def test_accepting_requests_facet(client, bank):
    html = client.get("/mentors?accepting=1").get_data(as_text=True)
    assert bank["inperson_history"].id not in card_ids(html)


def test_query_narrows_the_results_with_highlighted_snippet(client, bank):
    html = client.get("/mentors?q=наставничеству").get_data(as_text=True)
    assert card_ids(html) == {bank["remote_maths"].id}
    assert "<mark>" in html
    assert 'value="наставничеству"' in html


def test_nothing_found_gives_a_hint(client, bank):
    html = client.get("/mentors?q=астрофизика").get_data(as_text=True)
    assert card_ids(html) == set()
    assert "Найдено 0 наставников" in html and "Ничего не найдено" in html


def test_htmx_request_gets_the_partial_with_facets_out_of_band(client, bank):
    response = htmx_get(client, "/mentors?mode=remote")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in html and "<body" not in html
    assert html.lstrip().startswith('<section id="mentor-results"')
    assert 'id="mentor-facets" hx-swap-oob="true"' in html
    assert 'name="q"' not in html, "the search box is never replaced while typing"
    assert card_ids(html) == {bank["remote_maths"].id, bank["perm_remote"].id}
    assert "HX-Request" in response.headers["Vary"]


def test_history_restore_gets_the_full_page(client, bank):
    response = htmx_get(client, "/mentors?mode=remote", **{"HX-History-Restore-Request": "true"})
    html = response.get_data(as_text=True)
    assert "<html" in html and 'id="mentor-search"' in html
    assert card_ids(html) == {bank["remote_maths"].id, bank["perm_remote"].id}
    assert "HX-Request" in response.headers["Vary"]


def test_the_page_carries_the_active_search_wiring(client, bank):
    html = client.get("/mentors").get_data(as_text=True)
    form = html[html.index('<form id="mentor-search"'):]
    form = form[: form.index(">")]
    assert 'hx-get="/mentors"' in form and 'hx-push-url="true"' in form and 'hx-target="#mentor-results"' in form
    assert "input changed delay:300ms from:input[name=q]" in form and "search" in form and "change" in form
    # The count is announced by the status region outside the swapped results; the results are not live.
    assert '<section id="mentor-results" class="bank__results" aria-labelledby="mentor-total">' in html
    assert 'id="mentor-status" class="visually-hidden" role="status" aria-live="polite"' in html


def test_pagination_keeps_the_filters(app, client, make):
    org = make.organisation()
    for number in range(5):
        make.mentor(f"Наставник {number:02d}", org=org, terms={"mode": ["remote"]})
    db.session.commit()
    app.config["MENTORS_PER_PAGE"] = 2
    try:
        html = client.get("/mentors?mode=remote&q=").get_data(as_text=True)
        assert len(card_ids(html)) == 2 and "Найдено 5 наставников" in html
        links = re.findall(r'<a href="([^"]+)"[^>]*>3</a>', html)
        assert links and "mode=remote" in links[0] and "page=3" in links[0]
        last = client.get(links[0].replace("&amp;", "&")).get_data(as_text=True)
        assert len(card_ids(last)) == 1
        assert card_ids(last).isdisjoint(card_ids(html))
    finally:
        app.config["MENTORS_PER_PAGE"] = 20


@pytest.mark.parametrize(
    "query",
    ["page=0", "page=-3", "page=abc", "page=99999", "region=abc", "municipality=1%3B", "colour=red",
     "mode=no-such-mode", "sort=evil", "accepting=yes", "q=" + "а" * 5000, 'q="(unbalanced AND', "q=*"],
)
def test_bad_arguments_never_error(client, bank, query):
    response = client.get(f"/mentors?{query}")
    assert response.status_code == 200


def test_page_past_the_end_offers_the_first_page(client, bank):
    html = client.get("/mentors?page=50&mode=remote").get_data(as_text=True)
    assert card_ids(html) == set()
    assert "Такой страницы результатов нет" in html


def test_xss_in_name_and_bio_is_escaped_in_results(client, make):
    make.mentor('Злой <script>alert(1)</script>', bio='Био <img src=x onerror=alert(1)> наставник')
    db.session.commit()
    html = client.get("/mentors?q=наставник").get_data(as_text=True)
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_sort_is_explicit_only_when_chosen(client, make):
    veteran = make.mentor("Ветеранова Вера", experience_years=40)
    novice = make.mentor("Аверина Алла", experience_years=4)
    db.session.commit()

    by_default = client.get("/mentors").get_data(as_text=True)
    assert '<option value="" selected>' in by_default, "typing a query must not be stuck with an explicit sort"
    assert by_default.index("Аверина Алла") < by_default.index("Ветеранова Вера")

    by_experience = client.get("/mentors?sort=experience").get_data(as_text=True)
    assert '<option value="experience" selected>' in by_experience
    assert by_experience.index(f'data-mentor-id="{veteran.id}"') < by_experience.index(f'data-mentor-id="{novice.id}"')


def test_the_bank_speaks_english_after_the_switch(client, bank):
    from tests.conftest import csrf_token_from

    token = csrf_token_from(client.get("/").get_data(as_text=True))
    client.post("/locale/en", data={"csrf_token": token, "next": "/mentors"})
    html = client.get("/mentors?mode=remote").get_data(as_text=True)
    assert "Found 2 mentors" in html and "<legend>Mode</legend>" in html
    assert re.search(r'value="remote" checked>\s*remote <span', html)
