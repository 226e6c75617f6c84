"""What each searchable type puts into its index, and the registry of types.

A new type (practices, library items…) is one more schema in schemas.py plus one ``DocType`` here.
"""
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload
from whoosh.fields import Schema

from ..mentors.filters import VOCABULARY_FACETS
from ..mentors.models import MentorProfile, public_profiles
from ..organisations.models import Municipality, Organisation, public_organisations
from .analysis import fold
from .schemas import mentor_schema, organisation_schema

BATCH = 500


@dataclass(frozen=True)
class DocType:
    name: str
    schema: Callable[[], Schema]
    # Fields the query parser searches, and fields a snippet may come from (best first on a tie).
    search_fields: tuple[str, ...]
    snippet_fields: tuple[str, ...]
    # Public records only; all of them when ids is None.
    load: Callable[[Session, Collection[int] | None], Iterable]
    count: Callable[[Session], int]
    document: Callable[[object], dict]

    @property
    def indexname(self) -> str:
        return self.name


def _joined(*parts) -> str:
    return " ".join(part for part in parts if part)


def _with_spelling(document: dict, fields: Iterable[str]) -> dict:
    document["spelling"] = _joined(*(document[name] for name in fields))
    return document


def _in_batches(session: Session, statement, model, ids):
    if ids is not None:
        statement = statement.where(model.id.in_(list(ids)))
    return session.scalars(statement.execution_options(yield_per=BATCH))


# -- mentors ------------------------------------------------------------------------------------------

MENTOR_TEXT_FIELDS = ("name", "position", "organisation", "place", "subjects", "terms", "achievements", "bio")


def mentor_document(profile: MentorProfile) -> dict:
    organisation = profile.organisation
    municipality = organisation.municipality
    document = {
        "id": str(profile.id),
        "title": profile.display_name,
        "name": profile.display_name,
        "name_sort": fold(profile.display_name),
        "position": profile.position or "",
        "organisation": _joined(organisation.name, organisation.short_name),
        "place": _joined(municipality.name, municipality.region.name),
        "subjects": profile.subjects or "",
        # The Russian names of the profile's terms, so «дистанционный» or «ИКТ» find it.
        "terms": _joined(organisation.kind.name, *(term.name for term in profile.terms)),
        "achievements": profile.achievements or "",
        "bio": profile.bio or "",
        "region": str(municipality.region_id),
        "municipality": str(municipality.id),
        "org_kind": organisation.kind.slug,
        "accepting": "1" if profile.accepting_requests else "0",
        "published": int(profile.published_at.timestamp()) if profile.published_at else 0,
        "experience": profile.experience_years or 0,
    }
    for facet, vocabulary in VOCABULARY_FACETS.items():
        if facet != "org_kind":
            document[facet] = " ".join(term.slug for term in profile.terms_in(vocabulary))
    return _with_spelling(document, MENTOR_TEXT_FIELDS)


def load_mentors(session: Session, ids: Collection[int] | None = None) -> Iterable[MentorProfile]:
    return _in_batches(session, public_profiles().order_by(MentorProfile.id), MentorProfile, ids)


def count_mentors(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(public_profiles().subquery()))


# -- organisations ------------------------------------------------------------------------------------


def organisation_document(organisation: Organisation) -> dict:
    municipality = organisation.municipality
    document = {
        "id": str(organisation.id),
        "title": organisation.display_name,
        "name": organisation.name,
        "short_name": organisation.short_name or "",
        "name_sort": fold(organisation.display_name),
        "kind": organisation.kind.name,
        "place": _joined(municipality.name, municipality.region.name),
    }
    return _with_spelling(document, ("name", "short_name", "kind", "place"))


def load_organisations(session: Session, ids: Collection[int] | None = None) -> Iterable[Organisation]:
    # Approved organisations are public directory entries; proposed ones wait for a moderator.
    statement = (
        public_organisations()
        .options(joinedload(Organisation.municipality).joinedload(Municipality.region))
        .order_by(Organisation.id)
    )
    return _in_batches(session, statement, Organisation, ids)


def count_organisations(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(public_organisations().subquery()))


MENTOR = DocType(
    name="mentor",
    schema=mentor_schema,
    search_fields=MENTOR_TEXT_FIELDS,
    snippet_fields=("bio", "achievements", "subjects"),
    load=load_mentors,
    count=count_mentors,
    document=mentor_document,
)
ORGANISATION = DocType(
    name="organisation",
    schema=organisation_schema,
    search_fields=("name", "short_name", "kind", "place"),
    snippet_fields=("name",),
    load=load_organisations,
    count=count_organisations,
    document=organisation_document,
)
DOC_TYPES: dict[str, DocType] = {doc_type.name: doc_type for doc_type in (MENTOR, ORGANISATION)}
