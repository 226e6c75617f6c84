"""The registry of moderated kinds: what the queue, its counts and badge, "my submissions" and the audit labels
read, so that a new kind is one ``register`` call from its own package and its own partials.

It imports no domain: kinds register themselves (mentors/moderated.py, organisations in moderation/kinds.py).
"""
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select

from ..audit.labels import forget_labels, register_labels


@dataclass(frozen=True)
class ModeratedKind:
    """One kind of submission a moderator decides on.

    ``pending`` returns a select of exactly four labelled columns — ``kind`` (this name, a literal), ``id``,
    ``submitted_at`` (when it started waiting) and ``title`` — over the records that wait; the queue puts the
    kinds' selects into one UNION ALL and orders and pages it in SQL."""

    name: str  # the audit prefix and workflow kind, e.g. "mentor_profile"
    model: type
    label: Any  # plural, for the type filter and the audit filter ("Mentor profiles")
    count_text: Callable[[int], str]  # "3 mentor profiles"
    pending: Callable[[], Select]
    # ids → the records of queue rows, loaded at once, each with what its row partial needs beside it
    load: Callable[[list[int]], dict[int, Any]]
    row_template: str  # the queue row partial: receives ``item`` (a QueueItem)
    detail_endpoint: str  # the moderator's page of one record, with its decisions
    detail_argument: str
    # "my submissions": a person's records of this kind, and the partial that lists them (``submissions``)
    submissions_of: Callable[[int], list] | None = None
    submissions_template: str | None = None
    action_labels: dict[str, Any] = field(default_factory=dict)  # "approve" → "Mentor profile approved"
    audit_label: Any = None  # the group's name in the audit log filter, when not ``label``
    position: int = 100  # the order of the kinds in the queue's counts and filters


_kinds: dict[str, ModeratedKind] = {}


def register(kind: ModeratedKind) -> ModeratedKind:
    """Add (or replace) a kind; its audit actions get their labels at the same time."""
    _kinds[kind.name] = kind
    register_labels(kind.name, kind.audit_label or kind.label, kind.action_labels)
    return kind


def unregister(name: str) -> None:
    """Remove a kind (tests register kinds of their own)."""
    _kinds.pop(name, None)
    forget_labels(name)


def kinds() -> list[ModeratedKind]:
    return sorted(_kinds.values(), key=lambda kind: (kind.position, kind.name))


def kind_named(name: str) -> ModeratedKind | None:
    return _kinds.get(name)
