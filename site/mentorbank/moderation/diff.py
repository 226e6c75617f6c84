"""What a revision changes, put in the words of the profile form: field label, old value → new value."""
from dataclasses import dataclass
from datetime import datetime

from flask_babel import format_date, lazy_gettext as _l

from ..extensions import db
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

    @property
    def is_long_text(self) -> bool:
        return MENTOR_PROFILE_CONTENT.is_long_text(self.name)


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
    if name == "organisation_id":
        organisation = db.session.get(Organisation, value)
        return organisation.name if organisation else str(value)
    return str(value)


def _term_changes(removed: list[Term], added: list[Term]) -> list[TermChange]:
    return [
        TermChange(str(group.label), [term for term in added if term in members],
                   [term for term in removed if term in members])
        for group, members in MENTOR_PROFILE_CONTENT.grouped_terms(removed + added)
    ]


def revision_changes(revision: MentorProfile) -> RevisionChanges:
    """The changes of a revision against its published profile (empty for a profile that is not a revision)."""
    changes = changed_fields(revision)
    removed, added = changes.pop("terms", ([], []))
    fields = [
        FieldChange(name, MENTOR_PROFILE_CONTENT.label(name), _shown(name, before), _shown(name, after))
        for name, (before, after) in changes.items()
    ]
    return RevisionChanges(fields=fields, terms=_term_changes(removed, added))
