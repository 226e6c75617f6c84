"""Numbers too large for the database, and NUL bytes, are refused cleanly: never a 500 (review findings 13,
info "NUL bytes")."""
import pytest

HUGE = "9" * 25


@pytest.mark.parametrize("url", [f"/mentors?region={HUGE}", f"/mentors?municipality={HUGE}",
                                 f"/api/v1/mentors?region={HUGE}", f"/mentors?region=1&region={HUGE}"])
def test_a_huge_facet_id_is_a_bad_request(client, url):
    assert client.get(url).status_code == 400
    assert client.get(url, headers={"HX-Request": "true"}).status_code == 400


@pytest.mark.parametrize("url", [f"/mentors/{HUGE}", f"/organisations/{HUGE}", f"/api/v1/mentors/{HUGE}",
                                 f"/mentors/{2**31}"])
def test_a_huge_id_in_the_path_is_not_found(client, url):
    assert client.get(url).status_code == 404


def test_garbage_facet_ids_are_ignored_as_before(client):
    assert client.get("/mentors?region=abc&region=²").status_code == 200


def test_the_organisation_picker_ignores_a_huge_id(client):
    response = client.get(f"/auth/organisations?q=a&organisation_id={HUGE}", headers={"HX-Request": "true"})
    assert response.status_code == 200


def test_a_nul_byte_in_a_text_field_is_refused_and_not_stored(client, auth, participant):
    from tests.conftest import csrf_token_from

    auth.login(participant)
    page = client.get("/account/profile").get_data(as_text=True)
    response = client.post("/account/profile", data={
        "csrf_token": csrf_token_from(page), "full_name": participant.full_name, "position": "учитель\x00 физики",
    })
    assert response.status_code == 400
    assert "\x00" not in (participant.position or "")


def test_a_nul_byte_in_the_query_string_is_refused(client):
    assert client.get("/mentors?q=a%00b").status_code == 400
