"""Mentorships as their members and curators reach them: who sees one, who changes it, the lists, and the
programme's own changes (its text, its end moved by a recorded extension, the plan, the meetings, a request to
replace the mentor). Services only flush: the route commits."""
import calendar
from datetime import date, datetime

from flask import abort
from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from ..accounts.models import Role, RoleGrant, User
from ..audit.models import record
from ..core.models import utcnow
from ..extensions import db
from ..mentors.models import MentorProfile
from ..notifications.service import notify
from .models import (
    PROGRAMME_MAX_MONTHS, PROGRAMME_MIN_MONTHS, Meeting, MentoringRequest, Mentorship, MentorshipStatus, PlanItem,
    Programme, ProgrammeExtension,
)


class PairRefused(Exception):
    """A change the pair's rules do not allow; ``message`` is shown to the person who tried it."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


# -- dates --------------------------------------------------------------------------------------------------

def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has no such day: 31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def period_is_allowed(starts_on: date, ends_on: date) -> bool:
    """A programme lasts from 3 months to a year (source 001); an extension may take it further."""
    return add_months(starts_on, PROGRAMME_MIN_MONTHS) <= ends_on <= add_months(starts_on, PROGRAMME_MAX_MONTHS)


# -- who sees and who changes -------------------------------------------------------------------------------

def get_visible_mentorship_or_404(mentorship_id: int, user) -> Mentorship:
    """The mentorship, when ``user`` is a member, a curator of either organisation or a moderator; 404 else."""
    mentorship = db.session.get(Mentorship, mentorship_id)
    if mentorship is None or not mentorship.visible_to(user):
        abort(404)
    return mentorship


def get_editable_mentorship_or_abort(mentorship_id: int, user) -> Mentorship:
    """Its programme, plan and meetings are written by the pair itself: others who see it get 403."""
    mentorship = get_visible_mentorship_or_404(mentorship_id, user)
    if not mentorship.is_member(user):
        abort(403)
    return mentorship


def mentorships_of(user) -> list[Mentorship]:
    """The person's mentorships as mentor or mentee: active first, newest first."""
    return list(db.session.scalars(
        select(Mentorship)
        .where(or_(Mentorship.mentor_id == user.id, Mentorship.mentee_id == user.id))
        .options(selectinload(Mentorship.programme), selectinload(Mentorship.mentor_profile))
        .order_by((Mentorship.status == MentorshipStatus.ACTIVE).desc(), Mentorship.started_on.desc(),
                  Mentorship.id.desc())
    ))


def organisation_mentorships(organisation_id: int) -> list[Mentorship]:
    """The mentorships in which the organisation mentors or is mentored."""
    return list(db.session.scalars(
        select(Mentorship)
        .where(or_(Mentorship.mentor_organisation_id == organisation_id,
                   Mentorship.mentee_organisation_id == organisation_id))
        .options(selectinload(Mentorship.programme), selectinload(Mentorship.mentor_profile))
        .order_by((Mentorship.status == MentorshipStatus.ACTIVE).desc(), Mentorship.started_on.desc(),
                  Mentorship.id.desc())
    ))


def organisation_requests(organisation_id: int) -> list[MentoringRequest]:
    """The requests the organisation's teachers filed, and those sent to its mentors; newest first."""
    to_its_mentors = select(MentorProfile.id).where(MentorProfile.organisation_id == organisation_id)
    return list(db.session.scalars(
        select(MentoringRequest)
        .where(or_(MentoringRequest.organisation_id == organisation_id,
                   MentoringRequest.mentor_profile_id.in_(to_its_mentors)))
        .options(selectinload(MentoringRequest.mentor_profile))
        .order_by(MentoringRequest.created_at.desc(), MentoringRequest.id.desc())
    ))


def may_see_organisation_mentoring(user, organisation_id: int) -> bool:
    return user.is_moderator or user.is_curator_of(organisation_id)


def curators_of(mentorship: Mentorship) -> list[User]:
    """The curators of both organisations of the pair, each once."""
    organisations = {mentorship.mentor_organisation_id, mentorship.mentee_organisation_id} - {None}
    if not organisations:
        return []
    return list(db.session.scalars(
        select(User).join(RoleGrant, RoleGrant.user_id == User.id)
        .where(RoleGrant.role == Role.CURATOR, RoleGrant.organisation_id.in_(organisations),
               User.is_blocked.is_(False))
        .distinct().order_by(User.id)
    ))


def contact_grant(profile, viewer) -> bool:
    """A mentor's contacts open to the mentees of their mentorships, active or completed."""
    return db.session.scalar(select(Mentorship.id).where(
        Mentorship.mentor_profile_id == profile.id, Mentorship.mentee_id == viewer.id).limit(1)) is not None


