"""/programmes: only published templates, full-text search with Russian morphology, facets by direction, form
and period, htmx partials; /search and the API show the same templates; a template's page."""
import json

from mentorbank.extensions import db
from mentorbank.vocabularies.models import Vocabulary


def _bank(make):
    discipline = make.programme_template(
        "Дисциплина на уроке для молодого учителя", period_months=6, directions=("methodical",),
        form_id=make.term(Vocabulary.FORM, "teacher-teacher").id)
    digital = make.programme_template(
        "Цифровые инструменты учителя", period_months=3, directions=("ict",),
        problem="Учитель не пользуется электронным журналом и онлайн-досками.", plan="Освоить онлайн-доску",
        planned_results="Учитель ведёт журнал сам.",
        form_id=make.term(Vocabulary.FORM, "team-team").id)
    make.programme_template("Программа на модерации", status="submitted")
    make.programme_template("Возвращённая программа", status="returned")
    make.programme_template("Снятая программа", status="withdrawn")
    db.session.commit()
    return discipline, digital


def _ids(page: str, templates) -> list[int]:
    return [template.id for template in templates if f'data-programme-id="{template.id}"' in page]


def test_the_bank_lists_only_published_templates_with_facets(client, english, make):
    discipline, digital = _bank(make)
    page = client.get("/programmes").get_data(as_text=True)
    assert _ids(page, (discipline, digital)) == [discipline.id, digital.id]
    for hidden in ("Программа на модерации", "Возвращённая программа", "Снятая программа"):
        assert hidden not in page
    for facet in ("direction", "form", "period"):
        assert f'name="{facet}"' in page, facet
    assert "Found 2 programmes" in page
    assert _ids(client.get("/programmes?direction=ict").get_data(as_text=True), (discipline, digital)) == [digital.id]
    assert _ids(client.get("/programmes?form=teacher-teacher").get_data(as_text=True),
                (discipline, digital)) == [discipline.id]
    by_period = client.get("/programmes?period=3").get_data(as_text=True)
    assert _ids(by_period, (discipline, digital)) == [digital.id] and "3 months" in by_period


def test_an_inflected_word_finds_the_template(client, english, make):
    discipline, digital = _bank(make)
    assert _ids(client.get("/programmes?q=дисциплиной").get_data(as_text=True), (discipline, digital)) == [discipline.id]
    # The problem and the plan are searched too.
    assert _ids(client.get("/programmes?q=электронного журнала").get_data(as_text=True),
                (discipline, digital)) == [digital.id]
    nothing = client.get("/programmes?q=хореография").get_data(as_text=True)
    assert "Nothing found." in nothing


def test_htmx_gets_the_results_and_the_counts_out_of_band(client, make):
    _bank(make)
    response = client.get("/programmes?q=учитель", headers={"HX-Request": "true"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in page
    assert 'id="programme-results"' in page and 'id="programme-status"' in page and "hx-swap-oob" in page
    assert "HX-Request" in response.headers["Vary"]


def test_search_everything_shows_templates(client, make):
    discipline, _digital = _bank(make)
    page = client.get("/search?q=дисциплина").get_data(as_text=True)
    assert f'href="/programmes/{discipline.id}"' in page


def test_the_template_page_shows_its_content_and_only_published_ones(client, english, make):
    discipline, _digital = _bank(make)
    page = client.get(f"/programmes/{discipline.id}").get_data(as_text=True)
    assert "Освоить приёмы управления классом." in page and "Провести открытый урок" in page
    assert "6 months" in page and "methodical" in page
    assert "Log in to start a programme" in page
    hidden = make.programme_template("Ещё на модерации", status="submitted")
    assert client.get(f"/programmes/{hidden.id}").status_code == 404


def test_the_main_navigation_leads_to_the_bank(client):
    assert 'href="/programmes"' in client.get("/").get_data(as_text=True)


def test_the_api_lists_templates_filtered_like_the_page(client, make):
    discipline, digital = _bank(make)
    data = json.loads(client.get("/api/v1/programmes?direction=ict").get_data(as_text=True))
    assert data["total"] == 1 and [item["id"] for item in data["items"]] == [digital.id]
    item = data["items"][0]
    assert item["period_months"] == 3 and item["directions"] == [{"slug": "ict", "name": "ИКТ и цифровизация"}]
    assert item["plan"] == ["Освоить онлайн-доску"] and item["url"].endswith(f"/programmes/{digital.id}")
    assert "author" not in item and "mentorship_id" not in item
    everything = json.loads(client.get("/api/v1/programmes").get_data(as_text=True))
    assert {facet["value"] for facet in everything["facets"]["period"]} == {"3", "6"}
    one = json.loads(client.get(f"/api/v1/programmes/{discipline.id}").get_data(as_text=True))
    assert one["title"] == "Дисциплина на уроке для молодого учителя" and one["form"]["slug"] == "teacher-teacher"
    hidden = make.programme_template("Ещё на модерации", status="submitted")
    missing = client.get(f"/api/v1/programmes/{hidden.id}")
    assert missing.status_code == 404 and missing.is_json


def test_the_openapi_document_describes_the_programmes(client):
    document = json.loads(client.get("/api/v1/openapi.json").get_data(as_text=True))
    assert {"/api/v1/programmes", "/api/v1/programmes/{template_id}"} <= set(document["paths"])
    assert set(document["components"]["schemas"]["Programme"]["required"]) >= {"title", "plan", "period_months"}


def test_the_bank_speaks_russian_and_escapes_what_authors_typed(client, make):
    from ..conftest import ESCAPED_XSS, XSS

    template = make.programme_template(f"Программа {XSS}", plan=XSS, period_months=3)
    db.session.commit()
    page = client.get("/programmes").get_data(as_text=True)
    assert "Банк программ" in page and "Найдена 1 программа" in page and "3 месяца" in page
    detail = client.get(f"/programmes/{template.id}").get_data(as_text=True)
    assert XSS not in detail and ESCAPED_XSS in detail
