"""Competition test data: a competition whose entries are open now (the server clock), its jury and entries."""
from datetime import timedelta

import pytest

from mentorbank.competitions import services
from mentorbank.competitions.models import CompetitionLevel, CompetitionStatus, EntryStatus
from mentorbank.core.models import utcnow
from mentorbank.core.workflow import transition
from mentorbank.extensions import db


def make_competition(moderator, *, open_for=timedelta(days=10), opened=timedelta(days=5),
                     status=CompetitionStatus.ANNOUNCED, criteria=services.DEFAULT_CRITERIA):
    now = utcnow()
    competition = services.save_competition(
        None, title="Эффективные практики наставничества", year=now.year, level=CompetitionLevel.REGIONAL,
        rules="## Условия\n\nКонкурс проводится **заочно**.<script>alert(1)</script>",
        entries_open_at=now - opened, entries_close_at=now - opened + open_for, results_on=None,
        nominations=list(services.DEFAULT_NOMINATIONS), criteria=list(criteria), actor=moderator,
    )
    if status != CompetitionStatus.DRAFT:
        transition(competition, CompetitionStatus.ANNOUNCED, moderator)
    db.session.flush()
    return competition


def make_entry(competition, author, title="Наставничество «педагог – педагог» в сельской школе",
               nomination=0, organisation=None):
    return services.submit_entry(
        competition, author, nomination_id=competition.nominations[nomination].id, title=title,
        description="Молодые учителя работают в паре с опытными коллегами весь учебный год.",
        organisation_id=(organisation or author.organisation).id, is_team=False, team_name=None,
        participants=author.full_name, source_practice_id=None,
    )


def close_entries(competition):
    """Entries closed a minute ago (the rows' times move, the clock stays the server's)."""
    now = utcnow()
    competition.entries_open_at = now - timedelta(days=30)
    competition.entries_close_at = now - timedelta(minutes=1)
    db.session.flush()


def start_judging(competition, moderator):
    close_entries(competition)
    services.move_competition(competition, CompetitionStatus.JUDGING, moderator)


@pytest.fixture
def competition(make, moderator):
    return make_competition(moderator)


@pytest.fixture
def participant(make):
    return make.user(full_name="Петрова Анна Сергеевна", email="anna.petrova@example.org",
                     org=make.organisation("МБОУ «Лицей № 5»"))


@pytest.fixture
def judging(make, moderator, competition, participant):
    """A competition being judged: two admitted entries, a rejected one; jurors from other schools and one
    from the school of the first entry."""
    first = make_entry(competition, participant)
    other_author = make.user(full_name="Сидоров Павел Ильич", email="pavel@example.org")
    second = make_entry(competition, other_author, title="Клуб молодого педагога")
    rejected = make_entry(competition, other_author, title="Черновик без описания")
    start_judging(competition, moderator)
    services.decide_entry(first, True, moderator)
    services.decide_entry(second, True, moderator)
    services.decide_entry(rejected, False, moderator, "Не соответствует положению о конкурсе.")
    jurors = [make.user(full_name="Жюри Первый Иванович", email="j1@example.org"),
              make.user(full_name="Жюри Второй Петрович", email="j2@example.org"),
              make.user(full_name="Коллега Анны Сергеевны", email="j3@example.org", org=participant.organisation)]
    services.set_jury(competition, {juror.id: [] for juror in jurors})
    db.session.flush()
    assert first.status == EntryStatus.ADMITTED
    return {"competition": competition, "entries": [first, second], "rejected": rejected, "jurors": jurors}
