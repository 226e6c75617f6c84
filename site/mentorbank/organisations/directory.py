"""The organisation directory look-up: the registration picker and the account's organisation choice read it.

Only public organisations are offered; a proposed one waits for a moderator.
"""
from sqlalchemy import or_, select

from ..core.text import fold, folded_contains
from ..extensions import db
from ..vocabularies.models import Vocabulary, terms_of
from .models import Municipality, Organisation, Region, public_organisations

LOOKUP_LIMIT = 12


def organisation_matches(query: str, limit: int = LOOKUP_LIMIT) -> tuple[list[Organisation], bool]:
    """Public organisations whose name or short name contains ``query`` (any case, ё = е), best first
    (names that start with it, then by name), and whether more were left out."""
    needle = fold(query).strip()
    if not needle:
        return [], False
    matching = db.session.scalars(public_organisations().where(
        or_(folded_contains(Organisation.name, needle), folded_contains(Organisation.short_name, needle))
    )).all()
    ranked = sorted(matching, key=lambda org: (
        not (fold(org.name).startswith(needle) or fold(org.short_name or "").startswith(needle)),
        fold(org.short_name or org.name), org.id,
    ))
    return ranked[:limit], len(ranked) > limit


def approved_organisation(organisation_id: int | None) -> Organisation | None:
    if organisation_id is None:
        return None
    return db.session.scalar(public_organisations().where(Organisation.id == organisation_id))


def picker_options(query: str, selected_id: int | None) -> dict:
    """What the organisation picker shows: the chosen organisation first, then the matches of the query."""
    selected = approved_organisation(selected_id)
    matches, more = organisation_matches(query)
    options = ([selected] if selected else []) + [org for org in matches if org != selected]
    return {"organisations": options, "selected_id": selected.id if selected else None, "more": more,
            "query": query}


def organisation_kind_choices() -> list[tuple[int | None, str]]:
    return [(None, "—")] + [(term.id, term.label) for term in terms_of(Vocabulary.ORGANISATION_KIND)]


def municipality_choices() -> dict[str, list[tuple[int, str]]]:
    """Existing municipalities grouped by region, for a <select> with <optgroup>s."""
    grouped: dict[str, list[tuple[int, str]]] = {}
    query = select(Municipality).join(Region).order_by(Region.name, Municipality.name)
    for municipality in db.session.scalars(query):
        grouped.setdefault(municipality.region.name, []).append((municipality.id, municipality.name))
    return grouped
