"""An error during an htmx request answers a message for the error area, not a whole page swapped into a
fragment (header, menu and footer inside the results list)."""
import pytest

HTMX = {"HX-Request": "true"}


def _is_partial(response) -> bool:
    html = response.get_data(as_text=True)
    return "<html" not in html and "<header" not in html and "<footer" not in html


@pytest.mark.parametrize("url", ["/mentors?region=" + "9" * 25, "/mentors/999999", "/no-such-page"])
def test_an_htmx_error_is_a_message_retargeted_to_the_error_area(client, url):
    response = client.get(url, headers=HTMX)
    assert response.status_code in (400, 404)
    assert _is_partial(response)
    assert response.headers["HX-Retarget"] == "#htmx-error" and response.headers["HX-Reswap"] == "innerHTML"
    assert 'class="flash flash-error"' in response.get_data(as_text=True)


def test_without_htmx_the_error_is_a_whole_page(client):
    response = client.get("/mentors/999999")
    assert response.status_code == 404 and "<html" in response.get_data(as_text=True)
    assert "HX-Retarget" not in response.headers


def test_a_boosted_request_gets_the_whole_page(client):
    response = client.get("/mentors/999999", headers={**HTMX, "HX-Boosted": "true"})
    assert "<html" in response.get_data(as_text=True)


def test_a_server_error_during_htmx_is_a_message_too(client, app, monkeypatch):
    def broken():
        raise RuntimeError("boom")

    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    monkeypatch.setitem(app.view_functions, "mentors.index", broken)
    response = client.get("/mentors", headers=HTMX)
    assert response.status_code == 500 and _is_partial(response)
    assert response.headers["HX-Retarget"] == "#htmx-error"


def test_a_refused_csrf_token_during_htmx_is_a_message(client):
    response = client.post("/auth/login", data={"email": "x@example.org", "password": "x"}, headers=HTMX)
    assert response.status_code == 400 and _is_partial(response)


def test_every_page_has_the_error_area(client):
    assert 'id="htmx-error"' in client.get("/").get_data(as_text=True)
