"""What each audit action is called on the audit log, in the reader's language.

The areas that record actions register their labels (a prefix such as "mentor_profile" with its name, and
each action under it), so the log never shows a raw code such as ``mentor_profile.submit``. A test collects
every action the code can record and fails when one has no label or no Russian translation."""
from typing import Any

# action ("mentor_profile.approve") → label; prefix ("mentor_profile") → label of the group
ACTION_LABELS: dict[str, Any] = {}
PREFIX_LABELS: dict[str, Any] = {}


def register_labels(prefix: str, prefix_label, actions: dict[str, Any]) -> None:
    """Label a prefix and its actions, given without the prefix: {"approve": _l("Mentor profile approved")}."""
    PREFIX_LABELS[prefix] = prefix_label
    ACTION_LABELS.update({f"{prefix}.{action}": label for action, label in actions.items()})


def forget_labels(prefix: str) -> None:
    PREFIX_LABELS.pop(prefix, None)
    for action in [action for action in ACTION_LABELS if action.startswith(f"{prefix}.")]:
        del ACTION_LABELS[action]


def action_label(action: str) -> str:
    """The label of an action; an unknown one (recorded by an older version) is shown by its group and code."""
    if action in ACTION_LABELS:
        return str(ACTION_LABELS[action])
    prefix = action.split(".")[0]
    return f"{PREFIX_LABELS[prefix]}: {action}" if prefix in PREFIX_LABELS else action


def prefix_label(prefix: str) -> str:
    return str(PREFIX_LABELS.get(prefix, prefix))
