"""/library for everyone (search and rubric facets, as /mentors); its management for moderators."""
from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..attachments import UploadRefused, attachments_of
from ..core.htmx import render_page_or_partial
from ..core.pagination import Page, paginate, page_number
from ..core.permissions import moderator_required
from ..extensions import db
from .facets import SORT_OPTIONS, chosen_sort, rubric_options
from .filters import LibraryFilters
from .forms import LibraryItemForm, PublicationForm
from .models import (
    FILE_OWNER, LibraryItem, files_of_items, get_item_or_404, get_public_item_or_404, items_for_hits,
)
from .services import ItemFields, create_item, set_published, update_item

bp = Blueprint("library", __name__, url_prefix="/library")
MANAGE_PER_PAGE = 50


@bp.get("")
def index():
    filters = LibraryFilters.from_args(request.args)
    per_page = current_app.config.get("LIBRARY_PER_PAGE", 20)
    result = filters.search(per_page)
    page = Page(items=items_for_hits(result.hits), page=filters.page, per_page=per_page, total=result.total)
    return render_page_or_partial(
        "library/index.html", "library/_partial.html",
        filters=filters, result=result, page=page, rubrics=rubric_options(filters, result.facets),
        files=files_of_items([item.id for item, _hit in page.items]),
        sort_options=SORT_OPTIONS, chosen_sort=chosen_sort(request.args.get("sort")),
    )


@bp.get("/<int:item_id>")
def detail(item_id: int):
    item = get_public_item_or_404(item_id)
    return render_template("library/detail.html", item=item, attachments=attachments_of(FILE_OWNER, item.id))


@bp.get("/manage")
@moderator_required
def manage():
    items = paginate(select(LibraryItem).order_by(LibraryItem.updated_at.desc(), LibraryItem.id.desc()),
                     page_number(request.args.get("page")), MANAGE_PER_PAGE)
    return render_template("library/manage.html", page=items, form=PublicationForm())


@bp.route("/new", methods=["GET", "POST"])
@moderator_required
def create():
    form = LibraryItemForm()
    if form.validate_on_submit():
        try:
            item = create_item(_fields(form), actor=current_user, uploads=form.files.uploads)
        except UploadRefused as refusal:
            return _refused(form, None, refusal)
        db.session.commit()
        flash(_("The item is in the library."), "success")
        return redirect(url_for("library.detail", item_id=item.id), 303)
    return _form_page(form, item=None)


@bp.route("/<int:item_id>/edit", methods=["GET", "POST"])
@moderator_required
def edit(item_id: int):
    item = get_item_or_404(item_id)
    files = attachments_of(FILE_OWNER, item.id)
    # The stored values fill the form only when it is opened: a POST is judged on what it sends alone.
    form = LibraryItemForm(data=_form_values(item) if request.method == "GET" else None,
                           existing_file_ids=tuple(attachment.id for attachment in files))
    if form.validate_on_submit():
        try:
            changed = update_item(item, _fields(form), actor=current_user, uploads=form.files.uploads,
                                  remove_file_ids=form.remove_files.data or ())
        except UploadRefused as refusal:
            return _refused(form, item, refusal)
        if changed:
            db.session.commit()
            flash(_("The item is saved."), "success")
        return redirect(url_for("library.manage"), 303)
    return _form_page(form, item=item, files=files)


@bp.post("/<int:item_id>/<any(publish, unpublish):action>")
@moderator_required
def publication(item_id: int, action: str):
    item = get_item_or_404(item_id)
    form = PublicationForm()
    if not form.validate_on_submit():
        return redirect(url_for("library.manage"), 303)
    if set_published(item, action == "publish", actor=current_user):
        db.session.commit()
        flash(_("The item is back in the library.") if action == "publish"
              else _("The item is withdrawn from the library."), "success")
    return redirect(url_for("library.manage"), 303)


def _fields(form: LibraryItemForm) -> ItemFields:
    return ItemFields(
        title=form.title.data.strip(), rubric_id=form.rubric.data, url=(form.url.data or "").strip() or None,
        year=form.year.data, description=(form.description.data or "").strip(),
        source=(form.source.data or "").strip(), issued_on=form.issued_on.data,
    )


def _form_values(item: LibraryItem) -> dict:
    return {"title": item.title, "rubric": item.rubric_id, "url": item.url, "year": item.year,
            "description": item.description, "source": item.source, "issued_on": item.issued_on}


def _form_page(form: LibraryItemForm, item: LibraryItem | None, files=()):
    status = 422 if form.is_submitted() else 200
    return render_template("library/form.html", form=form, item=item, files=files), status


def _refused(form: LibraryItemForm, item: LibraryItem | None, refusal: UploadRefused):
    """A file the form let through was refused when stored (another upload took the last place): nothing of
    the change stays."""
    db.session.rollback()
    form.files.errors = [*form.files.errors, refusal.message]
    return _form_page(form, item, attachments_of(FILE_OWNER, item.id) if item else ())
