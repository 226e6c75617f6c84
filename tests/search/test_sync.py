"""The index follows the database after commit: what a visitor sees right after a change."""
import logging

from mentorbank.extensions import db
from mentorbank.mentors.models import ProfileStatus
from mentorbank.search import index_status
from mentorbank.search.engine import current_generation

from .conftest import found_ids, search_all


def test_approved_profile_is_found_after_commit(make, commit):
    profile = make.mentor(status=ProfileStatus.PENDING, bio="Робототехника для начинающих.")
    commit()
    assert found_ids("робототехника") == []
    profile.status, profile.decided_at = ProfileStatus.APPROVED, profile.submitted_at or profile.created_at
    commit()
    assert found_ids("робототехника") == [profile.id]


def test_profile_leaving_approved_leaves_the_index_at_once(make, commit):
    withdrawn = make.mentor(bio="Робототехника.")
    rejected = make.mentor(bio="Робототехника.")
    commit()
    assert set(found_ids("робототехника")) == {withdrawn.id, rejected.id}
    withdrawn.status = ProfileStatus.WITHDRAWN
    rejected.status, rejected.status_reason = ProfileStatus.RETURNED, "Уточните направления."
    commit()
    assert found_ids("робототехника") == []


def test_deleted_profile_leaves_the_index(make, commit):
    profile = make.mentor(bio="Робототехника.")
    commit()
    db.session.delete(profile)
    commit()
    assert found_ids("робототехника") == []
    assert found_ids() == []


def test_rolled_back_changes_are_not_indexed(make, commit):
    make.mentor(bio="Робототехника.")
    db.session.rollback()
    commit()
    assert found_ids("робототехника") == []
    assert index_status()["documents"].get("mentor", 0) == 0


def test_edited_profile_is_found_by_its_new_words(make, commit):
    profile = make.mentor(bio="Робототехника.")
    commit()
    profile.bio = "Шахматы."
    profile.set_terms("mode", [make.term("mode", "remote")])
    commit()
    assert found_ids("робототехника") == []
    assert found_ids("шахматы") == [profile.id]
    assert found_ids("дистанционный") == [profile.id]


def test_renamed_organisation_finds_its_mentors_by_the_new_name(make, commit):
    org = make.organisation(name="Школа № 1")
    profile = make.mentor(org=org)
    commit()
    org.name = "Лицей «Синергия»"
    commit()
    assert found_ids("синергия") == [profile.id]
    hits = search_all("синергия", None, 1, 10).hits
    assert {(hit.type, hit.id) for hit in hits} == {("organisation", org.id), ("mentor", profile.id)}


def test_renamed_person_is_found_by_the_new_name(make, commit):
    profile = make.mentor(full_name="Иванова Мария")
    commit()
    profile.user.full_name = "Смирнова Мария"
    commit()
    assert found_ids("смирнова") == [profile.id]
    assert found_ids("иванова") == []


def _break_the_index() -> None:
    """Damage the current index's own metadata (a disk problem, a bad copy): its writer cannot open."""
    (current_generation() / "meta.json").write_text("damaged")


def test_a_broken_index_does_not_fail_the_commit_and_is_marked_stale(make, commit, caplog):
    make.mentor()
    commit()
    _break_the_index()
    with caplog.at_level(logging.ERROR, logger="mentorbank.search.sync"):
        profile = make.mentor(full_name="Новая Анкета")
        commit()
    assert db.session.get(type(profile), profile.id) is not None
    assert "search index update failed" in caplog.text
    status = index_status()
    assert status["stale"] is True and status["ok"] is False
