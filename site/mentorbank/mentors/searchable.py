"""What of the mentor bank is searchable: approved profiles, with the facets and sorts of /mentors."""
from collections.abc import Collection, Iterable

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..organisations.models import Municipality, Organisation, Region
from ..search import SearchableType, TextField, register
from .filters import ACCEPTING_FACET, FACETS, ORGANISATION_FACET, VOCABULARY_FACETS
from .models import MentorProfile, public_profiles
from .cards import cards_for_hits

BATCH = 500


def _joined(*parts) -> str:
    return " ".join(part for part in parts if part)


def mentor_document(profile: MentorProfile) -> dict:
    organisation = profile.organisation
    municipality = organisation.municipality
    document = {
        "id": profile.id,
        "title": profile.display_name,
        "sort_name": profile.display_name,
        "name": profile.display_name,
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
        ORGANISATION_FACET: str(organisation.id),
        # Only "accepting" is a value one can tick: the others have none.
        ACCEPTING_FACET: ["1"] if profile.accepting_requests else [],
        "published": int(profile.published_at.timestamp()) if profile.published_at else 0,
        "experience": profile.experience_years or 0,
    }
    for facet, vocabulary in VOCABULARY_FACETS.items():
        if facet == "org_kind":
            document[facet] = organisation.kind.slug
        else:
            document[facet] = [term.slug for term in profile.terms_in(vocabulary)]
    return document


def load_mentors(session: Session, ids: Collection[int] | None = None) -> Iterable[MentorProfile]:
    statement = public_profiles().order_by(MentorProfile.id)
    if ids is not None:
        statement = statement.where(MentorProfile.id.in_(list(ids)))
    return session.scalars(statement.execution_options(yield_per=BATCH))


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
    load=load_mentors,
    count=count_mentors,
    document=mentor_document,
    watches=WATCHES,
    endpoint="mentors.detail",
    id_argument="profile_id",
    hit_template="search/hits/mentor.html",
    records_for_hits=cards_for_hits,
    browsable=True,
))
