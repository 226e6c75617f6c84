"""A versioned type's content, declared once: its fields with their labels, and its term groups. Copying a
version, what changed between two versions, the labels of a diff and the values a form starts from are derived
from the declaration, so a new field is one line here instead of four hand-kept lists."""
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ContentField:
    name: str
    label: Any  # a lazy string: the field's name in the form and in the moderator's diff
    long_text: bool = False  # shown as before/after blocks in a diff rather than on one line
    typed: bool = True  # the author types it as is (False: set by a service, e.g. a consent's date)


@dataclass(frozen=True)
class TermGroup:
    name: str  # the form's and the API's name of the group, e.g. "forms"
    vocabulary: Any  # a Vocabulary member
    label: Any


@dataclass(frozen=True)
class ContentType:
    fields: tuple[ContentField, ...]
    term_groups: tuple[TermGroup, ...] = ()
    terms_attribute: str = "terms"  # the relationship holding the record's terms (all groups together)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)

    @property
    def typed_field_names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields if field.typed)

    def field(self, name: str) -> ContentField | None:
        return next((field for field in self.fields if field.name == name), None)

    def label(self, name: str) -> str:
        field = self.field(name)
        return str(field.label) if field else name

    def is_long_text(self, name: str) -> bool:
        field = self.field(name)
        return bool(field and field.long_text)

    def copy(self, source, target) -> None:
        """Copy the content (fields and terms) of one version onto another; status and moderation stay."""
        for name in self.field_names:
            setattr(target, name, getattr(source, name))
        if self.term_groups:
            setattr(target, self.terms_attribute, list(getattr(source, self.terms_attribute)))

    def changes(self, before, after) -> dict[str, tuple[Any, Any]]:
        """field → (before, after) for the fields that differ; "terms" → (removed, added) when the terms do."""
        changed = {name: (getattr(before, name), getattr(after, name))
                   for name in self.field_names if getattr(before, name) != getattr(after, name)}
        if self.term_groups:
            old, new = set(getattr(before, self.terms_attribute)), set(getattr(after, self.terms_attribute))
            if old != new:
                changed["terms"] = (sorted(old - new, key=_term_order), sorted(new - old, key=_term_order))
        return changed

    def grouped_terms(self, terms) -> list[tuple[TermGroup, list]]:
        """The terms split by group, in the declared order, leaving out empty groups."""
        groups = [(group, [term for term in terms if term.vocabulary == group.vocabulary])
                  for group in self.term_groups]
        return [(group, members) for group, members in groups if members]

    def form_values(self, record) -> dict[str, Any]:
        """What an edit form starts from: each typed field's value, and each term group's ids by its name."""
        values = {name: getattr(record, name) for name in self.typed_field_names}
        terms = getattr(record, self.terms_attribute) if self.term_groups else []
        values.update({group.name: [term.id for term in terms if term.vocabulary == group.vocabulary]
                       for group in self.term_groups})
        return values


def _term_order(term) -> tuple:
    return term.vocabulary, term.position
