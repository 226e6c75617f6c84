"""/library: full-text search with Russian word forms, rubric facets with counts, htmx in place, and the API."""
import re

import pytest

from mentorbank.extensions import db

from .conftest import add_item

RESULT_TITLES = re.compile(r'class="library-item__title"><a href="/library/\d+">([^<]+)</a>')


def titles(html: str) -> list[str]:
    return RESULT_TITLES.findall(html)


def test_without_words_the_newest_documents_come_first(client, english, shelf):
    page = client.get("/library").get_data(as_text=True)
    assert titles(page) == [
        "Вебинар о реверсивном наставничестве", "Портал Министерства просвещения",
        "Персонализированная программа: конструктор",
        "Методические рекомендации по внедрению целевой модели наставничества",
        "Федеральный закон «Об образовании в Российской Федерации»",
    ]
    assert 'rel="noopener noreferrer nofollow"' in page and "Open on consultant.ru" in page


def test_an_inflected_word_finds_the_item(client, shelf):
    # «наставничеством» (instrumental) finds «наставничества» and «наставничестве»; «законы» finds «закон».
    found = titles(client.get("/library?q=наставничеством").get_data(as_text=True))
    assert set(found) == {"Методические рекомендации по внедрению целевой модели наставничества",
                          "Вебинар о реверсивном наставничестве"}
    assert titles(client.get("/library?q=законы").get_data(as_text=True)) == [
        "Федеральный закон «Об образовании в Российской Федерации»"]


def test_the_issuer_and_the_description_are_searched(client, shelf):
    assert titles(client.get("/library?q=Государственной думы").get_data(as_text=True)) == [
        "Федеральный закон «Об образовании в Российской Федерации»"]
    assert titles(client.get("/library?q=цифровой инструмент").get_data(as_text=True)) == [
        "Вебинар о реверсивном наставничестве"]


def facet_counts(html: str) -> dict[str, int]:
    return {slug: int(count) for slug, count in re.findall(
        r'id="f-rubric-([a-z]+)"[^>]*>\s*[^<]+<span class="count">(\d+)</span>', html)}


def test_rubric_facets_count_and_filter(client, english, shelf):
    page = client.get("/library").get_data(as_text=True)
    assert facet_counts(page) == {"regulations": 2, "methods": 1, "webinars": 1, "links": 1}
    # The rubrics' Russian names, in the vocabulary's order.
    ru = client.get("/library?rubric=regulations").get_data(as_text=True)
    assert titles(ru) == ["Методические рекомендации по внедрению целевой модели наставничества",
                          "Федеральный закон «Об образовании в Российской Федерации»"]
    assert re.search(r'id="f-rubric-regulations" name="rubric" value="regulations" checked', ru)
    both = client.get("/library?rubric=regulations&rubric=webinars&q=наставничество").get_data(as_text=True)
    assert set(titles(both)) == {"Методические рекомендации по внедрению целевой модели наставничества",
                                 "Вебинар о реверсивном наставничестве"}
    assert "All rubrics" in both


def test_the_rubric_names_are_russian_by_default(client, shelf):
    page = client.get("/library").get_data(as_text=True)
    for name in ("нормативно-правовая база", "методические материалы", "вебинары", "полезные ссылки"):
        assert name in page


def test_htmx_gets_the_results_and_the_counts_out_of_band(client, shelf):
    response = client.get("/library?rubric=links", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert "HX-Request" in response.headers["Vary"]
    assert "<html" not in html and 'id="library-search"' not in html
    assert html.lstrip().startswith('<section id="library-results"')
    assert titles(html) == ["Портал Министерства просвещения"]
    assert 'id="library-status"' in html and 'hx-swap-oob="innerHTML"' in html
    assert '<div id="library-facets" hx-swap-oob="true">' in html


def test_the_page_works_as_a_plain_form_and_says_what_it_found(client, english, shelf):
    page = client.get("/library?q=абракадабра").get_data(as_text=True)
    assert 'action="/library" method="get"' in page and 'hx-push-url="true"' in page
    assert 'role="status"' in page and "Found 0 items" in page and "Show the whole library" in page


def test_the_api_lists_searches_and_counts(client, shelf):
    payload = client.get("/api/v1/library?q=наставничеством&rubric=webinars").get_json()
    assert payload["total"] == 1
    item = payload["items"][0]
    webinar = shelf["webinar"]
    assert item == {
        "id": webinar.id, "url": f"http://localhost/library/{webinar.id}",
        "title": "Вебинар о реверсивном наставничестве",
        "description": "Молодые педагоги учат цифровым инструментам.",
        "rubric": {"slug": "webinars", "name": "вебинары"}, "link": "https://edu.gov.ru/webinar",
        "host": "edu.gov.ru", "source": None, "year": 2025, "issued_on": "2025-03-20",
        "published_at": item["published_at"], "files": [],
    }
    assert item["published_at"].endswith("+00:00")
    every = client.get("/api/v1/library?per_page=2").get_json()
    assert (every["total"], every["pages"], len(every["items"])) == (5, 3, 2)
    assert every["facets"]["rubric"][0] == {"value": "regulations", "name": "нормативно-правовая база", "count": 2}


def test_the_api_gives_one_item_and_404_for_others(client, shelf):
    law = shelf["law"]
    assert client.get(f"/api/v1/library/{law.id}").get_json()["issued_on"] == "2012-12-29"
    missing = client.get("/api/v1/library/999999")
    assert missing.status_code == 404 and missing.get_json()["error"]["status"] == 404


def test_the_library_is_one_of_the_types_of_the_site_search(client, shelf):
    page = client.get("/search?q=конструктор").get_data(as_text=True)
    assert f'href="/library/{shelf["programme"].id}"' in page


@pytest.mark.parametrize("rubric_slug", ["regulations", "methods", "webinars", "links"])
def test_an_item_page_links_back_to_its_rubric(client, shelf, rubric_slug):
    item = next(item for item in shelf.values() if item.rubric.slug == rubric_slug)
    page = client.get(f"/library/{item.id}").get_data(as_text=True)
    assert f'href="/library?rubric={rubric_slug}"' in page


def test_a_renamed_rubric_is_found_by_its_new_name(client, shelf, make):
    rubric = shelf["webinar"].rubric
    rubric.name = "видеозаписи"
    db.session.commit()
    assert titles(client.get("/library?q=видеозаписи").get_data(as_text=True)) == [
        "Вебинар о реверсивном наставничестве"]


def test_an_item_added_later_is_found_at_once(client, shelf):
    add_item("Памятка куратора наставничества", "methods")
    db.session.commit()
    assert titles(client.get("/library?q=куратору").get_data(as_text=True)) == ["Памятка куратора наставничества"]
