"""Mentor profiles (new ones and revisions of published ones) as a moderated kind: what the queue, "my
submissions" and the audit log need to know about them (moderation/registry.py)."""
from flask_babel import lazy_gettext as _l, ngettext
from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.orm import selectinload

from ..accounts.models import User
from ..extensions import db
from ..moderation.registry import ModeratedKind, register
from .models import MentorProfile, ProfileStatus, profiles_of


def _pending():
    title = case((and_(MentorProfile.is_team, MentorProfile.team_name.is_not(None)), MentorProfile.team_name),
                 else_=User.full_name)
    return (
        select(
            literal("mentor_profile").label("kind"),
            MentorProfile.id.label("id"),
            # A profile waits since it was submitted.
            func.coalesce(MentorProfile.submitted_at, MentorProfile.created_at).label("submitted_at"),
            title.label("title"),
        )
        .join(User, User.id == MentorProfile.user_id)
        .where(MentorProfile.status == ProfileStatus.PENDING)
    )


def _load(ids: list[int]) -> dict[int, MentorProfile]:
    return {profile.id: profile for profile in db.session.scalars(
        select(MentorProfile).where(MentorProfile.id.in_(ids)).options(selectinload(MentorProfile.revision_of)))}


MENTOR_PROFILE_KIND = register(ModeratedKind(
    name="mentor_profile",
    position=10,
    model=MentorProfile,
    label=_l("Mentor profiles"),
    count_text=lambda count: ngettext("%(num)d mentor profile", "%(num)d mentor profiles", count),
    pending=_pending,
    load=_load,
    row_template="moderation/_queue_row_mentor_profile.html",
    detail_endpoint="moderation.mentor_profile",
    detail_argument="profile_id",
    submissions_of=profiles_of,
    submissions_template="account/_submissions_mentor_profiles.html",
    action_labels={
        "submit": _l("Mentor profile submitted for moderation"),
        "reopen": _l("Mentor profile taken back for editing"),
        "approve": _l("Mentor profile approved"),
        "return": _l("Mentor profile returned"),
        "withdraw": _l("Mentor profile withdrawn"),
        "import": _l("Mentor profile imported from the registry"),
    },
))
