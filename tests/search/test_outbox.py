"""No index change is lost and no save waits on the index: the outbox written with the data change."""
import time

import pytest

from mentorbank.extensions import db
from mentorbank.mentors.models import ProfileStatus
from mentorbank.search import IndexBusy, apply_pending, engine, index_status, rebuild, sync

from .conftest import found_ids


@pytest.fixture
def worker_killed_after_commit(monkeypatch):
    """The database commit stands, the index update that should follow it never runs."""
    monkeypatch.setattr(sync, "apply_pending", lambda *args, **kwargs: 0)
    return monkeypatch


def test_the_change_is_recorded_in_the_same_transaction_and_a_rollback_records_nothing(make, commit):
    make.mentor(bio="Робототехника.")
    db.session.flush()
    assert sync.pending_count() > 0  # written by the flush, before any commit
    db.session.rollback()
    assert sync.pending_count() == 0
    commit()
    assert found_ids("робототехника") == []


def test_a_change_left_by_a_killed_worker_is_applied_by_the_next_apply(make, commit, worker_killed_after_commit):
    profile = make.mentor(bio="Робототехника.")
    commit()
    worker_killed_after_commit.undo()
    apply_pending()
    assert found_ids("робототехника") == [profile.id]

    worker_killed_after_commit.setattr(sync, "apply_pending", lambda *args, **kwargs: 0)
    profile.status = ProfileStatus.WITHDRAWN
    commit()
    assert found_ids("робототехника") == [profile.id]  # what the attacker saw: still public
    assert index_status()["pending"] == 1
    worker_killed_after_commit.undo()
    assert apply_pending() == 1
    assert found_ids("робототехника") == []
    assert index_status()["pending"] == 0


def test_the_next_request_of_any_worker_finishes_what_a_dead_one_left(
    app, client, make, commit, worker_killed_after_commit
):
    profile = make.mentor(bio="Робототехника.")
    commit()
    worker_killed_after_commit.undo()
    app.config["SEARCH_CATCH_UP_SECONDS"] = 0
    payload = client.get("/api/v1/search?q=робототехника").get_json()
    assert [item["id"] for item in payload["items"]] == [profile.id]


def test_healthz_reports_changes_waiting_too_long(app, client, make, commit, worker_killed_after_commit):
    rebuild()
    make.mentor(bio="Робототехника.")
    commit()
    assert client.get("/healthz").status_code == 200  # waiting, but not for long yet
    app.config["SEARCH_PENDING_MAX_AGE"] = 0
    time.sleep(0.01)
    response = client.get("/healthz")
    assert response.status_code == 503
    index = response.get_json()["index"]
    assert index["pending"] > 0 and index["error"].startswith("updates waiting")


def test_ensure_and_the_sync_command_apply_what_waits(make, commit, runner, worker_killed_after_commit):
    first = make.mentor(bio="Робототехника.")
    commit()
    rebuild()
    second = make.mentor(bio="Робототехника.")
    commit()
    worker_killed_after_commit.undo()
    result = runner.invoke(args=["search", "sync"])
    assert result.exit_code == 0 and "changes; 0 waiting." in result.output
    assert set(found_ids("робототехника")) == {first.id, second.id}


def test_a_busy_writer_never_delays_a_save_and_the_change_follows_later(make, commit):
    make.mentor()
    commit()
    with engine.writer():  # an import, a rebuild or another worker holding the index
        with pytest.raises(IndexBusy):
            with engine.writer():
                pass
        profile = make.mentor(bio="Робототехника.")
        started = time.monotonic()
        commit()
        assert time.monotonic() - started < 1.0
        assert db.session.get(type(profile), profile.id) is not None
        assert found_ids("робототехника") == []
        assert index_status()["stale"] is False and index_status()["pending"] > 0
    apply_pending()
    assert found_ids("робототехника") == [profile.id]


def test_rebuild_swaps_in_a_new_index_and_the_old_one_answers_until_then(make, commit):
    old = make.mentor(bio="Робототехника.")
    commit()
    rebuild()
    before = engine.current_generation()
    seen_during = []

    def progress(done, total):
        if done == 1:
            seen_during.append(found_ids("робототехника"))
            # A save while the new index is being built: applied to the new index, not lost with the old.
            old.bio = "Шахматы."
            commit()

    rebuild(progress)
    assert seen_during == [[old.id]]
    assert engine.current_generation() != before
    assert found_ids("шахматы") == [old.id] and found_ids("робототехника") == []
    assert index_status()["pending"] == 0
