"""A mentor's public rating: the average of the mentees' questionnaires, shown on the mentor's page, card and in
the API. Evaluation computes it (it keeps the answers and decides when there are enough to stay anonymous) and
registers the function here, so that mentors never reach up into evaluation."""
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from flask_babel import format_decimal, gettext, ngettext


@dataclass(frozen=True)
class PublicRating:
    average: Decimal  # 1.0 to 5.0, one decimal
    answers: int  # how many questionnaires it averages

    @property
    def shown_average(self) -> str:
        """«4,2 из 5» in the reader's language."""
        return gettext("%(average)s of 5", average=format_decimal(self.average, format="0.0"))

    @property
    def shown_answers(self) -> str:
        return ngettext("%(num)d answer", "%(num)d answers", self.answers)


_SOURCES: list[Callable[[list[int]], dict[int, PublicRating]]] = []


def register_rating_source(source: Callable[[list[int]], dict[int, PublicRating]]) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


def public_ratings(profile_ids: Iterable[int]) -> dict[int, PublicRating]:
    """profile id → its public rating, for those of ``profile_ids`` that have one."""
    profile_ids = list(profile_ids)
    found: dict[int, PublicRating] = {}
    for source in _SOURCES:
        if profile_ids:
            found.update(source(profile_ids))
    return found


def public_rating(profile_id: int) -> PublicRating | None:
    return public_ratings([profile_id]).get(profile_id)
