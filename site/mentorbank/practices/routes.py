"""The practice bank's pages: the searchable list and a practice (public); proposing and editing one, its
author's list, and adoptions (logged-in participants)."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user

from ..attachments import UploadRefused
from ..core.markdown import render_markdown
from ..core.permissions import login_required
from ..core.workflow import TransitionRefused
from ..extensions import db
from ..search.listing import render_bank
from ..vocabularies.models import Term
from . import files, services
from .adoptions import adopt, report_outcome
from .cards import practices_for_hits
from .content import PRACTICE_CONTENT
from .filters import PracticeFilters
from .forms import (
    REQUIRED_TO_SUBMIT, AdoptionForm, AdoptionOutcomeForm, PracticeActionForm, PracticeForm, form_data,
)
from .models import Adoption, Practice, PracticeStatus, get_public_practice_or_404, practices_of

bp = Blueprint("practices", __name__, url_prefix="/practices")
bp.add_app_template_filter(render_markdown, "markdown")

# The empty choice lets the filters decide: best match when there is a query, by title when there is none.
SORT_OPTIONS = (
    ("", _l("Best match first")),
    ("name", _l("By title")),
    ("recent", _l("Newest first")),
    ("year", _l("Most recent start first")),
)
PER_PAGE = 20


@bp.get("")
def index():
    return render_bank(PracticeFilters, "practices/index.html", practices_for_hits, SORT_OPTIONS, PER_PAGE)


@bp.get("/<int:practice_id>")
def detail(practice_id: int):
    practice = get_public_practice_or_404(practice_id)
    version = practice.published_version
    mine = [adoption for adoption in practice.adoptions
            if current_user.is_authenticated and adoption.user_id == current_user.id]
    return render_template(
        "practices/detail.html", practice=practice, version=version,
        term_groups=PRACTICE_CONTENT.grouped_terms(version.terms), files=files.files_of(version),
        adoption_form=AdoptionForm(formdata=None), outcome_form=AdoptionOutcomeForm(formdata=None),
        my_adoptions=mine, login_url=url_for("auth.login", next=request.path),
    )


# -- the author's pages -------------------------------------------------------------------------------------

def _own_practice_or_404(practice_id: int) -> Practice:
    """The owner's practice; anyone else's id is not found."""
    practice = db.session.get(Practice, practice_id)
    if practice is None or practice.owner_id != current_user.id:
        abort(404)
    return practice


@bp.get("/mine")
@login_required
def mine():
    return render_template("practices/mine.html", practices=practices_of(current_user.id),
                           action_form=PracticeActionForm())


@bp.route("/new", methods=["GET", "POST"])
@login_required
def propose():
    if current_user.organisation_id is None:
        flash(_("Choose your organisation in your account profile first."), "error")
        return redirect(url_for("account.profile"), code=303)
    form = PracticeForm()
    if _accepted(form):
        practice = services.start_practice(current_user, current_user.organisation_id)
        return _save(form, practice, shown=None)
    return _render_form(form, practice=None)


@bp.route("/<int:practice_id>/edit", methods=["GET", "POST"])
@login_required
def edit(practice_id: int):
    practice = _own_practice_or_404(practice_id)
    shown = practice.current
    form = PracticeForm(version=shown, data=form_data(shown, current_user.id))
    form.attachments.existing_count = len(files.files_of(shown))
    if _accepted(form):
        return _save(form, practice, shown)
    return _render_form(form, practice=practice)


@bp.post("/<int:practice_id>/submit")
@login_required
def submit(practice_id: int):
    practice = _own_practice_or_404(practice_id)
    if not PracticeActionForm().validate_on_submit():
        abort(400)
    try:
        services.submit(practice, current_user)
    except TransitionRefused as refusal:
        flash(str(refusal.message), "error")
        return redirect(url_for(".mine"), code=303)
    db.session.commit()
    flash(_("The practice is submitted. A moderator will check it; you will be notified of the decision."), "success")
    return redirect(url_for(".mine"), code=303)


def _accepted(form: PracticeForm) -> bool:
    if not form.validate_on_submit():
        return False
    if not form.wants_submission:
        return True
    if not current_user.is_confirmed:
        form.form_errors.append(_("Confirm your e-mail address before submitting the practice."))
        return False
    return form.validate_for_submission()


def _save(form: PracticeForm, practice: Practice, shown):
    version = services.editable_version(practice)
    terms = list(db.session.scalars(db.select(Term).where(Term.id.in_(form.term_ids())))) if form.term_ids() else []
    authors = [author for author in version.authors if author.id != current_user.id]
    if form.i_am_author.data:
        authors.append(current_user)
    try:
        if version.status == PracticeStatus.SUBMITTED:
            services.reopen(practice, current_user)  # changed while waiting: out of the queue until submitted again
        services.save_content(version, form.values(), terms, authors)
        files.change_files(version, form.attachments.uploads, form.remove_files.data or [], shown, current_user)
        if form.wants_submission:
            services.submit(practice, current_user)
    except (TransitionRefused, UploadRefused) as refusal:
        # Nothing is committed; the session (and any stored file) is discarded at the end of the request.
        form.form_errors.append(refusal.message)
        return _render_form(form, practice=practice if practice.id and shown is not None else None, status=422)
    db.session.commit()
    if form.wants_submission:
        flash(_("The practice is submitted. A moderator will check it; you will be notified of the decision."),
              "success")
        return redirect(url_for(".mine"), code=303)
    flash(_("The draft is saved."), "success")
    return redirect(url_for(".edit", practice_id=practice.id), code=303)


def _render_form(form: PracticeForm, practice: Practice | None, status: int | None = None):
    if status is None:
        status = 422 if form.errors or form.form_errors else 200
    editing = practice.pending_version if practice is not None else None
    return render_template(
        "practices/form.html", form=form, practice=practice, editing=editing,
        files=files.files_of(practice.current) if practice is not None else [],
        required_to_submit=REQUIRED_TO_SUBMIT,
    ), status


# -- adoptions ----------------------------------------------------------------------------------------------

@bp.post("/<int:practice_id>/adoptions")
@login_required
def add_adoption(practice_id: int):
    practice = get_public_practice_or_404(practice_id)
    form = AdoptionForm()
    if current_user.organisation_id is None:
        flash(_("Choose your organisation in your account profile first."), "error")
        return redirect(url_for("account.profile"), code=303)
    if not form.validate_on_submit():
        flash(_("Describe how your school adopted the practice."), "error")
        return redirect(url_for(".detail", practice_id=practice.id, _anchor="adoptions"), code=303)
    adopt(practice, current_user, form.how.data)
    db.session.commit()
    flash(_("Thank you: your school is now listed among those that adopted the practice."), "success")
    return redirect(url_for(".detail", practice_id=practice.id, _anchor="adoptions"), code=303)


@bp.post("/<int:practice_id>/adoptions/<int:adoption_id>/outcome")
@login_required
def adoption_outcome(practice_id: int, adoption_id: int):
    adoption = db.session.get(Adoption, adoption_id)
    if adoption is None or adoption.practice_id != practice_id or not adoption.practice.is_public:
        abort(404)
    if adoption.user_id != current_user.id:
        abort(403)
    form = AdoptionOutcomeForm()
    if not form.validate_on_submit():
        flash(_("Describe what came of adopting the practice."), "error")
    else:
        report_outcome(adoption, form.outcome.data)
        db.session.commit()
        flash(_("Thank you: the outcome is shown on the practice's page."), "success")
    return redirect(url_for(".detail", practice_id=practice_id, _anchor="adoptions"), code=303)

