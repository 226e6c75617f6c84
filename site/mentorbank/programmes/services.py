"""What happens to programme templates: made from a completed mentorship's programme, moderated, withdrawn,
and started from by the members of an active mentorship. Services only flush; the route commits."""
import calendar
import re
from datetime import date

from flask_babel import lazy_gettext as _l

from ..audit.models import record
from ..core.models import utcnow
from ..core.workflow import TransitionRefused, transition
from ..extensions import db
from ..mentoring.models import Mentorship, MentorshipStatus, PlanItem, Programme
from ..notifications.service import notify
from .anonymise import without_personal_data
from .models import EDITABLE_STATUSES, TEMPLATE_WORKFLOW, ProgrammeTemplate, TemplateStatus

# The programme's text fields a template carries (the same names on both models).
TEXT_FIELDS = ("problem", "goals", "content", "planned_results", "meeting_schedule")


def may_publish(mentorship: Mentorship, user) -> bool:
    """Only the mentor of a completed mentorship publishes its programme."""
    return (getattr(user, "is_authenticated", False) and mentorship.mentor_id == user.id
            and mentorship.status == MentorshipStatus.COMPLETED)


def people_of(mentorship: Mentorship) -> list[str]:
    """The names the template must not carry: the mentor's, the mentee's and a team request's members'."""
    names = [mentorship.mentor.full_name, mentorship.mentee.full_name]
    if mentorship.request is not None and mentorship.request.group_members:
        names += re.split(r"[\n,;]+", mentorship.request.group_members)
    return [name for name in names if name and name.strip()]


def months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + (1 if end.day > start.day else 0)


def add_months(start: date, months: int) -> date:
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def prefilled(mentorship: Mentorship) -> dict:
    """The publish form's first values: the programme as it ended, with its people's personal data cut out."""
    from ..mentoring.models import PROGRAMME_MAX_MONTHS, PROGRAMME_MIN_MONTHS

    programme, names = mentorship.programme, people_of(mentorship)
    if programme is None:
        return {"period_months": 6}
    data = {name: without_personal_data(getattr(programme, name), names) for name in TEXT_FIELDS}
    first_line = next((line for line in data["problem"].splitlines() if line.strip()), "")
    data["title"] = first_line.strip()[:300]
    data["plan"] = "\n".join(without_personal_data(item.title, names) for item in programme.plan_items)
    period = months_between(programme.starts_on, programme.ends_on)
    data["period_months"] = min(max(period, PROGRAMME_MIN_MONTHS), PROGRAMME_MAX_MONTHS)
    data["directions"] = [term.id for term in programme.directions]
    data["mentoring_form"] = mentorship.form_id
    data["mode"] = programme.mode_id
    return data


def template_of(mentorship: Mentorship) -> ProgrammeTemplate | None:
    return db.session.scalar(db.select(ProgrammeTemplate).where(ProgrammeTemplate.mentorship_id == mentorship.id))


def submit_template(mentorship: Mentorship, author, values: dict, directions) -> ProgrammeTemplate:
    """The mentor's template of ``mentorship`` with these values, sent to moderation (a returned or withdrawn one
    again)."""
    if not may_publish(mentorship, author):
        raise TransitionRefused(_l("Only the mentor of a completed mentorship publishes its programme."))
    template = template_of(mentorship)
    if template is not None and template.status not in EDITABLE_STATUSES:
        raise TransitionRefused(_l("The programme of this mentorship is already in the bank or waits for moderation."))
    if template is None:
        template = ProgrammeTemplate(author_id=author.id, mentorship_id=mentorship.id)
        db.session.add(template)
    for name, value in values.items():
        setattr(template, name, value)
    template.directions = list(directions)
    db.session.flush()
    transition(template, TemplateStatus.SUBMITTED, author)
    return template


def approve(template: ProgrammeTemplate, moderator) -> None:
    # Stamped before the status changes: the table requires a published template to carry its date.
    template.published_at = utcnow()
    transition(template, TemplateStatus.PUBLISHED, moderator)



def return_to_author(template: ProgrammeTemplate, moderator, reason: str) -> None:
    transition(template, TemplateStatus.RETURNED, moderator, reason)


def withdraw(template: ProgrammeTemplate, author) -> None:
    transition(template, TemplateStatus.WITHDRAWN, author)


def start_from(template: ProgrammeTemplate, mentorship: Mentorship, actor) -> Programme:
    """The programme of an active mentorship starts again from ``template``: its goals, content, results,
    schedule, mode and directions are the template's, its period starts today (unless it was extended), the
    template's activities join its plan; the mentee's own problem stays when written."""
    if not (mentorship.is_member(actor) and mentorship.is_active):
        raise TransitionRefused(_l("Choose one of your active mentorships."))
    programme = mentorship.programme
    today = date.today()
    if programme is None:
        programme = mentorship.programme = Programme(starts_on=today, ends_on=today)
    for name in ("goals", "content", "planned_results", "meeting_schedule"):
        setattr(programme, name, getattr(template, name))
    programme.problem = programme.problem or template.problem
    programme.mode_id = template.mode_id
    programme.directions = list(template.directions)
    if not programme.extensions:  # an extended programme's end moves only by a recorded extension
        programme.starts_on, programme.ends_on = today, add_months(today, template.period_months)
    programme.template_id = template.id
    programme.plan_items.extend(PlanItem(title=line[:500]) for line in template.plan_lines)
    db.session.flush()
    record("programme_template.use", template, actor=actor, details={"mentorship_id": mentorship.id})
    return programme


@TEMPLATE_WORKFLOW.on_transition
def _after_transition(change) -> None:
    template, action = change.record, change.step.action
    if action in ("submit", "resubmit"):
        template.submitted_at = utcnow()
    db.session.flush()
    record(f"programme_template.{action}", template, actor=change.actor, reason=change.reason,
           details={"title": template.title})
    if template.author is not None and action in ("approve", "return"):
        notify(template.author, f"programme_template.{'approved' if action == 'approve' else 'returned'}", template,
               message=change.reason)
