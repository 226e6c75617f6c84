"""Mentor cards for lists (the bank's results, the home page, /search, an organisation's page): their data in
two Core queries, their markup rendered once and kept.

A card's markup is a function of what it shows and nothing else (no viewer, no request): the shown values
themselves, in the reader's language, are the cache key. A card whose profile, person, organisation, place or
terms changed has another key, so it is rendered afresh at once, whatever the search index has caught up with;
a withdrawn profile is no longer public and is not loaded at all.
"""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from flask import current_app
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from sqlalchemy import bindparam, select

from ..accounts.models import User
from ..core.fragments import kept_fragment
from ..core.i18n import is_english
from ..extensions import db
from ..organisations.models import Municipality, Organisation, Region
from ..search.results import Hit
from ..vocabularies.models import Vocabulary
from ..vocabularies.rows import TermRow, term_rows
from .models import MentorProfile, mentor_profile_term
from .ratings import PublicRating, public_ratings

# The vocabularies a card shows, in this order, each under its name.
CARD_TERM_GROUPS = (
    (Vocabulary.FORM, _l("Form")),
    (Vocabulary.MODE, _l("Mode")),
    (Vocabulary.DIRECTION, _l("Direction")),
)
CARD_VOCABULARIES = tuple(vocabulary for vocabulary, _label in CARD_TERM_GROUPS)
# Terms of a group shown at once; the rest open from «and N more».
TERMS_SHOWN = 2


@cache
def _cards_statement():
    return (
        select(
            MentorProfile.id, MentorProfile.is_team, MentorProfile.team_name, User.full_name, User.position,
            Organisation.id, Organisation.name, Organisation.short_name, Municipality.name, Region.name,
            Region.name_en, MentorProfile.takes_requests, MentorProfile.last_active_at,
        )
        .join(User, User.id == MentorProfile.user_id)
        .join(Organisation, Organisation.id == MentorProfile.organisation_id)
        .join(Municipality, Municipality.id == Organisation.municipality_id)
        .join(Region, Region.id == Municipality.region_id)
        .where(MentorProfile.is_public, MentorProfile.id.in_(bindparam("ids", expanding=True)))
    )


@cache
def _card_terms_statement():
    return select(mentor_profile_term.c.profile_id, mentor_profile_term.c.term_id).where(
        mentor_profile_term.c.profile_id.in_(bindparam("ids", expanding=True))
    )


@dataclass(frozen=True)
class MentorCard:
    """What a card shows, in the reader's language."""
    id: int
    display_name: str
    is_team: bool
    position: str | None
    organisation_id: int
    organisation_name: str
    municipality_name: str
    region_name: str
    # (vocabulary, label) of the card's terms, grouped in CARD_VOCABULARIES' order, curated order within each.
    terms: tuple[tuple[str, str], ...]
    accepting_requests: bool  # takes requests now: accepting, not full, not paused for silence
    # The mentees' average answer, once enough of them answered (evaluation); part of the kept markup's key.
    rating: PublicRating | None = None
    last_active_on: date | None = None  # the day, not the moment: the kept markup changes at most daily

    def terms_of(self, vocabulary: str) -> list[str]:
        return [label for term_vocabulary, label in self.terms if term_vocabulary == vocabulary]


def mentor_cards(ids: Iterable[int]) -> dict[int, MentorCard]:
    """The cards of those of ``ids`` that are public now, by id."""
    ids = list(ids)
    if not ids:
        return {}
    rows = db.session.execute(_cards_statement(), {"ids": ids}).all()
    terms = _card_terms([row[0] for row in rows])
    ratings = public_ratings(row[0] for row in rows)
    english = is_english()
    return {
        profile_id: MentorCard(
            id=profile_id,
            display_name=team_name if is_team and team_name else full_name,
            is_team=is_team,
            position=None if is_team else position,
            organisation_id=organisation_id,
            organisation_name=short_name or organisation_name,
            municipality_name=municipality_name,
            region_name=region_name_en if english and region_name_en else region_name,
            terms=terms.get(profile_id, ()),
            accepting_requests=accepting,
            rating=ratings.get(profile_id),
            last_active_on=last_active_at.date() if last_active_at else None,
        )
        for (profile_id, is_team, team_name, full_name, position, organisation_id, organisation_name, short_name,
             municipality_name, region_name, region_name_en, accepting, last_active_at) in rows
    }


def _card_terms(profile_ids: list[int]) -> dict[int, tuple[tuple[str, str], ...]]:
    if not profile_ids:
        return {}
    english = is_english()
    vocabulary_order = {vocabulary.value: place for place, vocabulary in enumerate(CARD_VOCABULARIES)}
    rows = term_rows()
    found: dict[int, list[TermRow]] = {}
    for profile_id, term_id in db.session.execute(_card_terms_statement(), {"ids": profile_ids}):
        term = rows.get(term_id)
        if term is not None and term.vocabulary in vocabulary_order:
            found.setdefault(profile_id, []).append(term)
    return {
        profile_id: tuple(
            (term.vocabulary, term.label_in(english))
            for term in sorted(terms, key=lambda t: (vocabulary_order[t.vocabulary], t.position, t.id))
        )
        for profile_id, terms in found.items()
    }


def cards_for_hits(hits: list[Hit]) -> list[tuple[MentorCard, Hit]]:
    """The cards behind a page of hits, in the ranked order; a hit no longer public is skipped."""
    found = mentor_cards(hit.id for hit in hits if hit.type == "mentor")
    return [(found[hit.id], hit) for hit in hits if hit.type == "mentor" and hit.id in found]


# -- markup -------------------------------------------------------------------------------------------------

# Where the snippet of the hit goes: the kept markup is the same for every query.
_SNIPPET_SLOT = "<!--mentor-card-snippet-->"
_EMPTY_SNIPPET = f'<p class="snippet">{_SNIPPET_SLOT}</p>'


def card_html(card: MentorCard, snippet: Markup | str | None = None, heading: str = "h3") -> Markup:
    """The card's markup (templates/mentors/_card_markup.html), rendered once per content and language."""

    def render() -> str:
        template = current_app.jinja_env.get_template("mentors/_card_markup.html")
        return template.module.card_markup(card, Markup(_SNIPPET_SLOT), heading, CARD_TERM_GROUPS, TERMS_SHOWN)

    html = str(kept_fragment("mentor-card", (heading, card), render))
    if snippet:
        return Markup(html.replace(_SNIPPET_SLOT, str(escape(snippet))))
    return Markup(html.replace(_EMPTY_SNIPPET, ""))
