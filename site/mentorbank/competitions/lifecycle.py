"""What happens around each transition of a competition or an entry (core/workflow.py calls it): the audit
entry, the author's notification of a decision, and on publication of the results the winners' practices."""
from flask_babel import lazy_gettext as _l

from ..audit.labels import register_labels
from ..audit.models import record
from .models import COMPETITION_WORKFLOW, ENTRY_WORKFLOW

# Called when results are published (the practices area, once merged, turns winners into practices).
_ON_RESULTS_PUBLISHED: list = []


def on_results_published(hook):
    _ON_RESULTS_PUBLISHED.append(hook)
    return hook


def record_entry_event(action: str, entry, actor, reason: str | None = None) -> None:
    record(action, entry, actor=actor, reason=reason, details={"title": entry.title})


def record_competition_event(action: str, competition, actor, reason: str | None = None) -> None:
    record(action, competition, actor=actor, reason=reason, details={"title": competition.title})


@ENTRY_WORKFLOW.on_transition
def _after_entry_transition(change) -> None:
    record_entry_event(f"competition_entry.{change.step.action}", change.record, change.actor, change.reason)


@COMPETITION_WORKFLOW.on_transition
def _after_competition_transition(change) -> None:
    competition = change.record
    record_competition_event(f"competition.{change.step.action}", competition, change.actor, change.reason)
    if change.step.action == "publish_results":
        for hook in _ON_RESULTS_PUBLISHED:
            hook(competition, change.actor)


register_labels("competition", _l("Competitions"), {
    "save": _l("Competition saved"),
    "announce": _l("Competition announced"),
    "withdraw": _l("Competition announcement withdrawn"),
    "start_judging": _l("Competition judging started"),
    "publish_results": _l("Competition results published"),
    "reopen": _l("Competition results reopened"),
})
register_labels("competition_entry", _l("Competition entries"), {
    "submit": _l("Competition entry submitted"),
    "edit": _l("Competition entry changed"),
    "admit": _l("Competition entry admitted"),
    "reject": _l("Competition entry rejected"),
    "reconsider": _l("Competition entry returned for a new decision"),
    "conflict": _l("Juror declared a conflict of interest"),
})
