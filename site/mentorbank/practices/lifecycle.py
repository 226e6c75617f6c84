"""What happens around each transition of a practice version (core/workflow.py calls it): the submission's
time, publication of an approved version on its record, the audit entry and the owner's notification."""
from ..audit.models import record
from ..core.models import utcnow
from ..core.versioning import publish_pending
from ..notifications.service import notify
from .models import PRACTICE_WORKFLOW


@PRACTICE_WORKFLOW.on_transition
def _after_transition(change) -> None:
    version, action = change.record, change.step.action
    practice = version.record
    details = {"title": version.title, "version_id": version.id, **(change.details or {})}
    if action in ("submit", "resubmit"):
        version.submitted_at = utcnow()
    was_public = practice.published_version_id is not None
    if action in ("approve", "publish_winner"):
        publish_pending(practice)
        if practice.first_published_at is None:
            practice.first_published_at = utcnow()
    record(f"practice.{action}", practice, actor=change.actor, reason=change.reason, details=details)
    owner = practice.owner
    if owner is None or action not in ("approve", "return"):
        return
    if action == "approve":
        notify(owner, "practice.changes_approved" if was_public else "practice.approved", practice)
    else:
        notify(owner, "practice.changes_returned" if was_public else "practice.returned", practice,
               message=change.reason)
