""""Suggest me a mentor": the mentors who fit an open request, best first, each with the reasons it is suggested
(DESIGN §4): shared directions, the same form, the same mode, the same region or a mode that makes distance
irrelevant, free places, and difficulties like these that the mentor took on before.

Only mentors a request may reach are suggested: public, accepting, not full (for the whole group), not paused
for silence, not the mentee themselves, and not already working with them.
"""
from dataclasses import dataclass, field

from flask_babel import gettext as _, ngettext
from sqlalchemy import select

from ..extensions import db
from ..mentors.models import MentorProfile, public_profiles
from ..search import similar_texts
from ..vocabularies.models import Vocabulary
from .models import MentoringRequest, Mentorship, MentorshipStatus, RequestStatus

SUGGESTIONS_SHOWN = 10
# The modes in which where the mentor lives does not matter.
DISTANCE_MODES = frozenset({"remote", "blended"})
# How much each reason weighs in the order.
DIRECTION_WEIGHT = 3.0
FORM_WEIGHT = 2.0
MODE_WEIGHT = 2.0
REGION_WEIGHT = 1.5
DISTANCE_WEIGHT = 1.0
SIMILARITY_WEIGHT = 4.0
# Free places only break near-ties: a mentor with room is not a better fit for it.
FREE_PLACE_WEIGHT = 0.1
FREE_PLACES_COUNTED = 5
# A past request at least this alike (search.similar_texts, 0..1) counts as "difficulties like yours".
SIMILAR_ENOUGH = 0.2


@dataclass
class Suggestion:
    profile: MentorProfile
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def add(self, weight: float, reason: str) -> None:
        self.score += weight
        self.reasons.append(reason)


def candidates(request: MentoringRequest) -> list[MentorProfile]:
    """The mentors this request may reach now (see the module's docstring)."""
    working_with = select(Mentorship.mentor_profile_id).where(
        Mentorship.mentee_id == request.mentee_id, Mentorship.status == MentorshipStatus.ACTIVE)
    return list(db.session.scalars(public_profiles().where(
        MentorProfile.accepting_requests.is_(True),
        MentorProfile.silent_since.is_(None),
        MentorProfile.active_mentees + request.group_size <= MentorProfile.capacity,
        MentorProfile.user_id != request.mentee_id,
        MentorProfile.id.not_in(working_with),
    )))


def _past_difficulties(profile_ids: list[int]) -> dict[int, list[str]]:
    """profile id → the difficulties of the requests each mentor accepted before."""
    found: dict[int, list[str]] = {}
    if not profile_ids:
        return found
    rows = db.session.execute(select(MentoringRequest.mentor_profile_id, MentoringRequest.difficulties).where(
        MentoringRequest.mentor_profile_id.in_(profile_ids), MentoringRequest.status == RequestStatus.ACCEPTED))
    for profile_id, text in rows:
        found.setdefault(profile_id, []).append(text)
    return found


def _closest_past(difficulties: str, past: dict[int, list[str]]) -> dict[int, float]:
    """profile id → how alike the closest of its past difficulties is to these, all scored in one engine call
    (so a term common to many mentors' past requests weighs less)."""
    owners = [profile_id for profile_id, texts in past.items() for _text in texts]
    scores = similar_texts(difficulties, [text for texts in past.values() for text in texts])
    closest: dict[int, float] = {}
    for profile_id, score in zip(owners, scores):
        closest[profile_id] = max(closest.get(profile_id, 0.0), score)
    return closest


def suggest(request: MentoringRequest, limit: int = SUGGESTIONS_SHOWN) -> list[Suggestion]:
    """The best ``limit`` mentors for ``request``, with their reasons; a mentor with no reason but free places
    is not suggested."""
    profiles = candidates(request)
    closest_past = _closest_past(request.difficulties, _past_difficulties([profile.id for profile in profiles]))
    region = request.organisation.region if request.organisation is not None else None
    wanted = {term.id: term for term in request.directions}
    suggestions = []
    for profile in profiles:
        suggestion = Suggestion(profile)
        shared = [term for term in profile.terms if term.id in wanted]
        if shared:
            suggestion.add(DIRECTION_WEIGHT * len(shared), _("Works in your directions: %(directions)s",
                                                             directions=", ".join(term.label for term in shared)))
        offered = {term.id for term in profile.terms}
        if request.form_id in offered:
            suggestion.add(FORM_WEIGHT, _("Mentors in the form you chose: %(form)s", form=request.form.label))
        if request.mode_id in offered:
            suggestion.add(MODE_WEIGHT, _("Meets in the mode you chose: %(mode)s", mode=request.mode.label))
        if region is not None and profile.organisation.region.id == region.id:
            suggestion.add(REGION_WEIGHT, _("Works in your region"))
        elif any(term.slug in DISTANCE_MODES for term in profile.terms_in(Vocabulary.MODE)):
            suggestion.add(DISTANCE_WEIGHT, _("Works remotely, so the distance does not matter"))
        similarity = closest_past.get(profile.id, 0.0)
        if similarity >= SIMILAR_ENOUGH:
            suggestion.add(SIMILARITY_WEIGHT * similarity, _("Has helped with difficulties like yours before"))
        if not suggestion.reasons:
            continue
        free = profile.free_places
        suggestion.add(FREE_PLACE_WEIGHT * min(free, FREE_PLACES_COUNTED),
                       ngettext("%(num)d free place", "%(num)d free places", free))
        suggestions.append(suggestion)
    suggestions.sort(key=lambda found: (-found.score, found.profile.display_name, found.profile.id))
    return suggestions[:limit]
