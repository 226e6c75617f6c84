"""The rubric checkboxes of /library with their counts, and the orders offered."""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from ..vocabularies.models import Vocabulary, terms_of
from .filters import RUBRIC_FACET, LibraryFilters

# The empty choice lets the filters decide: best match with words, newest without (library/filters.py).
SORT_OPTIONS = (
    ("", _l("Best match first")),
    ("recent", _l("Newest first")),
    ("name", _l("By title")),
)


def chosen_sort(requested: str | None) -> str:
    return requested if requested in dict(SORT_OPTIONS) else ""


@dataclass(frozen=True)
class RubricOption:
    slug: str
    label: str
    count: int
    selected: bool


def rubric_options(filters: LibraryFilters, counts: dict[str, dict[str, int]]) -> list[RubricOption]:
    """Every active rubric in its curated order, with the number of items found in it; ticked ones stay."""
    found = counts.get(RUBRIC_FACET, {})
    return [
        RubricOption(term.slug, term.label, found.get(term.slug, 0), filters.is_selected(RUBRIC_FACET, term.slug))
        for term in terms_of(Vocabulary.LIBRARY_RUBRIC)
        if found.get(term.slug) or filters.is_selected(RUBRIC_FACET, term.slug)
    ]
