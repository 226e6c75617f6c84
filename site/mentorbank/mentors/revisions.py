"""An approved profile is edited through a revision: a copy that goes to moderation while the approved one
stays public; approving the revision copies its content back onto the published profile."""
from ..core.models import utcnow
from ..extensions import db
from .content import MENTOR_PROFILE_CONTENT
from .models import MentorProfile, ProfileStatus


def copy_content(source: MentorProfile, target: MentorProfile) -> None:
    MENTOR_PROFILE_CONTENT.copy(source, target)


def start_revision(published: MentorProfile) -> MentorProfile:
    """The draft in which the author edits an approved profile (the existing one if already started)."""
    if published.pending_revision is not None:
        return published.pending_revision
    # Reading the published profile's terms must not flush a half-built revision.
    with db.session.no_autoflush:
        revision = MentorProfile(user_id=published.user_id, status=ProfileStatus.DRAFT)
        copy_content(published, revision)
        db.session.add(revision)
        revision.revision_of = published
    db.session.flush()
    return revision


def changed_fields(revision: MentorProfile) -> dict[str, tuple[object, object]]:
    """What a revision changes against the published profile: field → (published value, new value)."""
    published = revision.revision_of
    return MENTOR_PROFILE_CONTENT.changes(published, revision) if published is not None else {}


def apply_revision(revision: MentorProfile) -> MentorProfile:
    """Publish a revision's content on its profile and drop the revision; returns the published profile."""
    published = revision.revision_of
    copy_content(revision, published)
    published.published_at = utcnow()
    published.decided_at = revision.decided_at
    published.decided_by_id = revision.decided_by_id
    published.status_reason = None
    db.session.delete(revision)
    return published
