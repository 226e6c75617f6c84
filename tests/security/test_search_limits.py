"""Expensive searches and the API are rate-limited per client address (review finding 8)."""
import pytest

LONG_QUERY = "учитель физики математики химии биологии истории литературы"


@pytest.mark.parametrize("url", ["/search", "/mentors", "/api/v1/search", "/api/v1/mentors"])
def test_many_word_searches_are_limited_and_short_ones_are_not(client, app, monkeypatch, url):
    monkeypatch.setitem(app.config, "EXPENSIVE_SEARCH_LIMIT", "2/minute")
    for _ in range(4):
        assert client.get(url, query_string={"q": "физика"}).status_code != 429
    statuses = [client.get(url, query_string={"q": LONG_QUERY}).status_code for _ in range(3)]
    assert statuses[:2] != [429, 429] and statuses[2] == 429


def test_the_api_is_limited(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "API_LIMIT", "3/minute")
    statuses = [client.get("/api/v1/mentors").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
