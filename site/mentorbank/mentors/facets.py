"""The sort options of the mentor bank (its facets are declared in filters.py, drawn by search/listing.py)."""
from flask_babel import lazy_gettext as _l

# The empty choice lets the filters decide: best match when there is a query, by name when there is none.
# Submitting an explicit "name" while typing would throw relevance away.
SORT_OPTIONS = (
    ("", _l("Best match first")),
    ("name", _l("By name")),
    ("recent", _l("Newest first")),
    ("experience", _l("Most experienced first")),
)


def chosen_sort(requested: str | None, options=SORT_OPTIONS) -> str:
    """The sort option to show as selected: only what the visitor chose themselves."""
    return requested if requested in dict(options) else ""
