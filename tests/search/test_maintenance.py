"""Rebuild, ensure, status and the ``flask search`` commands."""
import json
import shutil
from pathlib import Path

from flask import current_app

from mentorbank.mentors.models import ProfileStatus
from mentorbank.search import ensure_index, index_status, rebuild
from mentorbank.search.engine import META_FILE, current_generation, schema_version

from .conftest import found_ids
from .test_sync import _break_the_index


def _index_dir() -> Path:
    return Path(current_app.config["SEARCH_INDEX_DIR"])


def _records_without_index(make, commit):
    """Committed records, then the index thrown away: only a rebuild can bring them back."""
    public = make.mentor(bio="Робототехника.")
    make.mentor(status=ProfileStatus.PENDING, bio="Робототехника.")
    commit()
    shutil.rmtree(_index_dir())
    return public


def test_rebuild_indexes_public_records_only(make, commit):
    public = _records_without_index(make, commit)
    seen = []
    assert rebuild(progress=lambda done, total: seen.append((done, total))) == 3  # 1 mentor, 2 organisations
    assert seen[-1] == (3, 3)
    assert found_ids("робототехника") == [public.id]
    assert index_status() == {
        "ok": True, "documents": {"mentor": 1, "organisation": 2}, "schema_version": schema_version(),
        "stale": False, "pending": 0, "error": None,
    }


def test_rebuild_replaces_what_was_there(make, commit):
    public = make.mentor(bio="Робототехника.")
    commit()
    rebuild()
    assert rebuild() == 2
    assert found_ids("робототехника") == [public.id]


def test_ensure_rebuilds_a_missing_index_once(make, commit):
    public = _records_without_index(make, commit)
    assert ensure_index() is True
    assert found_ids("робототехника") == [public.id]
    assert ensure_index() is False


def test_ensure_rebuilds_an_index_of_an_older_schema(make, commit):
    public = _records_without_index(make, commit)
    assert found_ids("робототехника") == []  # creates an empty index…
    (current_generation() / META_FILE).write_text(json.dumps({"schema_version": "older", "rebuilt": True}))
    assert index_status()["ok"] is False
    assert ensure_index() is True
    assert found_ids("робототехника") == [public.id]
    assert index_status()["schema_version"] == schema_version()


def test_ensure_fills_an_index_created_empty_on_first_use(make, commit):
    public = _records_without_index(make, commit)
    assert found_ids("робототехника") == []  # a search on a fresh site creates empty indexes
    assert ensure_index() is True
    assert found_ids("робототехника") == [public.id]


def test_a_missed_update_is_repaired_by_ensure(make, commit):
    first = make.mentor(bio="Робототехника.")
    commit()
    rebuild()
    _break_the_index()
    second = make.mentor(bio="Робототехника.")
    commit()
    assert index_status()["stale"] is True
    assert ensure_index() is True
    assert set(found_ids("робототехника")) == {first.id, second.id}
    assert index_status()["ok"] is True
    assert not (_index_dir() / "STALE").exists()


def test_cli_rebuild_and_ensure(make, commit, runner):
    public = _records_without_index(make, commit)
    result = runner.invoke(args=["search", "rebuild"])
    assert result.exit_code == 0 and "Indexed 3 documents." in result.output
    assert found_ids("робототехника") == [public.id]
    result = runner.invoke(args=["search", "ensure"])
    assert result.exit_code == 0 and "up to date" in result.output
