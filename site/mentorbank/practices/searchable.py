"""What of the practice bank is searchable: published practices (their published version) with the facets and
sorts of /practices, and the titles of their files."""
from collections.abc import Collection, Iterator

from flask_babel import lazy_gettext as _l
from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..organisations.models import Municipality, Organisation, Region
from ..search import SearchableType, TextField, register
from ..vocabularies.models import Term
from . import files
from .cards import practices_for_hits
from .filters import FACETS, ORGANISATION_FACET, VOCABULARY_FACETS, WINNER_FACET, YEAR_FACET
from .models import WINNING_PLACES, Practice, PracticeVersion, practice_version_author, practice_version_term

BATCH = 500


def _joined(*parts) -> str:
    return " ".join(part for part in parts if part)


def _aggregated(link_table, column):
    """version id -> the linked ids as one string ("3,17,42"): one row per version instead of one per link."""
    return (
        select(link_table.c.version_id, func.aggregate_strings(cast(column, String), ",").label("ids"))
        .group_by(link_table.c.version_id)
        .subquery()
    )


def _public_rows(ids: Collection[int] | None):
    terms = _aggregated(practice_version_term, practice_version_term.c.term_id)
    authors = _aggregated(practice_version_author, practice_version_author.c.user_id)
    version = PracticeVersion
    statement = (
        select(
            Practice.id, Practice.first_published_at, version.id.label("version_id"), version.title,
            version.summary, version.body, version.results, version.author_names, version.year, version.place,
            version.competition_title, version.nomination,
            Organisation.id.label("organisation_id"), Organisation.name.label("organisation_name"),
            Organisation.short_name.label("organisation_short_name"), Organisation.kind_id,
            Municipality.id.label("municipality_id"), Municipality.name.label("municipality_name"),
            Region.id.label("region_id"), Region.name.label("region_name"),
            terms.c.ids.label("term_ids"), authors.c.ids.label("author_ids"),
        )
        .join(version, version.id == Practice.published_version_id)
        .outerjoin(Organisation, version.organisation_id == Organisation.id)
        .outerjoin(Municipality, Organisation.municipality_id == Municipality.id)
        .outerjoin(Region, Municipality.region_id == Region.id)
        .outerjoin(terms, terms.c.version_id == version.id)
        .outerjoin(authors, authors.c.version_id == version.id)
        .order_by(Practice.id)
    )
    if ids is not None:
        statement = statement.where(Practice.id.in_(list(ids)))
    return statement


def _split(ids: str | None) -> list[int]:
    return [int(one) for one in ids.split(",")] if ids else []


def practice_documents(session: Session, ids: Collection[int] | None = None) -> Iterator[dict]:
    vocabulary = {row.id: row for row in session.execute(select(Term.id, Term.vocabulary, Term.slug, Term.name))}
    rows = session.execute(_public_rows(ids).execution_options(yield_per=BATCH)).all()
    people = dict(session.execute(select(User.id, User.full_name).where(
        User.id.in_({author for row in rows for author in _split(row.author_ids)}))).tuples().all()) if rows else {}
    file_titles = files.titles_of_versions(session, [row.version_id for row in rows])
    for row in rows:
        terms = [vocabulary[term_id] for term_id in _split(row.term_ids)]
        kind = vocabulary.get(row.kind_id)
        document = {
            "id": row.id,
            "title": row.title,
            "sort_name": row.title,
            "name": row.title,
            "summary": row.summary or "",
            "body": row.body or "",
            "results": row.results or "",
            "authors": _joined(*(people.get(author, "") for author in _split(row.author_ids)), row.author_names),
            "organisation": _joined(row.organisation_name, row.organisation_short_name),
            "place": _joined(row.municipality_name, row.region_name),
            "terms": _joined(*(term.name for term in terms), row.competition_title, row.nomination),
            "files": " ".join(file_titles.get(row.version_id, [])),
            "region": str(row.region_id) if row.region_id else [],
            "municipality": str(row.municipality_id) if row.municipality_id else [],
            ORGANISATION_FACET: str(row.organisation_id) if row.organisation_id else [],
            YEAR_FACET: str(row.year) if row.year else [],
            WINNER_FACET: ["1"] if row.place in WINNING_PLACES else [],
            "published": int(row.first_published_at.timestamp()) if row.first_published_at else 0,
            "year_sort": row.year or 0,
        }
        for facet, vocabulary_name in VOCABULARY_FACETS.items():
            if facet == "org_kind":
                document[facet] = kind.slug if kind is not None else []
            else:
                document[facet] = [term.slug for term in terms if term.vocabulary == vocabulary_name]
        yield document


def count_practices(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Practice).where(Practice.published_version_id.is_not(None)))


def _practices_of_versions(session: Session, version_ids) -> set[int]:
    return set(session.scalars(select(PracticeVersion.record_id).where(PracticeVersion.id.in_(version_ids))))


def _practices_in_organisations(session: Session, organisation_ids) -> set[int]:
    return set(session.scalars(
        select(Practice.id).join(PracticeVersion, PracticeVersion.id == Practice.published_version_id)
        .where(PracticeVersion.organisation_id.in_(organisation_ids))
    ))


# A practice's document carries its published version, its authors' names, its organisation's name and place,
# and its files' titles.
WATCHES = {
    Practice: lambda _session, ids: set(ids),
    PracticeVersion: _practices_of_versions,
    User: lambda session, ids: _practices_of_versions(session, select(practice_version_author.c.version_id).where(
        practice_version_author.c.user_id.in_(ids))),
    Organisation: _practices_in_organisations,
    Municipality: lambda session, ids: _practices_in_organisations(
        session, select(Organisation.id).where(Organisation.municipality_id.in_(ids))),
    Region: lambda session, ids: _practices_in_organisations(
        session, select(Organisation.id).join(Municipality).where(Municipality.region_id.in_(ids))),
    **files.search_watches(_practices_of_versions),
}

PRACTICE_SEARCH = register(SearchableType(
    name="practice",
    label=_l("Practices"),
    text_fields=(
        TextField("name", 4.0), TextField("summary", 2.0), TextField("terms", 1.5), TextField("organisation", 1.5),
        TextField("authors", 1.5), TextField("place"), TextField("results"), TextField("body"), TextField("files"),
    ),
    snippet_fields=("summary", "body", "results", "files"),
    facets=(*FACETS, ORGANISATION_FACET),
    sortables=("published", "year_sort"),
    sorts={"recent": "published", "year": "year_sort"},
    documents=practice_documents,
    count=count_practices,
    watches=WATCHES,
    endpoint="practices.detail",
    id_argument="practice_id",
    hit_template="search/hits/practice.html",
    records_for_hits=practices_for_hits,
    browsable=True,
))
