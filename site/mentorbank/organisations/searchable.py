"""What of the organisations directory is searchable: approved organisations, by name, kind and place."""
from collections.abc import Collection, Iterator

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ..extensions import db
from ..search import SearchableType, TextField, register, search
from ..search.analysis import groups_match, index_terms, query_groups
from ..vocabularies.models import Term
from .directory import WordSearch, use_word_search
from .models import Municipality, Organisation, Region, public_organisations

BATCH = 500


def _joined(*parts) -> str:
    return " ".join(part for part in parts if part)


def organisation_documents(session: Session, ids: Collection[int] | None = None) -> Iterator[dict]:
    """The documents of the public organisations (approved; proposed ones wait for a moderator), from the
    columns they need."""
    kind = aliased(Term)
    statement = (
        select(Organisation.id, Organisation.name, Organisation.short_name, kind.name.label("kind_name"),
               Municipality.name.label("municipality_name"), Region.name.label("region_name"))
        .join(kind, Organisation.kind_id == kind.id)
        .join(Municipality, Organisation.municipality_id == Municipality.id)
        .join(Region, Municipality.region_id == Region.id)
        .where(Organisation.is_public)
        .order_by(Organisation.id)
    )
    if ids is not None:
        statement = statement.where(Organisation.id.in_(list(ids)))
    for row in session.execute(statement.execution_options(yield_per=BATCH)):
        title = row.short_name or row.name
        yield {
            "id": row.id,
            "title": title,
            "sort_name": title,
            "name": row.name,
            "short_name": row.short_name or "",
            "kind": row.kind_name,
            "place": _joined(row.municipality_name, row.region_name),
        }


def count_organisations(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(public_organisations().subquery()))


def organisations_in_municipalities(session: Session, ids: set[int]) -> set[int]:
    return set(session.scalars(select(Organisation.id).where(Organisation.municipality_id.in_(ids))))


def organisations_in_regions(session: Session, ids: set[int]) -> set[int]:
    return set(session.scalars(
        select(Organisation.id).join(Municipality).where(Municipality.region_id.in_(ids))
    ))


def organisations_for_hits(hits: list) -> list[tuple[Organisation, object]]:
    ids = [hit.id for hit in hits if hit.type == "organisation"]
    if not ids:
        return []
    found = {o.id: o for o in db.session.scalars(public_organisations().where(Organisation.id.in_(ids)))}
    return [(found[hit.id], hit) for hit in hits if hit.type == "organisation" and hit.id in found]


ORGANISATION_SEARCH = register(SearchableType(
    name="organisation",
    label=_l("Organisations"),
    text_fields=(TextField("name", 3.0), TextField("short_name", 3.0), TextField("kind"), TextField("place")),
    snippet_fields=("name",),
    facets=(),
    sortables=(),
    documents=organisation_documents,
    count=count_organisations,
    watches={
        Organisation: lambda _session, ids: set(ids),
        Municipality: organisations_in_municipalities,
        Region: organisations_in_regions,
    },
    endpoint="organisations.detail",
    id_argument="organisation_id",
    hit_template="search/hits/organisation.html",
    records_for_hits=organisations_for_hits,
))


def public_organisation_ids(query: str, limit: int) -> tuple[list[int], int]:
    # Every word must match: a school that only shares «лицей» with «лицей 999» is not the one typed (the
    # picker then offers to propose it).
    result = search(["organisation"], query, per_page=limit, any_word_fallback=False)
    return result.ids, result.total


def organisation_text_matcher(query: str):
    groups = query_groups(query)
    if not groups:
        return None
    return lambda text: groups_match(groups, index_terms(text))


# The directory's look-up and the admin's organisation list find organisations with the site's search.
use_word_search(WordSearch(public_ids=public_organisation_ids, text_matcher=organisation_text_matcher))
