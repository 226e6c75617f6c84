"""What happens around each transition of a mentor profile (core/workflow.py calls it): the audit entry, the
author's notification, and on approval the publication of a revision's content on its profile.

Imported by the services that move profiles (application.py, the importer, moderation), so the hooks are
registered before the first transition."""
from ..audit.models import record
from ..notifications.service import notify
from .models import PROFILE_WORKFLOW, MentorProfile
from .revisions import apply_revision, changed_fields


def _history_target(profile: MentorProfile) -> MentorProfile:
    # The history of a profile lives on the published one, which outlives its revisions.
    return profile.revision_of or profile


@PROFILE_WORKFLOW.on_transition
def _after_transition(change) -> None:
    profile, action = change.record, change.step.action
    details = dict(change.details or {})
    if action in ("approve", "return"):
        details["name"] = profile.display_name
    if profile.revision_of_id is not None and action in ("approve", "return"):
        details["revision_id"] = profile.id
    elif profile.revision_of_id is not None:
        details["revision_of"] = profile.revision_of_id
    if action == "approve":
        _publish(profile, change, details)
        return
    record(f"mentor_profile.{action}", _history_target(profile) if action == "return" else profile,
           actor=change.actor, reason=change.reason, details=details or None)
    if action == "return":
        kind = "mentor_profile.revision_returned" if profile.revision_of is not None else "mentor_profile.returned"
        notify(profile.user, kind, profile, message=change.reason)
    elif action == "import":
        profile.published_at = profile.decided_at


def _publish(profile: MentorProfile, change, details: dict) -> None:
    """A new profile goes public; a revision's content is copied onto its published profile."""
    author = profile.user
    if profile.revision_of is not None:
        details["changed"] = sorted(changed_fields(profile))
        published = apply_revision(profile)
        kind = "mentor_profile.revision_approved"
    else:
        published, profile.published_at = profile, profile.decided_at
        kind = "mentor_profile.approved"
    record("mentor_profile.approve", published, actor=change.actor, details=details)
    notify(author, kind, published)
