"""Public records as JSON. Only fields a visitor may see: a mentor's e-mail and phone never appear here."""
from datetime import UTC, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..core import records
from ..extensions import db
from ..mentors.filters import ACCEPTING_FACET, GEOGRAPHY_FACETS, VOCABULARY_FACETS
from ..mentors.models import MENTOR_TERM_GROUPS, MentorProfile
from ..mentors.ratings import PublicRating
from ..organisations.models import Municipality, Organisation, Region
from ..practices import filters as practice_filters
from ..practices.models import PRACTICE_TERM_GROUPS, Practice
from ..search.results import Hit
from ..vocabularies.models import Term, Vocabulary


# JSON key -> vocabulary, for the term lists of a mentor.
TERM_LISTS = {**MENTOR_TERM_GROUPS, "levels": Vocabulary.LEVEL}


def page_url(doc_type: str, record_id: int) -> str:
    """The public HTML page of a record, as an absolute URL (core.records knows each type's page)."""
    return records.public_url(doc_type, record_id, external=True)


def iso(moment: datetime | None) -> str | None:
    """Stored times are naive UTC (core.models.utcnow); say so in the ISO 8601 text."""
    return moment.replace(tzinfo=UTC).isoformat() if moment else None


def term_json(term: Term) -> dict:
    return {"slug": term.slug, "name": term.name}


def rating_json(rating: PublicRating | None) -> dict | None:
    if rating is None:
        return None
    return {"average": float(rating.average), "answers": rating.answers, "scale": 5}


def mentor_json(profile: MentorProfile, rating: PublicRating | None = None) -> dict:
    organisation = profile.organisation
    municipality = organisation.municipality
    data = {
        "id": profile.id,
        "url": page_url("mentor", profile.id),
        "name": profile.display_name,
        "is_team": profile.is_team,
        "position": profile.position,
        "organisation": {
            "id": organisation.id,
            "name": organisation.name,
            "url": page_url("organisation", organisation.id),
        },
        "municipality": {"id": municipality.id, "name": municipality.name},
        "region": {"id": municipality.region.id, "name": municipality.region.name},
        "subjects": profile.subject_list,
        "experience_years": profile.experience_years,
        "capacity": profile.capacity,
        "accepting_requests": profile.takes_requests,  # as the card and the "accepting" facet
        "achievements": profile.achievements,
        "bio": profile.bio,
        "published_at": iso(profile.published_at),
        "last_active_at": iso(profile.last_active_at),
        "rating": rating_json(rating),
    }
    for key, vocabulary in TERM_LISTS.items():
        data[key] = [term_json(term) for term in profile.terms_in(vocabulary)]
    return data


def hit_json(hit: Hit) -> dict:
    # The snippet is already escaped HTML with <mark> around matched words; clients render it as HTML.
    return {
        "type": hit.type,
        "id": hit.id,
        "title": hit.title,
        "url": page_url(hit.type, hit.id),
        "snippet": str(hit.snippet),
    }


def _organisation_json(organisation: Organisation | None) -> dict | None:
    if organisation is None:
        return None
    municipality = organisation.municipality
    return {
        "id": organisation.id, "name": organisation.name, "url": page_url("organisation", organisation.id),
        "municipality": {"id": municipality.id, "name": municipality.name},
        "region": {"id": municipality.region.id, "name": municipality.region.name},
    }


def practice_json(practice: Practice) -> dict:
    """A published practice: its published version only (an edit waiting for moderation is not public)."""
    version = practice.published_version
    data = {
        "id": practice.id,
        "url": page_url("practice", practice.id),
        "title": version.title,
        "summary": version.summary,
        "body_markdown": version.body,
        "results": version.results,
        "year": version.year,
        "organisation": _organisation_json(version.organisation),
        "authors": [author.full_name for author in version.authors] + version.author_name_list,
        "links": version.link_list,
        "provenance": {
            "competition_id": version.competition_id, "competition": version.competition_title,
            "nomination": version.nomination, "year": version.contest_year,
            "place": version.place.value if version.place else None,
        } if version.has_provenance else None,
        "adoptions": [{"organisation": _organisation_json(adoption.organisation), "how": adoption.how,
                       "outcome": adoption.outcome, "recorded_at": iso(adoption.created_at)}
                      for adoption in practice.adoptions],
        "published_at": iso(practice.first_published_at),
    }
    for key, vocabulary in PRACTICE_TERM_GROUPS.items():
        data[key] = [term_json(term) for term in version.terms_in(vocabulary)]
    return data


# Per listed type: its vocabulary facets and the names of its one-box facets.
MENTOR_FACET_NAMES = (VOCABULARY_FACETS, {ACCEPTING_FACET: _l("Accepting requests")})
PRACTICE_FACET_NAMES = (practice_filters.VOCABULARY_FACETS, {practice_filters.WINNER_FACET: _l("Contest winners")})


def facets_json(facets: dict[str, dict[str, int]], named=MENTOR_FACET_NAMES) -> dict[str, list[dict]]:
    """Facet counts with a readable name for each value: {facet: [{"value", "name", "count"}]}."""
    names = _facet_value_names(facets, *named)
    return {
        facet: [
            {"value": value, "name": names.get((facet, value), value), "count": count}
            for value, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        ]
        for facet, counts in facets.items()
    }


def _facet_value_names(facets: dict[str, dict[str, int]], vocabulary_facets, flag_names
                       ) -> dict[tuple[str, str], str]:
    names: dict[tuple[str, str], str] = {}
    for facet, model in zip(GEOGRAPHY_FACETS, (Region, Municipality)):
        ids = [int(value) for value in facets.get(facet, {}) if value.isdigit()]
        if ids:
            for record_id, name in db.session.execute(select(model.id, model.name).where(model.id.in_(ids))):
                names[(facet, str(record_id))] = name
    slugs_by_vocabulary = {
        str(vocabulary): (facet, list(facets[facet])) for facet, vocabulary in vocabulary_facets.items()
        if facets.get(facet)
    }
    if slugs_by_vocabulary:
        wanted = select(Term.vocabulary, Term.slug, Term.name).where(Term.vocabulary.in_(slugs_by_vocabulary))
        for vocabulary, slug, name in db.session.execute(wanted):
            facet, slugs = slugs_by_vocabulary[vocabulary]
            if slug in slugs:
                names[(facet, slug)] = name
    for facet, name in flag_names.items():
        if facets.get(facet):
            names[(facet, "1")] = str(name)
    return names
