"""The recognition a competition gives: published results of admitted entries, for an organisation's page,
a mentor's profile and the participant's account."""
from sqlalchemy import select

from ..extensions import db
from .models import Competition, CompetitionStatus, Entry, EntryStatus


def _published_results():
    return (select(Entry).join(Competition, Entry.competition_id == Competition.id)
            .where(Entry.status == EntryStatus.ADMITTED, Entry.result.is_not(None),
                   Competition.status == CompetitionStatus.RESULTS)
            .order_by(Competition.year.desc(), Entry.id))


def awards_of_organisation(organisation_id: int) -> list[Entry]:
    return [entry for entry in db.session.scalars(_published_results().where(Entry.organisation_id == organisation_id))
            if entry.result.is_winner]


def awards_of_user(user_id: int) -> list[Entry]:
    return [entry for entry in db.session.scalars(_published_results().where(Entry.submitted_by_id == user_id))
            if entry.result.is_winner]


def newest_results(limit: int) -> list[Competition]:
    """Competitions whose results are published, newest publication first: the feed's source (feed/ is on the
    library branch: at merge, ``register_source("competitions", …)`` maps each to a FeedEntry with the id
    ``tag:<host>,<year>:competition-<id>-results-<published at>``, so reopened and republished results are a
    new entry)."""
    return list(db.session.scalars(
        select(Competition).where(Competition.status == CompetitionStatus.RESULTS)
        .order_by(Competition.results_published_at.desc(), Competition.id.desc()).limit(limit)))
