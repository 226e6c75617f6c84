"""The moderators' pages: the queue, a submission's detail with its decisions, and the audit log.

Every route is for moderators and admins only; each POST is CSRF-checked by the app-wide CSRFProtect."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..audit.models import AuditEntry
from ..core.htmx import render_page_or_partial
from ..core.pagination import page_number
from ..core.permissions import moderator_required
from ..core.workflow import AlreadyDecided, TransitionRefused
from ..extensions import db
from ..mentors.models import MentorProfile, ProfileStatus
from ..mentors.views import profile_vocabulary_groups
from ..organisations.models import Organisation, OrganisationStatus
from . import decisions
from .audit_log import AuditFilters, action_label, action_options, actor_options, audit_page, targets
from .diff import revision_changes
from .forms import (
    ApproveMentorProfileForm, ApproveOrganisationForm, RejectOrganisationForm, ReturnMentorProfileForm,
)
from . import kinds  # noqa: F401  (registers the proposed organisations; mentor profiles register themselves)
from .queue import AGE_OPTIONS, QueueFilters, queue_counts, queue_page, type_options

bp = Blueprint("moderation", __name__, url_prefix="/moderation")

QUEUE_PER_PAGE = 50
AUDIT_PER_PAGE = 50


@bp.before_request
@moderator_required
def _moderators_only():
    """Guards every route of the blueprint, so a new one cannot be left open by mistake."""


def _see_other(endpoint: str, **values):
    return redirect(url_for(endpoint, **values), code=303)


def _already_decided():
    flash(_("This submission has already been decided."), "error")
    return _see_other("moderation.index")


def _refused(refusal: TransitionRefused, endpoint: str, **values):
    """A decision the workflow refused: already decided (back to the queue), or not this moderator's to take
    (their own submission: back to its page, with the reason)."""
    if isinstance(refusal, AlreadyDecided):
        return _already_decided()
    flash(refusal.message, "error")
    return _see_other(endpoint, **values)


def _decide(waiting: bool, form_class, rerender, decide, page: tuple[str, dict], done: str):
    """A moderator's decision on a submission, the same for every kind: refused when it is no longer waiting;
    the form again with its errors (422, through ``rerender(form)``); else ``decide(form)`` takes the decision
    and returns where to go next (endpoint, values), the workflow may refuse it (back to ``page``, the
    submission's (endpoint, values)), and the decision is committed and announced with ``done``."""
    if not waiting:
        return _already_decided()
    form = form_class()
    if not form.validate_on_submit():
        return rerender(form)
    try:
        next_endpoint, next_values = decide(form)
    except TransitionRefused as refusal:
        page_endpoint, page_values = page
        return _refused(refusal, page_endpoint, **page_values)
    db.session.commit()
    flash(done, "success")
    return _see_other(next_endpoint, **next_values)


# -- the queue --------------------------------------------------------------------------------------------

@bp.get("")
def index():
    filters = QueueFilters.from_args(request.args)
    counts = queue_counts(filters)
    listed = counts.total if not filters.type else next(
        entry.count for entry in counts.by_kind if entry.kind.name == filters.type)
    page = queue_page(filters, page_number(request.args.get("page")), QUEUE_PER_PAGE, listed)
    return render_page_or_partial(
        "moderation/index.html", "moderation/_queue.html",
        filters=filters, page=page, counts=counts, type_options=type_options(), age_options=AGE_OPTIONS,
    )


# -- mentor profiles --------------------------------------------------------------------------------------

def _profile_history(profile: MentorProfile) -> list[AuditEntry]:
    # Decisions on revisions are recorded on the published profile (see decisions.py).
    published_id = profile.revision_of_id or profile.id
    return db.session.scalars(
        select(AuditEntry)
        .where(AuditEntry.target_type == MentorProfile.__tablename__, AuditEntry.target_id == published_id)
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    ).all()


def _render_profile(profile: MentorProfile, return_form=None, approve_form=None, status: int = 200):
    return render_template(
        "moderation/mentor_profile.html",
        profile=profile,
        vocabulary_groups=profile_vocabulary_groups(profile),
        changes=revision_changes(profile),
        history=_profile_history(profile),
        action_label=action_label,
        approve_form=approve_form or ApproveMentorProfileForm(formdata=None),
        return_form=return_form or ReturnMentorProfileForm(formdata=None),
    ), status


@bp.get("/mentor-profiles/<int:profile_id>")
def mentor_profile(profile_id: int):
    return _render_profile(db.get_or_404(MentorProfile, profile_id))


@bp.post("/mentor-profiles/<int:profile_id>/approve")
def approve_mentor_profile(profile_id: int):
    profile = db.get_or_404(MentorProfile, profile_id)

    def approve(form):
        published = decisions.approve_mentor_profile(profile, current_user)
        return "moderation.mentor_profile", {"profile_id": published.id}

    return _decide(
        profile.status == ProfileStatus.PENDING, ApproveMentorProfileForm,
        lambda form: _render_profile(profile, approve_form=form, status=422), approve,
        ("moderation.mentor_profile", {"profile_id": profile_id}),
        _("The mentor profile is approved and published."))


@bp.post("/mentor-profiles/<int:profile_id>/return")
def return_mentor_profile(profile_id: int):
    profile = db.get_or_404(MentorProfile, profile_id)

    def return_to_author(form):
        decisions.return_mentor_profile(profile, current_user, form.clean_reason)
        return "moderation.index", {}

    return _decide(
        profile.status == ProfileStatus.PENDING, ReturnMentorProfileForm,
        lambda form: _render_profile(profile, return_form=form, status=422), return_to_author,
        ("moderation.mentor_profile", {"profile_id": profile_id}),
        _("The mentor profile is returned to its author with your reason."))


# -- organisations ----------------------------------------------------------------------------------------

def _render_organisation(organisation: Organisation, reject_form=None, status: int = 200):
    return render_template(
        "moderation/organisation.html",
        organisation=organisation,
        proposer=decisions.proposer_of(organisation),
        is_proposed=organisation.status == OrganisationStatus.PROPOSED,
        records_naming=decisions.records_naming(organisation),
        approve_form=ApproveOrganisationForm(),
        reject_form=reject_form or RejectOrganisationForm(formdata=None),
    ), status


@bp.get("/organisations/<int:organisation_id>")
def organisation(organisation_id: int):
    return _render_organisation(db.get_or_404(Organisation, organisation_id))


@bp.post("/organisations/<int:organisation_id>/approve")
def approve_organisation(organisation_id: int):
    organisation = db.get_or_404(Organisation, organisation_id)
    if not ApproveOrganisationForm().validate_on_submit():
        abort(400)
    try:
        decisions.approve_organisation(organisation, current_user)
    except TransitionRefused as refusal:
        return _refused(refusal, "moderation.organisation", organisation_id=organisation_id)
    db.session.commit()
    flash(_("The organisation is added to the directory."), "success")
    return _see_other("moderation.index")


@bp.post("/organisations/<int:organisation_id>/reject")
def reject_organisation(organisation_id: int):
    organisation = db.get_or_404(Organisation, organisation_id)
    if organisation.status != OrganisationStatus.PROPOSED:
        return _already_decided()
    form = RejectOrganisationForm()
    if not form.validate_on_submit():
        return _render_organisation(organisation, reject_form=form, status=422)
    try:
        decisions.reject_organisation(organisation, current_user, form.clean_reason)
    except TransitionRefused as refusal:
        return _refused(refusal, "moderation.organisation", organisation_id=organisation_id)
    except decisions.OrganisationInUse:
        flash(_("Mentor profiles or curators name this organisation: approve it, or return those profiles "
                "so their authors choose another organisation."), "error")
        return _see_other("moderation.organisation", organisation_id=organisation_id)
    db.session.commit()
    flash(_("The proposed organisation is rejected and removed; its people choose another one."), "success")
    return _see_other("moderation.index")


# -- the audit log ----------------------------------------------------------------------------------------

@bp.get("/audit")
def audit():
    filters = AuditFilters.from_args(request.args)
    page = audit_page(filters, AUDIT_PER_PAGE)
    return render_page_or_partial(
        "moderation/audit.html", "moderation/_audit_entries.html",
        filters=filters, page=page, targets=targets(page.items), action_label=action_label,
        action_options=action_options(), actors=actor_options(),
    )

from . import practice_routes  # noqa: E402,F401  (the practices' moderator pages, on this blueprint)
from . import programme_routes  # noqa: E402,F401  (the programme templates' moderator pages, on this blueprint)
