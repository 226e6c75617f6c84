"""What of competitions is searchable: the admitted entries of public competitions (never a rejected or an
undecided one), by title, description, participants, organisation and competition."""
from collections.abc import Collection, Iterator

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..extensions import db
from ..organisations.models import Organisation
from ..search import SearchableType, TextField, register
from .models import Competition, CompetitionStatus, Entry, EntryStatus, Nomination
from .queries import public_entries_query

BATCH = 500


def _public(statement):
    return statement.where(Entry.status == EntryStatus.ADMITTED, Competition.status != CompetitionStatus.DRAFT)


def entry_documents(session: Session, ids: Collection[int] | None = None) -> Iterator[dict]:
    statement = _public(
        select(Entry.id, Entry.title, Entry.description, Entry.participants, Entry.team_name,
               Organisation.name.label("organisation_name"), Competition.title.label("competition_title"),
               Competition.year, Nomination.name.label("nomination_name"))
        .join(Competition, Entry.competition_id == Competition.id)
        .join(Nomination, Entry.nomination_id == Nomination.id)
        .join(Organisation, Entry.organisation_id == Organisation.id)
        .order_by(Entry.id)
    )
    if ids is not None:
        statement = statement.where(Entry.id.in_(list(ids)))
    for row in session.execute(statement.execution_options(yield_per=BATCH)):
        yield {
            "id": row.id,
            "title": row.title,
            "sort_name": row.title,
            "name": row.title,
            "description": row.description or "",
            "participants": " ".join(part for part in (row.team_name, row.participants) if part),
            "organisation": row.organisation_name,
            "competition": f"{row.competition_title} {row.year} {row.nomination_name}",
        }


def count_entries(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(public_entries_query().subquery()))


def entries_for_hits(hits: list) -> list[tuple[Entry, object]]:
    ids = [hit.id for hit in hits if hit.type == "competition_entry"]
    if not ids:
        return []
    found = {entry.id: entry for entry in db.session.scalars(public_entries_query().where(Entry.id.in_(ids)))}
    return [(found[hit.id], hit) for hit in hits if hit.type == "competition_entry" and hit.id in found]


def _entries_where(session: Session, condition) -> set[int]:
    return set(session.scalars(select(Entry.id).where(condition)))


ENTRY_SEARCH = register(SearchableType(
    name="competition_entry",
    label=_l("Competition entries"),
    text_fields=(TextField("name", 3.0), TextField("description"), TextField("participants", 1.5),
                 TextField("organisation", 1.5), TextField("competition")),
    snippet_fields=("description",),
    facets=(),
    sortables=(),
    documents=entry_documents,
    count=count_entries,
    watches={
        Entry: lambda _session, ids: set(ids),
        # An announcement withdrawn, or a competition renamed, changes its entries' documents.
        Competition: lambda session, ids: _entries_where(session, Entry.competition_id.in_(ids)),
        Nomination: lambda session, ids: _entries_where(session, Entry.nomination_id.in_(ids)),
        Organisation: lambda session, ids: _entries_where(session, Entry.organisation_id.in_(ids)),
    },
    endpoint="competitions.entry_link",
    id_argument="entry_id",
    hit_template="search/hits/competition_entry.html",
    records_for_hits=entries_for_hits,
))
