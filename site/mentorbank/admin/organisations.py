"""Admin pages for organisations: the filtered list, create and edit."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..core.htmx import render_page_or_partial
from ..core.pagination import page_number
from ..extensions import db
from ..core.layout import region_name
from ..organisations.models import Organisation, OrganisationStatus
from .forms import OrganisationFilterForm, OrganisationForm, options
from .routes import bp
from .services import DuplicateError, municipalities, organisation_kinds, organisations_query, paged, save_organisation


def _municipality_choices() -> list[tuple[int, str]]:
    return [(m.id, f"{m.name} ({region_name(m.region)})") for m in municipalities()]


def _id_or_none(value) -> int | None:
    return int(value) if value and str(value).isdigit() else None


@bp.get("/organisations")
def organisations():
    filters = OrganisationFilterForm(request.args)
    filters.kind.choices = options([("", _("Any type"))] + [(str(t.id), t.label) for t in organisation_kinds()])
    filters.municipality.choices = options([("", _("Any municipality"))] + [
        (str(value), label) for value, label in _municipality_choices()
    ])
    filters.validate()
    query = organisations_query(
        filters.q.data, filters.status.data if not filters.status.errors else None,
        _id_or_none(filters.kind.data), _id_or_none(filters.municipality.data),
    )
    page = paged(query, page_number(request.args.get("page")))
    return render_page_or_partial(
        "admin/organisations.html", "admin/_organisation_results.html", filters=filters, page=page
    )


def _form_page(form: OrganisationForm, organisation: Organisation | None):
    """Show the form; on a valid POST save and redirect, otherwise re-render with 422 and what was typed."""
    form.kind.choices = options((t.id, t.label) for t in organisation_kinds(include=form.kind.data))
    form.municipality.choices = options(_municipality_choices())
    if request.method == "POST":
        if form.validate():
            target = organisation or Organisation()
            values = {name: form[name].data for name in ("name", "short_name", "website", "is_training_ground",
                                                          "status")}
            values.update(kind_id=form.kind.data, municipality_id=form.municipality.data)
            try:
                save_organisation(target, values, actor=current_user)
            except DuplicateError:
                form.name.errors.append(_("This municipality already has an organisation with this name."))
            else:
                db.session.commit()
                flash(_("Organisation saved."), "success")
                return redirect(url_for("admin.organisations", q=target.name), 303)
        status = 422
    else:
        status = 200
    return render_template("admin/organisation_form.html", form=form, organisation=organisation), status


@bp.route("/organisations/new", methods=["GET", "POST"])
def create_organisation():
    form = OrganisationForm()
    if request.method == "GET":
        form.status.data = OrganisationStatus.APPROVED.value
    return _form_page(form, None)


@bp.route("/organisations/<int:organisation_id>/edit", methods=["GET", "POST"])
def edit_organisation(organisation_id: int):
    organisation = db.get_or_404(Organisation, organisation_id)
    form = OrganisationForm(obj=organisation) if request.method == "GET" else OrganisationForm()
    if request.method == "GET":
        form.kind.data, form.municipality.data = organisation.kind_id, organisation.municipality_id
        form.status.data = organisation.status.value
    return _form_page(form, organisation)
