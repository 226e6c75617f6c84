"""GET /api/v1/mentors and /api/v1/mentors/<id>: public mentors as open data."""
import pytest

from mentorbank.extensions import db

from .conftest import SECRET_EMAIL, SECRET_PHONE


def names(payload) -> list[str]:
    return [item["name"] for item in payload["items"]]


def test_the_list_holds_approved_mentors_only(client, bank):
    response = client.get("/api/v1/mentors")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    payload = response.get_json()
    assert payload["total"] == 3
    assert names(payload) == ["Иванова Мария Петровна", "Петров Андрей Сергеевич", "Сидорова Елена Викторовна"]
    assert (payload["page"], payload["per_page"], payload["pages"]) == (1, 20, 1)


def test_an_item_carries_the_public_fields(client, bank):
    profile = bank["ivanova"]
    item = client.get("/api/v1/mentors?q=Иванова").get_json()["items"][0]
    assert item["id"] == profile.id
    assert item["url"] == f"http://localhost/mentors/{profile.id}"
    assert item["organisation"] == {
        "id": profile.organisation.id, "name": "МБОУ «Гимназия № 7»",
        "url": f"http://localhost/organisations/{profile.organisation.id}",
    }
    assert item["municipality"]["name"] == "г. Казань"
    assert item["region"]["name"] == "Республика Татарстан"
    assert item["subjects"] == ["математика"]
    assert item["experience_years"] == 25
    assert item["modes"] == [{"slug": "remote", "name": "дистанционный"}]
    assert item["directions"] == [{"slug": "methodical", "name": "методическое"}]
    assert [t["slug"] for t in item["competences"]] == ["expert"]
    assert item["forms"] == [] and item["mentee_categories"] == []
    assert item["is_team"] is False and item["position"] == "учитель"
    assert item["accepting_requests"] is True and item["capacity"] == 3
    assert item["achievements"] == "Победитель конкурса «Учитель года»"
    assert item["published_at"].endswith("+00:00")


def test_contacts_never_appear_in_the_json(client, bank):
    profile_id = bank["ivanova"].id
    for url in ("/api/v1/mentors", f"/api/v1/mentors/{profile_id}", "/api/v1/search?q=Иванова",
                "/api/v1/mentors?q=Иванова&per_page=100"):
        text = client.get(url).get_data(as_text=True)
        assert "Иванова" in text, url
        assert SECRET_EMAIL not in text and SECRET_PHONE not in text, url
        assert "hidden.contact" not in text and "555-12-34" not in text, url


@pytest.mark.parametrize(
    "query, expected",
    [
        ("mode=remote", ["Иванова Мария Петровна", "Сидорова Елена Викторовна"]),
        ("mode=remote&mode=in-person", ["Иванова Мария Петровна", "Петров Андрей Сергеевич",
                                        "Сидорова Елена Викторовна"]),
        ("mode=remote&accepting=1", ["Иванова Мария Петровна"]),
        ("form=teacher-teacher", ["Петров Андрей Сергеевич"]),
        ("q=физике", ["Петров Андрей Сергеевич"]),
        ("q=цифровых+технологий", ["Сидорова Елена Викторовна"]),
        ("mode=no-such-mode", []),
    ],
)
def test_filters_are_those_of_the_mentors_page(client, bank, query, expected):
    payload = client.get(f"/api/v1/mentors?{query}").get_json()
    assert sorted(names(payload)) == expected
    assert payload["total"] == len(expected)


def test_region_filter_and_facet_counts(client, bank):
    ufa_region = bank["sidorova"].organisation.municipality.region
    payload = client.get(f"/api/v1/mentors?region={ufa_region.id}").get_json()
    assert names(payload) == ["Сидорова Елена Викторовна"]
    regions = {entry["name"]: entry["count"] for entry in payload["facets"]["region"]}
    # The region facet counts ignore its own selection, so the other region still shows its mentors.
    assert regions == {"Республика Татарстан": 2, "Республика Башкортостан": 1}
    modes = {entry["value"]: entry for entry in payload["facets"]["mode"]}
    assert modes["blended"] == {"value": "blended", "name": "смешанный", "count": 1}


def test_sort_by_experience(client, bank):
    payload = client.get("/api/v1/mentors?sort=experience").get_json()
    assert [item["experience_years"] for item in payload["items"]] == [25, 12, 8]


def test_pages_split_the_total(client, bank):
    first = client.get("/api/v1/mentors?per_page=2").get_json()
    second = client.get("/api/v1/mentors?per_page=2&page=2").get_json()
    assert (first["total"], first["pages"], len(first["items"])) == (3, 2, 2)
    assert (second["page"], len(second["items"])) == (2, 1)
    assert set(names(first)).isdisjoint(names(second))


@pytest.mark.parametrize(
    "query, expected_page, per_page, shown",
    [
        ("per_page=0", 1, 1, 1),
        ("per_page=-5", 1, 1, 1),
        ("per_page=abc", 1, 20, 3),
        ("per_page=100000", 1, 100, 3),
        ("page=0", 1, 20, 3),
        ("page=-1&per_page=x", 1, 20, 3),
        ("page=abc", 1, 20, 3),
        ("page=99999999999999999999", 1, 20, 3),
        ("page=5&per_page=2", 2, 2, 1),
    ],
)
def test_bad_paging_values_are_clamped(client, bank, query, expected_page, per_page, shown):
    response = client.get(f"/api/v1/mentors?{query}")
    assert response.status_code == 200
    payload = response.get_json()
    assert (payload["page"], payload["per_page"], len(payload["items"])) == (expected_page, per_page, shown)


def test_one_profile(client, bank):
    profile = bank["petrov"]
    response = client.get(f"/api/v1/mentors/{profile.id}")
    assert response.status_code == 200 and response.mimetype == "application/json"
    item = response.get_json()
    assert item["name"] == "Петров Андрей Сергеевич"
    assert item["subjects"] == ["физика", "астрономия"]
    assert item["forms"] == [{"slug": "teacher-teacher", "name": "педагог – педагог"}]


@pytest.mark.parametrize("status", ["draft", "pending", "returned", "withdrawn"])
def test_a_profile_that_is_not_approved_is_not_found(client, bank, status):
    response = client.get(f"/api/v1/mentors/{bank[status].id}")
    assert response.status_code == 404
    assert response.get_json() == {"error": {"status": 404, "message": "Not Found"}}
    assert "Скрытова" not in response.get_data(as_text=True)


def test_a_withdrawn_profile_leaves_the_list_at_once(client, bank):
    from mentorbank.mentors.models import ProfileStatus

    bank["petrov"].status = ProfileStatus.WITHDRAWN
    db.session.commit()
    payload = client.get("/api/v1/mentors").get_json()
    assert "Петров Андрей Сергеевич" not in names(payload)
    assert client.get(f"/api/v1/mentors/{bank['petrov'].id}").status_code == 404
