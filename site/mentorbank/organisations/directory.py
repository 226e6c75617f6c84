"""The organisation directory look-up: the registration picker and the account's organisation choice read it,
and the admin's organisation list searches with it.

Public organisations are found by the site's search (the organisation searchable type), so the picker finds what
/search finds: «лицей 58» finds «Лицей № 58», «СОШ 153» finds «МБОУ «Средняя общеобразовательная школа № 153»».
The directory sits below search in the layers (tests/test_layers.py): organisations/searchable.py hands the
search to it (``use_word_search``). Only public organisations are offered; a proposed one waits for a moderator.
"""
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import not_, or_, select

from ..core.text import fold, folded_contains
from ..extensions import db
from ..vocabularies.models import Vocabulary, terms_of
from .models import Municipality, Organisation, Region, public_organisations

LOOKUP_LIMIT = 12


@dataclass(frozen=True)
class WordSearch:
    # (query, limit) -> ids of the public organisations found, best first, and how many were found.
    public_ids: Callable[[str, int], tuple[list[int], int]]
    # query -> whether a text holds what the query asks for, analysed as the index analyses (for the few
    # records the index does not hold); None when the query has no searchable word.
    text_matcher: Callable[[str], Callable[[str], bool] | None]


_word_search: WordSearch | None = None


def use_word_search(word_search: WordSearch) -> None:
    global _word_search
    _word_search = word_search


def searched_organisation_ids(query: str, limit: int) -> tuple[list[int], int]:
    """Ids of the public organisations the site's search finds for ``query``, best first (at most ``limit``),
    and how many it found."""
    if _word_search is None or not fold(query).strip():
        return [], 0
    return _word_search.public_ids(query, limit)


def unlisted_organisation_ids(query: str) -> list[int]:
    """Ids of the organisations outside the directory (proposed, so never indexed) whose name or short name the
    query finds by the search's own analysis (word forms, numbers, the thesaurus). They are few: matched here,
    in memory."""
    matches = _word_search.text_matcher(query) if _word_search is not None else None
    if matches is None:
        return []
    rows = db.session.execute(
        select(Organisation.id, Organisation.name, Organisation.short_name).where(not_(Organisation.is_public))
    )
    return [row.id for row in rows if matches(f"{row.name} {row.short_name or ''}")]


def name_contains(query: str):
    """Name or short name contains what was typed, in any case, ё = е (a word still being typed: «лиц»)."""
    needle = fold(query).strip()
    return or_(folded_contains(Organisation.name, needle), folded_contains(Organisation.short_name, needle))


def organisation_matches(query: str, limit: int = LOOKUP_LIMIT) -> tuple[list[Organisation], bool]:
    """Public organisations for ``query``, best first, and whether more were left out: those the site's search
    finds, then those whose name merely contains the text (names that start with it first, then by name)."""
    needle = fold(query).strip()
    if not needle:
        return [], False
    found_ids, found_total = searched_organisation_ids(query, limit)
    found = {org.id: org for org in db.session.scalars(public_organisations().where(Organisation.id.in_(found_ids)))}
    ranked = [found[org_id] for org_id in found_ids if org_id in found]
    more = found_total > limit
    if len(ranked) < limit:
        containing = db.session.scalars(public_organisations().where(
            name_contains(query), Organisation.id.not_in(found_ids)
        )).all()
        containing = sorted(containing, key=lambda org: (
            not (fold(org.name).startswith(needle) or fold(org.short_name or "").startswith(needle)),
            fold(org.short_name or org.name), org.id,
        ))
        more = more or len(ranked) + len(containing) > limit
        ranked += containing
    return ranked[:limit], more


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
