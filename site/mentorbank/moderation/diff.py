"""What a revision changes, put in the words of the profile form: field label, old value → new value."""
from dataclasses import dataclass
from datetime import datetime

from flask_babel import format_date, lazy_gettext as _l

from ..extensions import db
from ..mentors.models import MentorProfile
from ..mentors.revisions import changed_fields
from ..mentors.views import PROFILE_VOCABULARIES
from ..organisations.models import Organisation
from ..vocabularies.models import Term

FIELD_LABELS = {
    "organisation_id": _l("Organisation"),
    "is_team": _l("Team profile"),
    "team_name": _l("Team name"),
    "subjects": _l("Subjects"),
    "experience_years": _l("Teaching experience, years"),
    "achievements": _l("Achievements"),
    "bio": _l("About the mentor"),
    "capacity": _l("Mentees at once"),
    "accepting_requests": _l("Accepting requests"),
    "phone": _l("Phone"),
    "mentoring_consent_at": _l("Consent to mentor"),
    "publication_consent_at": _l("Consent to publication"),
}
# Long texts are shown as before/after blocks rather than on one line.
LONG_TEXT_FIELDS = {"achievements", "bio"}


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    before: str
    after: str

    @property
    def is_long_text(self) -> bool:
        return self.name in LONG_TEXT_FIELDS


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
    groups = []
    for vocabulary, label in PROFILE_VOCABULARIES:
        group_added = [term for term in added if term.vocabulary == vocabulary]
        group_removed = [term for term in removed if term.vocabulary == vocabulary]
        if group_added or group_removed:
            groups.append(TermChange(str(label), group_added, group_removed))
    return groups


def revision_changes(revision: MentorProfile) -> RevisionChanges:
    """The changes of a revision against its published profile (empty for a profile that is not a revision)."""
    changes = changed_fields(revision)
    removed, added = changes.pop("terms", ([], []))
    fields = [
        FieldChange(name, str(FIELD_LABELS.get(name, name)), _shown(name, before), _shown(name, after))
        for name, (before, after) in changes.items()
    ]
    return RevisionChanges(fields=fields, terms=_term_changes(removed, added))
