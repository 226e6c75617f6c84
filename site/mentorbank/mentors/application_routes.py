"""A participant's mentor application: fill, submit, resubmit, edit the approved profile, withdraw."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..core.permissions import login_required
from ..core.security import optional_database_id
from ..core.workflow import TransitionRefused
from ..extensions import db
from ..organisations.models import Organisation
from .application import (
    create_profile, existing_profile, may_edit, may_speak_for, save_content, submit, version_to_edit, withdraw,
)
from .forms import REQUIRED_TO_SUBMIT, MentorProfileForm, SubmitProfileForm, WithdrawProfileForm, form_data
from .models import MentorProfile, ProfileStatus, profiles_of

bp = Blueprint("mentor_application", __name__, url_prefix="/account/mentor-profiles")


def own_profile_or_404(profile_id: int) -> MentorProfile:
    """A profile the person may edit (their own, or their curated school's team profile); a revision stands for
    the profile it revises. Anyone else's id is not found."""
    profile = db.session.get(MentorProfile, profile_id)
    if profile is None or not may_edit(current_user, profile):
        abort(404)
    return profile.revision_of or profile


@bp.get("")
@login_required
def index():
    profiles = profiles_of(current_user.id)
    return render_template(
        "mentor_application/index.html",
        profiles=profiles,
        submit_form=SubmitProfileForm(),
        withdraw_form=WithdrawProfileForm(),
        can_add_personal=not any(not p.is_team for p in profiles),
        can_add_team=current_user.organisation_id is not None and existing_profile(current_user, team=True) is None,
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
def create():
    team = request.args.get("team") == "1"
    # A curator starts the team profile of the school they curate (curation/): ?team=1&organisation=<id>.
    organisation_id = _team_organisation_id() if team else None
    existing = existing_profile(current_user, team, organisation_id)
    if existing is not None and may_edit(current_user, existing):
        return redirect(url_for(".edit", profile_id=existing.id), code=303)
    if existing is not None:
        flash(_("The organisation already has its team profile: its curator or the colleague who started it "
                "edits it."), "error")
        return redirect(url_for(".index"), code=303)
    if current_user.organisation_id is None and organisation_id is None:
        flash(_("Choose your organisation in your account profile first."), "error")
        return redirect(url_for("account.profile"), code=303)
    form = MentorProfileForm(team=team)
    if _accepted(form):
        return _save(form, create_profile(current_user, team, organisation_id))
    return _render_form(form, profile=None, team=team)


def _team_organisation_id() -> int | None:
    """The organisation a new team profile is asked for; only the person's own or one they curate (403)."""
    organisation_id = optional_database_id(request.args.get("organisation"))
    if organisation_id is not None and not may_speak_for(current_user, organisation_id):
        abort(403)
    return organisation_id


@bp.route("/<int:profile_id>/edit", methods=["GET", "POST"])
@login_required
def edit(profile_id: int):
    profile = own_profile_or_404(profile_id)
    shown = version_to_edit(profile)
    form = MentorProfileForm(team=profile.is_team, profile=shown, data=form_data(shown))
    if _accepted(form):
        return _save(form, version_to_edit(profile, start=True), published=profile)
    return _render_form(form, profile=profile, team=profile.is_team)


@bp.post("/<int:profile_id>/submit", endpoint="submit")
@login_required
def submit_profile(profile_id: int):
    profile = own_profile_or_404(profile_id)
    if not SubmitProfileForm().validate_on_submit():
        abort(400)
    try:
        submit(profile, current_user)
    except TransitionRefused as refusal:  # ApplicationError, or the workflow's own refusals
        flash(str(refusal.message), "error")
        return redirect(url_for(".edit", profile_id=profile.id), code=303)
    db.session.commit()
    flash(_("The profile is submitted. A moderator will check it; you will be notified of the decision."), "success")
    return redirect(url_for(".index"), code=303)


@bp.post("/<int:profile_id>/withdraw", endpoint="withdraw")
@login_required
def withdraw_profile(profile_id: int):
    profile = own_profile_or_404(profile_id)
    if not WithdrawProfileForm().validate_on_submit():
        abort(400)
    if profile.status != ProfileStatus.APPROVED:
        flash(_("Only a profile published in the bank can be withdrawn from it."), "error")
        return redirect(url_for(".index"), code=303)
    try:
        withdraw(profile, current_user)
    except TransitionRefused as refusal:  # ApplicationError, or the workflow's own refusals
        flash(str(refusal.message), "error")
        return redirect(url_for(".index"), code=303)
    db.session.commit()
    flash(_("The profile is withdrawn: it is no longer in the bank. You can edit it and submit it again."), "success")
    return redirect(url_for(".index"), code=303)


def _accepted(form: MentorProfileForm) -> bool:
    """A valid POST; submitting also needs both consents (a draft does not)."""
    if not form.validate_on_submit():
        return False
    if not form.wants_submission:
        return True
    if not current_user.is_confirmed:
        form.form_errors.append(_("Confirm your e-mail address before submitting the profile."))
        return False
    return form.validate_for_submission()


def _save(form: MentorProfileForm, version: MentorProfile, published: MentorProfile | None = None):
    profile = published or version
    try:
        save_content(version, form.content(), current_user)
        if form.wants_submission:
            submit(profile, current_user)
    except TransitionRefused as refusal:  # ApplicationError, or the workflow's own refusals
        # Nothing is committed; the session is discarded at the end of the request.
        form.form_errors.append(refusal.message)
        return _render_form(form, profile=published, team=form.is_team, status=422)
    db.session.commit()
    if form.wants_submission:
        flash(_("The profile is submitted. A moderator will check it; you will be notified of the decision."), "success")
        return redirect(url_for(".index"), code=303)
    flash(_("The draft is saved."), "success")
    return redirect(url_for(".edit", profile_id=profile.id), code=303)


def _render_form(form: MentorProfileForm, profile: MentorProfile | None, team: bool, status: int | None = None):
    if status is None:
        status = 422 if form.errors or form.form_errors else 200
    return render_template(
        "mentor_application/form.html",
        form=form,
        profile=profile,
        editing=version_to_edit(profile) if profile is not None else None,
        team=team,
        team_organisation=_team_organisation(profile) if team else None,
        required_to_submit=REQUIRED_TO_SUBMIT,
    ), status


def _team_organisation(profile: MentorProfile | None) -> Organisation | None:
    if profile is not None:
        return profile.organisation
    organisation_id = _team_organisation_id()
    return db.session.get(Organisation, organisation_id) if organisation_id else current_user.organisation
