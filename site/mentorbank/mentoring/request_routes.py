"""Asking for mentoring: a request to a chosen mentor or an open one with suggestions, and the mentee's list."""
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..core.permissions import login_required
from ..core.workflow import TransitionRefused
from ..extensions import db
from ..mentors.models import MentorProfile, get_public_profile_or_404
from ..organisations.models import Organisation
from .models import MentoringRequest, RequestStatus
from .request_forms import RequestActionForm, RequestForm, TeamRequestForm
from .requests import file_request, send_to, status_label, withdraw
from .suggestions import suggest

bp = Blueprint("requests", __name__)
bp.add_app_template_global(status_label, "request_status_label")


def _own_request_or_404(request_id: int) -> MentoringRequest:
    """The mentee's own request; anyone else's id is not found."""
    request = db.session.get(MentoringRequest, request_id)
    if request is None or request.mentee_id != current_user.id:
        abort(404)
    return request


def _render_form(template: str, form, status: int | None = None, **context):
    if status is None:
        status = 422 if form.errors or form.form_errors else 200
    return render_template(template, form=form, **context), status


def _filed(form, **where):
    """File the request of a valid form; None (the refusal added to the form) when it may not be filed."""
    try:
        return file_request(current_user, form.details(), **where)
    except TransitionRefused as refusal:
        form.form_errors.append(refusal.message)
        return None


@bp.route("/mentors/<int:profile_id>/ask", methods=["GET", "POST"])
@login_required
def ask(profile_id: int):
    """A request to this mentor; a clear page instead of the form when they cannot take it."""
    profile = get_public_profile_or_404(profile_id)
    if profile.user_id == current_user.id or not profile.takes_requests:
        return render_template("mentoring/requests/closed.html", profile=profile,
                               yourself=profile.user_id == current_user.id), 409
    form = RequestForm()
    if form.validate_on_submit() and (request := _filed(form, mentor_profile=profile)) is not None:
        db.session.commit()
        flash(_("Your request is sent. The mentor will answer within two weeks; you will be notified."), "success")
        return redirect(url_for(".detail", request_id=request.id), code=303)
    return _render_form("mentoring/requests/form.html", form, profile=profile)


@bp.get("/account/requests")
@login_required
def mine():
    requests = db.session.scalars(
        select(MentoringRequest).where(MentoringRequest.mentee_id == current_user.id)
        .options(selectinload(MentoringRequest.mentor_profile))
        .order_by(MentoringRequest.created_at.desc(), MentoringRequest.id.desc()))
    return render_template("mentoring/requests/mine.html", requests=list(requests))


@bp.route("/account/requests/new", methods=["GET", "POST"])
@login_required
def new():
    """An open request: "suggest me a mentor"."""
    form = RequestForm()
    if form.validate_on_submit() and (request := _filed(form)) is not None:
        db.session.commit()
        flash(_("Your request is saved. Choose a mentor among the suggestions and send it to them."), "success")
        return redirect(url_for(".detail", request_id=request.id), code=303)
    return _render_form("mentoring/requests/form.html", form, profile=None)


@bp.route("/account/organisations/<int:organisation_id>/requests/new", methods=["GET", "POST"])
@login_required
def new_team(organisation_id: int):
    """The curator asks for mentoring for a group of their school («команда – команда»)."""
    organisation = db.get_or_404(Organisation, organisation_id)
    if not current_user.is_curator_of(organisation.id):
        abort(403)
    form = TeamRequestForm()
    if form.validate_on_submit() and (request := _filed(form, organisation_id=organisation.id)) is not None:
        db.session.commit()
        flash(_("Your request is saved. Choose a mentor among the suggestions and send it to them."), "success")
        return redirect(url_for(".detail", request_id=request.id), code=303)
    return _render_form("mentoring/requests/form.html", form, profile=None, organisation=organisation)


@bp.get("/account/requests/<int:request_id>")
@login_required
def detail(request_id: int):
    """The mentee follows their request here (its mentor answers it in their inbox)."""
    request = db.session.get(MentoringRequest, request_id)
    if (request is not None and request.mentor_profile is not None
            and request.mentor_profile.user_id == current_user.id and request.mentee_id != current_user.id):
        return redirect(url_for("inbox.detail", request_id=request.id))
    request = _own_request_or_404(request_id)
    suggestions = suggest(request) if request.status == RequestStatus.OPEN else []
    return render_template("mentoring/requests/detail.html", mentoring_request=request, suggestions=suggestions,
                           action_form=RequestActionForm())


@bp.post("/account/requests/<int:request_id>/send/<int:profile_id>")
@login_required
def send(request_id: int, profile_id: int):
    request = _own_request_or_404(request_id)
    profile = db.session.get(MentorProfile, profile_id)
    if profile is None or not profile.is_public:
        abort(404)
    return _act(request, lambda: send_to(request, profile, current_user),
                _("Your request is sent to %(name)s. You will be notified of the answer.", name=profile.display_name))


@bp.post("/account/requests/<int:request_id>/withdraw")
@login_required
def withdraw_request(request_id: int):
    request = _own_request_or_404(request_id)
    return _act(request, lambda: withdraw(request, current_user), _("Your request is withdrawn."))


def _act(request: MentoringRequest, action, done: str):
    """A button of the request's page: do it and commit, or say why not; back to the request either way."""
    if not RequestActionForm().validate_on_submit():
        abort(400)
    try:
        action()
    except TransitionRefused as refusal:
        flash(str(refusal.message), "error")
    else:
        db.session.commit()
        flash(done, "success")
    return redirect(url_for(".detail", request_id=request.id), code=303)
