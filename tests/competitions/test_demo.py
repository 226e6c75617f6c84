"""The demo competitions: past ones with published results whose winners became practices, one open with a
jury; the same seed gives the same competitions."""
from sqlalchemy import select

from mentorbank.competitions.models import Competition, CompetitionStatus, Entry, EntryResult, EntryStatus
from mentorbank.extensions import db


def _summary():
    return [(c.year, c.status.value, [(e.title, e.status.value, e.result and e.result.value) for e in
                                       db.session.scalars(select(Entry).where(Entry.competition_id == c.id)
                                                          .order_by(Entry.id))])
            for c in db.session.scalars(select(Competition).order_by(Competition.id))]


def test_demo_competitions(runner, app_context, client):
    result = runner.invoke(args=["demo", "load", "--organisations", "30", "--mentors", "80"])
    assert result.exit_code == 0, result.output
    competitions = list(db.session.scalars(select(Competition).order_by(Competition.id)))
    statuses = [c.status for c in competitions]
    assert statuses.count(CompetitionStatus.RESULTS) == 2 and statuses[-1] == CompetitionStatus.ANNOUNCED
    assert competitions[-1].entries_open() and competitions[-1].jury
    winners = list(db.session.scalars(select(Entry).where(
        Entry.result.in_([EntryResult.FIRST, EntryResult.SECOND, EntryResult.THIRD, EntryResult.LAUREATE]))))
    assert winners and all(entry.practice_id for entry in winners)
    rejected = db.session.scalar(select(Entry).where(Entry.status == EntryStatus.REJECTED))
    page = client.get(f"/competitions/{rejected.competition_id}")
    assert page.status_code == 200 and rejected.title not in page.text or rejected.title in [
        w.title for w in winners]  # titles are drawn from one list: another entry may share it
    assert client.get(f"/competitions/{rejected.competition_id}/entries/{rejected.id}").status_code == 404
