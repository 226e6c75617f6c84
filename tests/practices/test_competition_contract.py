"""The competitions' contract: a winning work becomes a published practice with its provenance, or a new
published version of the practice it came from while that practice's history stays."""
from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.practices.models import Place, PracticeStatus
from mentorbank.practices.services import Provenance, create_or_update_from_competition
from mentorbank.vocabularies.models import Vocabulary


def _from_contest(make, moderator, source_practice_id=None, title="Школа молодого педагога"):
    school = make.organisation()
    direction = make.term(Vocabulary.DIRECTION, "methodical")
    return create_or_update_from_competition(
        title=title, summary="Сопровождение молодых учителей в первые три года.", body="## Цели\nАдаптация.",
        organisation_id=school.id, authors=[moderator, "Иванова Мария Петровна"], term_ids=[direction.id],
        year=2024, provenance=Provenance(competition_title="Эффективные практики наставничества 2025",
                                         nomination="педагог – педагог", year=2025, place=Place.FIRST),
        attachments_from=None, source_practice_id=source_practice_id, actor=moderator,
    ), school, direction


def test_a_winning_work_becomes_a_published_practice_with_its_provenance(make, moderator):
    practice, school, direction = _from_contest(make, moderator)
    version = practice.published_version
    assert practice.pending_version is None
    assert version.status == PracticeStatus.PUBLISHED
    assert (version.title, version.organisation_id, version.year) == ("Школа молодого педагога", school.id, 2024)
    assert version.authors == [moderator] and version.author_name_list == ["Иванова Мария Петровна"]
    assert version.terms == [direction]
    assert (version.competition_title, version.nomination, version.contest_year, version.place) == (
        "Эффективные практики наставничества 2025", "педагог – педагог", 2025, Place.FIRST)
    assert version.is_winner and practice.first_published_at is not None
    actions = db.session.scalars(db.select(AuditEntry.action).where(AuditEntry.target_id == practice.id,
                                                                    AuditEntry.target_type == "practice"))
    assert list(actions) == ["practice.publish_winner"]


def test_a_winning_work_updates_the_practice_it_came_from(make, moderator):
    practice, _school, _direction = _from_contest(make, moderator, title="Первая редакция")
    first_version = practice.published_version
    updated, _school, _direction = _from_contest(make, moderator, source_practice_id=practice.id,
                                                 title="Редакция после конкурса")
    assert updated.id == practice.id
    assert updated.published_version.title == "Редакция после конкурса"
    assert updated.published_version is not first_version
    assert first_version.title == "Первая редакция"  # the old version stays as history
