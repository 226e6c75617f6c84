"""/search: one search over mentors and organisations, grouped by type."""
import pytest

from mentorbank.extensions import db

from .conftest import htmx_get


@pytest.fixture
def found(make):
    school = make.organisation("МБОУ «Гимназия цифровых технологий»")
    mentor = make.mentor(
        "Кузнецова Ольга", org=make.organisation("МБОУ «Школа № 9»"),
        bio="Внедряю цифровые технологии и веду наставничество.",
    )
    db.session.commit()
    return {"school": school, "mentor": mentor}


def test_empty_search_shows_the_form_and_a_hint(client):
    html = client.get("/search").get_data(as_text=True)
    assert 'id="site-search"' in html and 'role="search"' in html and 'name="q"' in html
    assert "Введите слово" in html


def test_results_are_grouped_by_type_with_counts_and_highlights(client, found):
    html = client.get("/search?q=цифровых технологий").get_data(as_text=True)
    assert 'id="group-mentor"' in html and 'id="group-organisation"' in html
    assert f'href="/mentors/{found["mentor"].id}"' in html
    assert f'href="/organisations/{found["school"].id}"' in html
    assert "<mark>" in html
    assert "Наставники" in html and "Организации" in html


def test_type_filter_narrows_to_one_type(client, found):
    html = client.get("/search?q=цифровых технологий&type=organisation").get_data(as_text=True)
    assert f'href="/organisations/{found["school"].id}"' in html
    assert f'href="/mentors/{found["mentor"].id}"' not in html
    assert 'aria-current="true"' in html


def test_unknown_type_and_unreadable_queries_are_harmless(client, found):
    for url in ("/search?q=школа&type=secret", '/search?q="(AND OR', "/search?q=*&page=abc", "/search?q=x&page=-1"):
        assert client.get(url).status_code == 200


def test_did_you_mean_is_a_link(client, found):
    html = client.get("/search?q=наставнечество").get_data(as_text=True)
    assert "Возможно, вы имели в виду" in html
    assert 'href="/search?q=%D0%BD%D0%B0%D1%81%D1%82%D0%B0%D0%B2%D0%BD%D0%B8%D1%87%D0%B5%D1%81%D1%82%D0%B2%D0%BE"' in html


def test_htmx_gets_the_results_partial(client, found):
    response = htmx_get(client, "/search?q=цифровых")
    html = response.get_data(as_text=True)
    assert "<html" not in html and html.lstrip().startswith('<section id="search-results"')
    assert "HX-Request" in response.headers["Vary"]
    full = htmx_get(client, "/search?q=цифровых", **{"HX-History-Restore-Request": "true"}).get_data(as_text=True)
    assert "<html" in full


def test_xss_payload_comes_back_escaped(client, make):
    make.mentor("Хакер <script>alert(1)</script>", bio="<script>alert(2)</script> наставничество")
    db.session.commit()
    html = client.get("/search?q=наставничество").get_data(as_text=True)
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
