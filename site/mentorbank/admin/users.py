"""Admin pages for users: the list, one user with their roles, grant and revoke, block and unblock."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user

from ..accounts.models import Role, RoleGrant, User
from ..accounts.roles import AccountError, block_user, grant_role, revoke_role, unblock_user
from ..core.htmx import render_page_or_partial
from ..core.pagination import page_number
from ..extensions import db
from ..mentors.models import ProfileStatus
from ..organisations.models import Organisation
from .forms import BlockForm, ConfirmForm, GrantRoleForm, UserFilterForm, options
from .routes import bp
from .services import approved_organisations, paged, user_profiles, users_query

PROFILE_STATUS_LABELS = {
    ProfileStatus.DRAFT: _l("draft"),
    ProfileStatus.PENDING: _l("waiting for moderation"),
    ProfileStatus.APPROVED: _l("published"),
    ProfileStatus.RETURNED: _l("returned for changes"),
    ProfileStatus.WITHDRAWN: _l("withdrawn"),
}


def _user_or_404(user_id: int) -> User:
    return db.get_or_404(User, user_id)


@bp.get("/users")
def users():
    filters = UserFilterForm(request.args)
    filters.validate()
    role = filters.role.data if not filters.role.errors else None
    page = paged(users_query(filters.q.data, role), page_number(request.args.get("page")))
    return render_page_or_partial("admin/users.html", "admin/_user_results.html", filters=filters, page=page)


def _render_user(user: User, grant_form=None, block_form=None, status: int = 200):
    grant_form = grant_form or GrantRoleForm(formdata=None)
    grant_form.organisation.choices = _organisation_choices()
    return render_template(
        "admin/user.html", user=user, profiles=user_profiles(user), grant_form=grant_form,
        block_form=block_form or BlockForm(formdata=None), confirm_form=ConfirmForm(formdata=None),
        status_labels=PROFILE_STATUS_LABELS,
    ), status


def _organisation_choices():
    return options([(0, _("— none —"))] + [(o.id, f"{o.name} ({o.municipality.name})") for o in approved_organisations()])


@bp.get("/users/<int:user_id>")
def user(user_id: int):
    return _render_user(_user_or_404(user_id))


@bp.post("/users/<int:user_id>/roles", endpoint="grant_role")
def grant_role_view(user_id: int):
    person = _user_or_404(user_id)
    form = GrantRoleForm()
    form.organisation.choices = _organisation_choices()
    if not form.validate():
        return _render_user(person, grant_form=form, status=422)
    role = Role(form.role.data)
    organisation = db.session.get(Organisation, form.organisation.data) if role == Role.CURATOR else None
    try:
        granted = grant_role(person, role, organisation, actor=current_user)
    except AccountError as error:
        form.role.errors.append(str(error))
        return _render_user(person, grant_form=form, status=422)
    db.session.commit()
    flash(_("Role granted.") if granted else _("The user already has this role."), "success" if granted else "info")
    return redirect(url_for("admin.user", user_id=person.id), 303)


@bp.post("/users/<int:user_id>/roles/<int:grant_id>/revoke", endpoint="revoke_role")
def revoke_role_view(user_id: int, grant_id: int):
    person = _user_or_404(user_id)
    form = ConfirmForm()
    if not form.validate():
        return _render_user(person, status=422)
    grant = db.session.get(RoleGrant, grant_id)
    if grant is None or grant.user_id != person.id:
        # Already revoked (e.g. a second click, or in another tab): say so instead of failing.
        flash(_("The user does not have this role."), "info")
        return redirect(url_for("admin.user", user_id=person.id), 303)
    try:
        revoke_role(person, grant.role, grant.organisation, actor=current_user)
    except AccountError as error:
        flash(str(error), "error")
        return redirect(url_for("admin.user", user_id=person.id), 303)
    db.session.commit()
    flash(_("Role revoked."), "success")
    return redirect(url_for("admin.user", user_id=person.id), 303)


@bp.post("/users/<int:user_id>/block", endpoint="block_user")
def block_user_view(user_id: int):
    person = _user_or_404(user_id)
    form = BlockForm()
    if not form.validate():
        return _render_user(person, block_form=form, status=422)
    try:
        withdrawn = block_user(person, actor=current_user, reason=form.reason.data)
    except AccountError as error:
        form.reason.errors.append(str(error))
        return _render_user(person, block_form=form, status=422)
    db.session.commit()
    flash(_("The user is blocked and cannot log in. Mentor profiles withdrawn from the bank: %(count)d.",
            count=len(withdrawn)), "success")
    return redirect(url_for("admin.user", user_id=person.id), 303)


@bp.post("/users/<int:user_id>/unblock", endpoint="unblock_user")
def unblock_user_view(user_id: int):
    person = _user_or_404(user_id)
    form = ConfirmForm()
    if not form.validate():
        return _render_user(person, status=422)
    unblock_user(person, actor=current_user)
    db.session.commit()
    flash(_("The user can log in again. Withdrawn mentor profiles stay withdrawn until resubmitted."), "success")
    return redirect(url_for("admin.user", user_id=person.id), 303)
