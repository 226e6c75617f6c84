"""What of the mentor bank is searchable: approved profiles, with the facets and sorts of /mentors."""
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from operator import attrgetter

from flask_babel import lazy_gettext as _l
from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..organisations.models import Municipality, Organisation, Region
from ..search import SearchableType, TextField, register
from ..vocabularies.models import Term
from .filters import ACCEPTING_FACET, FACETS, ORGANISATION_FACET, VOCABULARY_FACETS
from .models import MentorProfile, mentor_profile_term, public_profiles
from .cards import cards_for_hits

BATCH = 500


def _joined(*parts) -> str:
    return " ".join(part for part in parts if part)


@dataclass(frozen=True)
class _TermRow:
    rank: int  # a profile lists its terms in this order (the vocabularies' positions)
    vocabulary: str
    slug: str
    name: str


def _vocabulary(session: Session) -> dict[int, _TermRow]:
    """Every term by id (a few hundred rows), in the order profiles list their terms."""
    rows = session.execute(select(Term.id, Term.vocabulary, Term.slug, Term.name).order_by(Term.position, Term.id))
    return {row.id: _TermRow(rank, row.vocabulary, row.slug, row.name) for rank, row in enumerate(rows)}


def _term_ids_per_profile():
    """profile id -> its term ids as one string ("3,17,42"): one row per profile instead of one per term."""
    link = mentor_profile_term.c
    return (
        select(link.profile_id, func.aggregate_strings(cast(link.term_id, String), ",").label("term_ids"))
        .group_by(link.profile_id)
        .subquery()
    )


def _public_rows(ids: Collection[int] | None):
    """The columns of the public profiles a document needs, with their organisation, place and terms."""
    terms = _term_ids_per_profile()
    statement = (
        select(
            MentorProfile.id, MentorProfile.is_team, MentorProfile.team_name, User.full_name, User.position,
            MentorProfile.subjects, MentorProfile.achievements, MentorProfile.bio,
            MentorProfile.takes_requests.label("accepting_requests"), MentorProfile.published_at, MentorProfile.experience_years,
            Organisation.id.label("organisation_id"), Organisation.name.label("organisation_name"),
            Organisation.short_name.label("organisation_short_name"), Organisation.kind_id,
            Municipality.id.label("municipality_id"), Municipality.name.label("municipality_name"),
            Region.id.label("region_id"), Region.name.label("region_name"), terms.c.term_ids,
        )
        .join(User, MentorProfile.user_id == User.id)
        .join(Organisation, MentorProfile.organisation_id == Organisation.id)
        .join(Municipality, Organisation.municipality_id == Municipality.id)
        .join(Region, Municipality.region_id == Region.id)
        .outerjoin(terms, terms.c.profile_id == MentorProfile.id)
        .where(MentorProfile.is_public)
        .order_by(MentorProfile.id)
    )
    if ids is not None:
        statement = statement.where(MentorProfile.id.in_(list(ids)))
    return statement


def mentor_document(row, vocabulary: dict[int, _TermRow]) -> dict:
    """One public profile's document, from a row of ``_public_rows`` and the terms by id."""
    # MentorProfile.display_name and .position, read from columns: no ORM object is built for a document.
    name = row.team_name if row.is_team and row.team_name else row.full_name
    kind = vocabulary[row.kind_id]
    term_ids = row.term_ids.split(",") if row.term_ids else ()
    terms = sorted((vocabulary[int(term_id)] for term_id in term_ids), key=attrgetter("rank"))
    document = {
        "id": row.id,
        "title": name,
        "sort_name": name,
        "name": name,
        "position": "" if row.is_team else row.position or "",
        "organisation": _joined(row.organisation_name, row.organisation_short_name),
        "place": _joined(row.municipality_name, row.region_name),
        "subjects": row.subjects or "",
        # The Russian names of the profile's terms, so «дистанционный» or «ИКТ» find it.
        "terms": _joined(kind.name, *(term.name for term in terms)),
        "achievements": row.achievements or "",
        "bio": row.bio or "",
        "region": str(row.region_id),
        "municipality": str(row.municipality_id),
        ORGANISATION_FACET: str(row.organisation_id),
        # Only "accepting" is a value one can tick: the others have none.
        ACCEPTING_FACET: ["1"] if row.accepting_requests else [],
        "published": int(row.published_at.timestamp()) if row.published_at else 0,
        "experience": row.experience_years or 0,
    }
    for facet, vocabulary_name in VOCABULARY_FACETS.items():
        if facet == "org_kind":
            document[facet] = kind.slug
        else:
            document[facet] = [term.slug for term in terms if term.vocabulary == vocabulary_name]
    return document


def mentor_documents(session: Session, ids: Collection[int] | None = None) -> Iterator[dict]:
    vocabulary = _vocabulary(session)
    rows = session.execute(_public_rows(ids).execution_options(yield_per=BATCH))
    for row in rows:
        yield mentor_document(row, vocabulary)


def count_mentors(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(public_profiles().subquery()))


def _profiles_where(session: Session, condition) -> set[int]:
    return set(session.scalars(select(MentorProfile.id).where(condition)))


def _profiles_in_organisations(session: Session, organisation_ids) -> set[int]:
    return _profiles_where(session, MentorProfile.organisation_id.in_(organisation_ids))


# A mentor's document carries the person's name, their organisation's name and its place.
WATCHES = {
    MentorProfile: lambda _session, ids: set(ids),
    User: lambda session, ids: _profiles_where(session, MentorProfile.user_id.in_(ids)),
    Organisation: _profiles_in_organisations,
    Municipality: lambda session, ids: _profiles_in_organisations(
        session, select(Organisation.id).where(Organisation.municipality_id.in_(ids))
    ),
    Region: lambda session, ids: _profiles_in_organisations(
        session,
        select(Organisation.id).join(Municipality).where(Municipality.region_id.in_(ids)),
    ),
}

MENTOR_SEARCH = register(SearchableType(
    name="mentor",
    label=_l("Mentors"),
    text_fields=(
        TextField("name", 4.0), TextField("position", 1.5), TextField("organisation", 1.5), TextField("place"),
        TextField("subjects", 2.0), TextField("terms", 1.5), TextField("achievements"), TextField("bio"),
    ),
    snippet_fields=("bio", "achievements", "subjects"),
    facets=(*FACETS, ORGANISATION_FACET),
    sortables=("published", "experience"),
    sorts={"recent": "published", "experience": "experience"},
    documents=mentor_documents,
    count=count_mentors,
    watches=WATCHES,
    endpoint="mentors.detail",
    id_argument="profile_id",
    hit_template="search/hits/mentor.html",
    records_for_hits=cards_for_hits,
    browsable=True,
))
