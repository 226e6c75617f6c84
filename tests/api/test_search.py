"""GET /api/v1/search: one search over every public record."""
import pytest

from mentorbank.extensions import db


def test_russian_morphology_finds_other_word_forms(client, bank):
    response = client.get("/api/v1/search?q=наставничеству")
    assert response.status_code == 200 and response.mimetype == "application/json"
    payload = response.get_json()
    assert payload["query"] == "наставничеству"
    hit = next(item for item in payload["items"] if item["type"] == "mentor")
    assert hit["id"] == bank["ivanova"].id
    assert hit["title"] == "Иванова Мария Петровна"
    assert hit["url"] == f"http://localhost/mentors/{bank['ivanova'].id}"
    assert "<mark>наставничество</mark>" in hit["snippet"]


def test_hidden_profiles_are_not_found(client, bank):
    payload = client.get("/api/v1/search?q=Скрытова").get_json()
    assert payload["total"] == 0 and payload["items"] == []


def test_the_type_narrows_to_organisations(client, bank):
    payload = client.get("/api/v1/search?q=Гимназия&type=organisation").get_json()
    assert [(item["type"], item["title"]) for item in payload["items"]] == [("organisation", "МБОУ «Гимназия № 7»")]
    organisation_id = bank["ivanova"].organisation.id
    assert payload["items"][0]["url"] == f"http://localhost/organisations/{organisation_id}"
    assert payload["type"] == "organisation"


def test_an_unknown_type_is_a_json_400(client, bank):
    response = client.get("/api/v1/search?q=математика&type=secrets")
    assert response.status_code == 400 and response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert error["status"] == 400 and "mentor" in error["message"]


@pytest.mark.parametrize("query", ['"наставник', "(((", "AND OR", "*", "bio:", "nosuchfield:x", "а" * 5000, ""])
def test_a_query_the_parser_cannot_read_still_answers(client, bank, query):
    response = client.get("/api/v1/search", query_string={"q": query})
    assert response.status_code == 200
    assert isinstance(response.get_json()["items"], list)


def test_snippets_are_escaped_html(client, make):
    make.mentor("Осторожная Анна", bio="Наставничество <script>alert(1)</script> без опасного кода.")
    db.session.commit()
    hit = client.get("/api/v1/search?q=наставничество&type=mentor").get_json()["items"][0]
    assert "<script>" not in hit["snippet"]
    assert "&lt;script&gt;" in hit["snippet"]


def test_search_pages_are_clamped(client, bank):
    payload = client.get("/api/v1/search?q=учитель&type=mentor&per_page=1&page=999").get_json()
    assert payload["total"] >= 2
    assert payload["page"] == payload["pages"] == payload["total"]
    assert len(payload["items"]) == 1
