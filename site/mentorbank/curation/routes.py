"""The curator's cabinet: the school's overview (its mentor profiles and their status) and its public page."""
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..core.permissions import login_required
from ..extensions import db
from ..mentors.application import may_edit, may_speak_for, organisation_team
from .access import curated_organisation_or_403
from .forms import OrganisationPageForm
from .services import school_profiles, status_counts, update_public_page

bp = Blueprint("curation", __name__, url_prefix="/account/organisations")


@bp.get("/<int:organisation_id>")
@login_required
def overview(organisation_id: int):
    organisation = curated_organisation_or_403(organisation_id)
    profiles = school_profiles(organisation.id)
    team = organisation_team(organisation.id)
    return render_template(
        "curation/overview.html",
        organisation=organisation,
        status_counts=status_counts(profiles),
        teams=[profile for profile in profiles if profile.is_team],
        people=[profile for profile in profiles if not profile.is_team],
        # The school's one team profile; its curators edit it whoever started it.
        editable_team=team if team is not None and may_edit(current_user, team) else None,
        # An admin follows the school here but does not speak for it.
        can_start_team=team is None and may_speak_for(current_user, organisation.id),
    )


@bp.route("/<int:organisation_id>/page", methods=["GET", "POST"])
@login_required
def edit_page(organisation_id: int):
    organisation = curated_organisation_or_403(organisation_id)
    form = OrganisationPageForm(obj=organisation)
    if form.validate_on_submit():
        changed = update_public_page(organisation, form.values(), actor=current_user._get_current_object())
        db.session.commit()
        flash(_("The organisation's page is published.") if changed else _("Nothing was changed."), "success")
        return redirect(url_for(".overview", organisation_id=organisation.id), code=303)
    return render_template(
        "curation/page_form.html", form=form, organisation=organisation,
    ), 422 if form.errors else 200