def _refuse_unless_active(mentorship: Mentorship) -> None:
    if not mentorship.is_active:
        raise PairRefused(_l("The mentorship is completed: its programme is kept as it was."))


# -- the programme ------------------------------------------------------------------------------------------

PROGRAMME_TEXT_FIELDS = ("problem", "goals", "content", "planned_results", "intermediate_results",
                         "meeting_schedule")


def update_programme(mentorship: Mentorship, values: dict, directions: list, actor) -> Programme:
    """Write the programme's text, mode, directions and (while never extended) its dates."""
    _refuse_unless_active(mentorship)
    programme = mentorship.programme
    for name in PROGRAMME_TEXT_FIELDS:
        setattr(programme, name, values.get(name))
    programme.mode_id = values.get("mode_id")
    programme.directions = list(directions)
    if not programme.extensions and values.get("starts_on") and values.get("ends_on"):
        programme.starts_on, programme.ends_on = values["starts_on"], values["ends_on"]
    db.session.flush()
    return programme


def extend(mentorship: Mentorship, new_end: date, reason: str, actor) -> ProgrammeExtension:
    """Move the programme's end later; the old end, the new one, who and why are kept."""
    _refuse_unless_active(mentorship)
    programme = mentorship.programme
    reason = (reason or "").strip()
    if new_end <= programme.ends_on:
        raise PairRefused(_l("The new end must come after the current one."))
    if not reason:
        raise PairRefused(_l("Write why the programme is extended."))
    extension = ProgrammeExtension(programme=programme, previous_end=programme.ends_on, new_end=new_end,
                                   reason=reason, extended_by_id=actor.id)
    programme.ends_on = new_end
    db.session.add(extension)
    db.session.flush()
    record("mentorship.extend", mentorship, actor=actor, reason=reason,
           details={"previous_end": extension.previous_end.isoformat(), "new_end": new_end.isoformat()})
    return extension


# -- the plan and the meetings ------------------------------------------------------------------------------

def add_plan_item(mentorship: Mentorship, title: str, direction_id: int | None, due_on: date | None) -> PlanItem:
    _refuse_unless_active(mentorship)
    item = PlanItem(programme=mentorship.programme, title=title.strip(), direction_id=direction_id, due_on=due_on)
    db.session.add(item)
    db.session.flush()
    return item


def toggle_plan_item(mentorship: Mentorship, item: PlanItem) -> PlanItem:
    _refuse_unless_active(mentorship)
    item.done_at = None if item.is_done else utcnow()
    db.session.flush()
    return item


def part_or_404(mentorship: Mentorship, model: type[PlanItem] | type[Meeting], part_id: int):
    """A plan item or a meeting of this mentorship's programme; another programme's is not found here."""
    part = db.session.get(model, part_id)
    if part is None or part.programme_id != mentorship.programme.id:
        abort(404)
    return part


def delete_part(mentorship: Mentorship, part: PlanItem | Meeting) -> None:
    """Remove a plan item or a meeting from the programme."""
    _refuse_unless_active(mentorship)
    db.session.delete(part)
    db.session.flush()
    db.session.expire(mentorship.programme)


def add_meeting(mentorship: Mentorship, starts_at: datetime, duration_minutes: int, mode_id: int | None,
                place: str | None, notes: str | None) -> Meeting:
    """``starts_at`` in naive UTC, as every stored time."""
    _refuse_unless_active(mentorship)
    meeting = Meeting(programme=mentorship.programme, starts_at=starts_at, duration_minutes=duration_minutes,
                      mode_id=mode_id, place=place, notes=notes)
    db.session.add(meeting)
    db.session.flush()
    return meeting


# -- replacing the mentor -----------------------------------------------------------------------------------

def request_replacement(mentorship: Mentorship, actor, reason: str) -> list[User]:
    """The mentee asks the curators to replace the mentor: stamped on the mentorship, audited, and the curators
    of both organisations told (the moderators when neither organisation has a curator). Returns who was told."""
    _refuse_unless_active(mentorship)
    mentorship.replacement_requested_at = utcnow()
    mentorship.replacement_reason = reason.strip()
    record("mentorship.request_replacement", mentorship, actor=actor, reason=mentorship.replacement_reason)
    told = curators_of(mentorship) or moderators()
    for person in told:
        notify(person, "mentorship.replacement_requested", mentorship, message=mentorship.replacement_reason)
    db.session.flush()
    return told


def moderators() -> list[User]:
    return list(db.session.scalars(
        select(User).join(RoleGrant, RoleGrant.user_id == User.id)
        .where(RoleGrant.role.in_((Role.MODERATOR, Role.ADMIN)), User.is_blocked.is_(False))
        .distinct().order_by(User.id)
    ))


def programme_progress(programme: Programme) -> tuple[int, int]:
    """(done, all) items of the plan."""
    return sum(1 for item in programme.plan_items if item.is_done), len(programme.plan_items)
