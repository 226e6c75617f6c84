"""One submission workflow for every type with a status: a declared transition table and one ``transition``.

A type declares its ``Workflow`` (which status may follow which, and under what audit action), and registers
the hooks that write its audit entries and notify people. ``transition`` refuses what the table does not allow
and what nobody may do (decide on one's own record), claims the row with a compare-and-set UPDATE so that two
people deciding at once cannot both succeed, stamps who decided, when and why, then calls the hooks. Like every
service it only flushes: the request commits once.

Core knows no domain: the audit log and the notifications are reached through the hooks.
"""
import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import inspect, update

from ..extensions import db
from .models import utcnow


class TransitionRefused(Exception):
    """A step the workflow does not allow; ``message`` is shown to the person who tried it."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class AlreadyDecided(TransitionRefused):
    """The record left the status the step starts from, perhaps because someone else decided a moment ago."""

    def __init__(self):
        super().__init__(_l("This submission has already been decided."))


class OwnRecord(TransitionRefused):
    """Nobody decides on a record they wrote or proposed."""

    def __init__(self):
        super().__init__(_l("You cannot decide on your own submission: another moderator will."))


@dataclass(frozen=True)
class Step:
    """One allowed move. ``action`` names it in the audit log (``<kind>.<action>``); a ``decision`` is a
    moderator's verdict: it is stamped with who decided and when, and never taken on one's own record."""

    action: str
    decision: bool = False
    needs_reason: bool = False
    # Taken by the site itself (an import, a command), never on a person's behalf.
    site_only: bool = False


@dataclass(frozen=True)
class Change:
    """What the hooks are told about a transition that has just happened."""

    record: Any
    before: enum.StrEnum
    after: enum.StrEnum
    step: Step
    actor: Any
    reason: str | None
    details: dict | None


Hook = Callable[[Change], None]


@dataclass
class Workflow:
    """The transition table of one status enum on one model, and the hooks its kind registers."""

    kind: str  # the audit prefix and the registry key, e.g. "mentor_profile"
    model: type
    # (from, to) → the step; a pair may also have a second step taken only by the site (``site_only``).
    steps: dict[tuple[enum.StrEnum, enum.StrEnum], Step | tuple[Step, ...]]
    # Whose record it is (their id), so they cannot decide on it; None: nobody's.
    author_id: Callable[[Any], int | None] = lambda record: None
    # Whether the model keeps decided_at / decided_by_id / status_reason (else the audit log is the record).
    stamps_decisions: bool = True
    after_hooks: list[Hook] = field(default_factory=list)

    def _steps(self, before, after) -> tuple[Step, ...]:
        found = self.steps.get((before, after), ())
        return found if isinstance(found, tuple) else (found,)

    def all_steps(self) -> list[tuple[enum.StrEnum, enum.StrEnum, Step]]:
        return [(before, after, step) for (before, after) in self.steps for step in self._steps(before, after)]

    def step(self, before, after, actor=None, action: str | None = None) -> Step:
        """The step from ``before`` to ``after`` for ``actor`` (None: the site), or TransitionRefused; ``action``
        chooses between steps of the same move (the site withdraws a request for more than one reason)."""
        by_site = actor is None
        steps = [step for step in self._steps(before, after) if action is None or step.action == action]
        candidates = sorted(steps, key=lambda step: step.site_only != by_site)
        if candidates and (by_site or not candidates[0].site_only):
            return candidates[0]
        if any(step.decision and not step.site_only for _before, to, step in self.all_steps() if to == after):
            raise AlreadyDecided()  # a decision on a record that no longer waits for one
        raise TransitionRefused(_l("This step is not possible now."))

    def actions(self) -> set[str]:
        """Every audit action this workflow can record, e.g. {"mentor_profile.approve", …}."""
        return {f"{self.kind}.{step.action}" for _before, _after, step in self.all_steps()}

    def on_transition(self, hook: Hook) -> Hook:
        """Register a hook called after every transition of this kind (audit, notify, publish …)."""
        self.after_hooks.append(hook)
        return hook


_workflows: dict[type, Workflow] = {}


def declare(workflow: Workflow) -> Workflow:
    """Make ``transition`` know the workflow of ``workflow.model`` (a second declaration replaces the first)."""
    _workflows[workflow.model] = workflow
    return workflow


def workflow_of(record_or_model) -> Workflow:
    model = record_or_model if isinstance(record_or_model, type) else type(record_or_model)
    return _workflows[model]


def declared_workflows() -> list[Workflow]:
    return list(_workflows.values())


def transition(record, to, actor, reason: str | None = None, *, details: dict | None = None,
               action: str | None = None):
    """Move ``record`` to status ``to`` on behalf of ``actor`` (None: the site or the command line).

    Raises TransitionRefused (the table does not allow it, a reason is missing), OwnRecord, or AlreadyDecided
    (the row is no longer in the status this step starts from) before anything is changed."""
    workflow = workflow_of(record)
    if inspect(record).pending:
        db.session.flush()  # a new row gets its id and its default status first
    before = record.status
    step = workflow.step(before, to, actor, action)
    reason = (reason or "").strip() or None
    if step.needs_reason and reason is None:
        raise TransitionRefused(_l("Write the reason: the author sees it and knows what to change."))
    if step.decision:
        refuse_own_record(record, actor)
    stamps = {}
    if step.decision and workflow.stamps_decisions:
        # The reason stays on the record only when the step asks for one (a return); an approval clears it.
        stamps = {"decided_at": utcnow(), "decided_by_id": actor.id if actor is not None else None,
                  "status_reason": reason if step.needs_reason else None}
    _claim(record, before, to, stamps)
    change = Change(record, before, to, step, actor, reason, details)
    for hook in workflow.after_hooks:
        hook(change)
    return change


def refuse_own_record(record, actor) -> None:
    """Raise OwnRecord when ``actor`` wrote or proposed ``record`` (also for decisions that are not
    transitions, such as rejecting a proposal, which deletes it)."""
    if actor is not None and workflow_of(record).author_id(record) == actor.id:
        raise OwnRecord()


def _claim(record, before, to, stamps: dict) -> None:
    """Move the row from ``before`` to ``to`` (with its decision stamps, which the CHECK constraints require
    together) in one UPDATE … WHERE status = before: of two people deciding at once, the second finds no row
    to change. A row not stored yet is nobody else's, so it just changes."""
    model = type(record)
    values = {"status": to, **stamps}
    if inspect(record).persistent:
        db.session.flush()  # pending changes of the row first, so the flush below cannot overwrite the claim
        result = db.session.execute(
            update(model).where(model.id == record.id, model.status == before).values(**values)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            raise AlreadyDecided()
        # The bulk UPDATE bypasses the unit of work: set the attributes too (the values stored already), so
        # the flush, and the search index that follows flushed changes, see the row change.
        if hasattr(record, "updated_at"):
            values["updated_at"] = utcnow()
    for name, value in values.items():
        setattr(record, name, value)
    db.session.flush()
