"""A practice's content, declared once (core/content.py): new versions copy it, the moderator's diff compares
and labels it, the form starts from it."""
from flask_babel import lazy_gettext as _l

from ..core.content import ContentField, ContentType, TermGroup
from .models import PRACTICE_TERM_GROUPS

_GROUP_LABELS = {
    "levels": _l("Level"),
    "forms": _l("Forms of mentoring"),
    "kinds": _l("Kinds of mentoring"),
    "directions": _l("Directions"),
    "target_groups": _l("Target group"),
}

PRACTICE_CONTENT = ContentType(
    fields=(
        ContentField("title", _l("Title")),
        ContentField("summary", _l("Summary"), long_text=True),
        ContentField("body", _l("Description of the practice"), long_text=True),
        ContentField("organisation_id", _l("Organisation"), typed=False),
        ContentField("author_names", _l("Other authors"), long_text=True),
        ContentField("results", _l("Results and effects"), long_text=True),
        ContentField("year", _l("Running since (year)")),
        ContentField("links", _l("Links"), long_text=True),
        # Set by the competitions when a contest's work becomes a practice.
        ContentField("competition_id", _l("Contest"), typed=False),
        ContentField("competition_title", _l("Contest"), typed=False),
        ContentField("nomination", _l("Nomination"), typed=False),
        ContentField("contest_year", _l("Contest year"), typed=False),
        ContentField("place", _l("Place in the contest"), typed=False),
    ),
    term_groups=tuple(TermGroup(name, vocabulary, _GROUP_LABELS[name])
                      for name, vocabulary in PRACTICE_TERM_GROUPS.items()),
)


def copy_version(source, target) -> None:
    """Content, terms and the authors with accounts (a relationship the declaration does not know)."""
    PRACTICE_CONTENT.copy(source, target)
    target.authors = list(source.authors)
