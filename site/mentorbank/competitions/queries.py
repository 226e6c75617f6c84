"""The public queries: what a visitor, the search index and the API may see of competitions."""
from sqlalchemy import select

from ..extensions import db
from .models import RESULT_ORDER, Competition, CompetitionStatus, Entry, EntryStatus


def public_competitions():
    """Announced competitions and those with results, newest year first."""
    return (select(Competition).where(Competition.status != CompetitionStatus.DRAFT)
            .order_by(Competition.year.desc(), Competition.entries_open_at.desc(), Competition.id.desc()))


def get_public_competition_or_404(competition_id: int) -> Competition:
    return db.first_or_404(public_competitions().where(Competition.id == competition_id))


def public_entries_query():
    """Admitted entries of public competitions: a rejected or undecided entry is never public."""
    return (select(Entry).join(Competition, Entry.competition_id == Competition.id)
            .where(Entry.status == EntryStatus.ADMITTED, Competition.status != CompetitionStatus.DRAFT))


def public_entries(competition: Competition) -> dict[int, list[Entry]]:
    """A public competition's admitted entries by nomination id."""
    by_nomination: dict[int, list[Entry]] = {}
    for entry in db.session.scalars(public_entries_query().where(Entry.competition_id == competition.id)
                                    .order_by(Entry.id)):
        by_nomination.setdefault(entry.nomination_id, []).append(entry)
    return by_nomination


def results_shown(competition: Competition) -> bool:
    return competition.status == CompetitionStatus.RESULTS


def winners_first(competition: Competition, entries: list[Entry]) -> list[Entry]:
    """Winners by place, then laureates, then the other admitted entries by title; before the results are
    published every entry is in title order (a result set but not published stays hidden)."""
    if not results_shown(competition):
        return sorted(entries, key=lambda entry: entry.title.casefold())
    rank = {result: position for position, result in enumerate(RESULT_ORDER)}
    return sorted(entries, key=lambda entry: (rank.get(entry.result, len(rank)), entry.title.casefold()))
