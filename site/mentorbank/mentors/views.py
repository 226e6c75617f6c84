"""Helpers the public mentor pages share: loading a page of hits, and the names of vocabulary groups."""
from flask_babel import lazy_gettext as _l

from ..extensions import db
from ..search.results import Hit
from ..vocabularies.models import Vocabulary
from .models import MentorProfile, public_profiles

# Every vocabulary group a profile can carry, in the order a profile page shows them.
PROFILE_VOCABULARIES: tuple[tuple[Vocabulary, str], ...] = (
    (Vocabulary.FORM, _l("Forms of mentoring")),
    (Vocabulary.INTERACTION_MODEL, _l("Interaction models")),
    (Vocabulary.KIND, _l("Kinds of mentoring")),
    (Vocabulary.MODE, _l("Mode")),
    (Vocabulary.DIRECTION, _l("Directions")),
    (Vocabulary.TRACK, _l("Tracks")),
    (Vocabulary.COMPETENCE, _l("Competences")),
    (Vocabulary.MENTEE_CATEGORY, _l("Mentees I work with")),
    (Vocabulary.LEVEL, _l("Level")),
)


def profiles_for_hits(hits: list[Hit]) -> list[tuple[MentorProfile, Hit]]:
    """The public profiles behind a page of hits, in one query, in the ranked order.

    A hit whose profile stopped being public since it was indexed is skipped."""
    ids = [hit.id for hit in hits if hit.type == "mentor"]
    if not ids:
        return []
    found = {p.id: p for p in db.session.scalars(public_profiles().where(MentorProfile.id.in_(ids)))}
    return [(found[hit.id], hit) for hit in hits if hit.type == "mentor" and hit.id in found]


def profile_vocabulary_groups(profile: MentorProfile) -> list[tuple[str, list]]:
    groups = [(label, profile.terms_in(vocabulary)) for vocabulary, label in PROFILE_VOCABULARIES]
    return [(label, terms) for label, terms in groups if terms]
