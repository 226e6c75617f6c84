"""What a new version changes, put in the words of its form: field label, old value → new value. Any type that
declares its content (core/content.py) gets its diff from here: mentor profiles' revisions, practices' versions."""
from dataclasses import dataclass
from datetime import datetime

from flask_babel import format_date, lazy_gettext as _l

from ..extensions import db
from ..core.content import ContentType
from ..mentors.content import MENTOR_PROFILE_CONTENT
from ..mentors.models import MentorProfile
from ..mentors.revisions import changed_fields
from ..organisations.models import Organisation
from ..vocabularies.models import Term

@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    before: str
    after: str
    is_long_text: bool = False


@dataclass(frozen=True)
class TermChange:
    group: str
    added: list[Term]
    removed: list[Term]


@dataclass(frozen=True)
class RevisionChanges:
    fields: list[FieldChange]
    terms: list[TermChange]

    def __bool__(self) -> bool:
        return bool(self.fields or self.terms)


def _shown(name: str, value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_l("yes") if value else _l("no"))
    if isinstance(value, datetime):
        return format_date(value, "long")
    if hasattr(value, "label"):  # an enum with its own words (a contest place)
        return str(value.label)
    if name == "organisation_id":
        organisation = db.session.get(Organisation, value)
        return organisation.name if organisation else str(value)
    return str(value)


def _term_changes(content: ContentType, removed: list[Term], added: list[Term]) -> list[TermChange]:
    return [
        TermChange(str(group.label), [term for term in added if term in members],
                   [term for term in removed if term in members])
        for group, members in content.grouped_terms(removed + added)
    ]


def described_changes(content: ContentType, changes: dict) -> RevisionChanges:
    """``content.changes(before, after)`` in the words of the form."""
    changes = dict(changes)
    removed, added = changes.pop("terms", ([], []))
    fields = [
        FieldChange(name, content.label(name), _shown(name, before), _shown(name, after), content.is_long_text(name))
        for name, (before, after) in changes.items()
    ]
    return RevisionChanges(fields=fields, terms=_term_changes(content, removed, added))


def revision_changes(revision: MentorProfile) -> RevisionChanges:
    """The changes of a revision against its published profile (empty for a profile that is not a revision)."""
    return described_changes(MENTOR_PROFILE_CONTENT, changed_fields(revision))
