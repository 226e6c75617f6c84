"""/practices: facets, full-text search with Russian morphology, htmx partials; /search shows practices; the
practice page with its provenance; organisation pages and mentor profiles list practices; adoptions."""
from mentorbank.extensions import db
from mentorbank.practices.models import Place, PracticeStatus

from ..conftest import post_form


def _bank(make):
    kazan = make.organisation("МБОУ «Лицей № 58»")
    barnaul = make.organisation("МБОУ «СОШ № 91»", municipality_name="г. Барнаул", region_name="Алтайский край")
    first = make.practice("Практика наставничества молодых педагогов", org=kazan, year=2021,
                          terms={"direction": ["methodical"], "level": ["municipal"], "form": ["teacher-teacher"]})
    second = make.practice("Цифровая школа наставника", org=barnaul, year=2023,
                           summary="Наставники учат коллег цифровым инструментам.",
                           terms={"direction": ["ict"], "level": ["regional"]},
                           competition_title="Эффективные практики наставничества", contest_year=2024,
                           nomination="педагог – педагог", place=Place.FIRST)
    make.practice("Черновик, который никто не видит", org=kazan, status="draft")
    db.session.commit()
    return first, second, kazan, barnaul


def _ids(page: str, practices) -> list[int]:
    return [practice.id for practice in practices if f'data-practice-id="{practice.id}"' in page]


def test_the_bank_lists_only_published_practices_with_facets(client, make):
    first, second, kazan, barnaul = _bank(make)
    page = client.get("/practices").get_data(as_text=True)
    assert _ids(page, (first, second)) == [first.id, second.id]
    assert "Черновик" not in page
    for facet in ("region", "municipality", "level", "form", "direction", "year", "org_kind", "winner"):
        assert f'name="{facet}"' in page, facet
    by_region = client.get(f"/practices?region={barnaul.municipality.region_id}").get_data(as_text=True)
    assert _ids(by_region, (first, second)) == [second.id]
    assert _ids(client.get("/practices?direction=methodical").get_data(as_text=True), (first, second)) == [first.id]
    assert _ids(client.get("/practices?year=2021").get_data(as_text=True), (first, second)) == [first.id]
    assert _ids(client.get("/practices?level=regional").get_data(as_text=True), (first, second)) == [second.id]
    assert _ids(client.get("/practices?org_kind=school&winner=1").get_data(as_text=True), (first, second)) == [second.id]


def test_an_inflected_word_finds_the_practice(client, make):
    first, second, _kazan, _barnaul = _bank(make)
    page = client.get("/practices?q=практикой наставничества").get_data(as_text=True)
    assert first.id in _ids(page, (first, second))
    assert _ids(client.get("/practices?q=цифровыми инструментами").get_data(as_text=True), (first, second)) == [second.id]


def test_htmx_gets_the_results_and_the_counts_out_of_band(client, make):
    _bank(make)
    response = client.get("/practices?q=наставник", headers={"HX-Request": "true"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in page
    assert 'id="practice-results"' in page and 'id="practice-status"' in page and 'hx-swap-oob' in page


def test_search_everything_shows_practices_with_their_own_hit(client, make):
    first, _second, _kazan, _barnaul = _bank(make)
    page = client.get("/search?q=практики наставничества").get_data(as_text=True)
    assert f'data-practice-id="{first.id}"' in page and f'href="/practices/{first.id}"' in page


def test_the_practice_page_shows_authors_organisation_and_provenance(client, make):
    _first, second, _kazan, barnaul = _bank(make)
    page = client.get(f"/practices/{second.id}").get_data(as_text=True)
    assert "Цифровая школа наставника" in page and f'href="/organisations/{barnaul.id}"' in page
    assert "Кириллова Наталья Олеговна" in page
    assert "Эффективные практики наставничества, 2024" in page and "1 место" in page


def test_organisation_pages_and_mentor_profiles_list_practices(client, make):
    first, _second, kazan, _barnaul = _bank(make)
    assert f'/practices/{first.id}"' in client.get(f"/organisations/{kazan.id}").get_data(as_text=True)
    mentor = make.mentor(user=first.owner)
    db.session.commit()
    assert f'/practices/{first.id}"' in client.get(f"/mentors/{mentor.id}").get_data(as_text=True)


def test_a_school_records_an_adoption_and_later_its_outcome(client, log_in, make, participant):
    first, _second, _kazan, _barnaul = _bank(make)
    anonymous = post_form(client, f"/practices/{first.id}/adoptions", {"how": "Взяли."}, page_url="/")
    assert "/auth/login" in anonymous.headers["Location"] and first.adoptions == []
    log_in(participant)
    post_form(client, f"/practices/{first.id}/adoptions", {"how": "Взяли систему встреч, сократили до месяца."},
              page_url=f"/practices/{first.id}")
    [adoption] = first.adoptions
    assert adoption.organisation_id == participant.organisation_id
    post_form(client, f"/practices/{first.id}/adoptions/{adoption.id}/outcome",
              {"outcome": "Двое молодых учителей остались в школе."}, page_url=f"/practices/{first.id}")
    page = client.get(f"/practices/{first.id}").get_data(as_text=True)
    assert f'href="/organisations/{participant.organisation_id}"' in page
    assert "Взяли систему встреч" in page and "Двое молодых учителей остались в школе." in page
    api = client.get(f"/api/v1/practices/{first.id}").get_json()
    assert api["adoptions"][0]["outcome"] == "Двое молодых учителей остались в школе."


def test_only_the_school_that_adopted_reports_the_outcome(client, log_in, make, participant):
    first, _second, _kazan, _barnaul = _bank(make)
    log_in(participant)
    post_form(client, f"/practices/{first.id}/adoptions", {"how": "Взяли систему встреч."},
              page_url=f"/practices/{first.id}")
    [adoption] = first.adoptions
    log_in(make.user("Смирнов Олег Игоревич"))
    response = post_form(client, f"/practices/{first.id}/adoptions/{adoption.id}/outcome", {"outcome": "Чужой отчёт"},
                         page_url=f"/practices/{first.id}")
    assert response.status_code == 403 and adoption.outcome is None


def test_the_api_lists_and_shows_published_practices(client, make):
    first, second, _kazan, _barnaul = _bank(make)
    listed = client.get("/api/v1/practices?q=цифровой").get_json()
    assert [item["id"] for item in listed["items"]] == [second.id]
    assert listed["items"][0]["provenance"]["place"] == "first"
    assert {value["value"] for value in client.get("/api/v1/practices").get_json()["facets"]["direction"]} == {
        "methodical", "ict"}
    one = client.get(f"/api/v1/practices/{first.id}").get_json()
    assert one["title"] == "Практика наставничества молодых педагогов"
    assert one["directions"] == [{"slug": "methodical", "name": "методическое"}]
    draft = make.practice("Ещё черновик", status="submitted")
    assert client.get(f"/api/v1/practices/{draft.id}").status_code == 404
    assert first.published_version.status == PracticeStatus.PUBLISHED
