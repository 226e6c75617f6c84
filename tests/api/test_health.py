"""GET /healthz: database and search index status for monitoring."""
import pytest
from sqlalchemy.exc import OperationalError

from mentorbank import create_app, search
from mentorbank.api import health


@pytest.fixture
def indexed(app_context):
    search.ensure_index()


def test_healthy_when_the_database_and_the_index_answer(client, indexed):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.mimetype == "application/json"
    payload = response.get_json()
    assert payload["status"] == "ok"
    assert payload["database"]["ok"] is True
    assert payload["index"]["ok"] is True
    assert response.headers["Cache-Control"] == "no-store"


def test_a_failing_database_is_503_without_details(client, indexed, monkeypatch):
    def refuse():
        raise OperationalError("SELECT 1", {}, Exception("could not connect to server at 10.0.0.5: secret"))

    monkeypatch.setattr(health, "probe_database", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    payload = response.get_json()
    assert payload["status"] == "error"
    assert payload["database"] == {"ok": False, "error": "database unavailable"}
    assert "10.0.0.5" not in response.get_data(as_text=True)


def test_an_unreachable_database_is_503(tmp_path):
    broken = create_app({
        "TESTING": True, "ENV_NAME": "testing", "SECRET_KEY": "test",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'no-such-dir' / 'db.sqlite'}",
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
    })
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["database"]["ok"] is False
    assert "no-such-dir" not in response.get_data(as_text=True)


def test_a_missing_index_is_503_and_said(app, client, tmp_path):
    app.config["SEARCH_INDEX_DIR"] = str(tmp_path / "never-built")
    response = client.get("/healthz")
    assert response.status_code == 503
    payload = response.get_json()
    assert payload["database"]["ok"] is True
    assert payload["index"]["ok"] is False and payload["index"]["error"]


def test_an_unusable_index_directory_is_503(app, client, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    app.config["SEARCH_INDEX_DIR"] = str(blocker / "index")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["index"]["ok"] is False



def test_an_index_error_shows_no_server_paths(client, monkeypatch):
    def failing_status():
        return {"ok": False, "documents": {}, "stale": False, "schema_version": None,
                "error": "[Errno 13] Permission denied: '/srv/mentorbank/search_index/MAIN.toc'"}

    monkeypatch.setattr(search, "index_status", failing_status)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["index"]["error"] == "search index unreadable"
    assert "/srv" not in response.get_data(as_text=True)
