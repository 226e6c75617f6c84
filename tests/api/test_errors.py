"""Every error under /api/v1 is JSON; the rest of the site keeps its own pages; nothing but GET is exposed."""
import pytest

from mentorbank import search


def assert_json_error(response, status: int) -> dict:
    assert response.status_code == status
    assert response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert error["status"] == status and error["message"]
    return error


@pytest.mark.parametrize("url", ["/api/v1/nothing-here", "/api/v1/mentors/abc", "/api/v1/mentors/999999",
                                 "/api/v1/", "/api/v1/mentors/1/extra"])
def test_unknown_urls_are_json_404(client, url):
    assert_json_error(client.get(url), 404)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/v1/mentors", "/api/v1/mentors/1", "/api/v1/search", "/api/v1/openapi.json",
                                 "/api/v1/elsewhere"])
def test_writing_methods_are_json_405(client, method, url):
    response = getattr(client, method)(url, json={})
    assert_json_error(response, 405)
    assert "GET" in response.headers["Allow"] and "POST" not in response.headers["Allow"]


def test_the_api_exposes_only_reading_methods(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1") or rule.rule == "/healthz":
            assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule


def test_a_server_error_is_json_and_says_nothing_of_its_cause(app, client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("password=hunter2 at db.internal")

    monkeypatch.setattr(search, "search", broken)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    response = client.get("/api/v1/mentors")
    error = assert_json_error(response, 500)
    assert error["message"] == "Internal Server Error"
    assert "hunter2" not in response.get_data(as_text=True)


def test_pages_outside_the_api_keep_html_errors(client):
    for response in (client.get("/no-such-page"), client.post("/healthz")):
        assert response.status_code in (404, 405)
        assert response.mimetype != "application/json"
