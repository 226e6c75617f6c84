"""GET /api/v1/openapi.json describes every route of the API."""
import re

from openapi_spec_validator import validate


def openapi_path(rule: str) -> str:
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule)


def test_the_document_is_valid_openapi_3_1(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    document = response.get_json()
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_every_api_route_is_described_and_nothing_else(app, client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    routes = {
        openapi_path(rule.rule): rule
        for rule in app.url_map.iter_rules()
        # The catch-all that turns unknown URLs into JSON 404s is no endpoint of the API.
        if rule.rule.startswith("/api/v1") and rule.endpoint != "api.not_found"
    }
    assert set(routes) == set(paths)
    for path, rule in routes.items():
        described = {method.upper() for method in paths[path]}
        assert described == rule.methods - {"HEAD", "OPTIONS"}, path
