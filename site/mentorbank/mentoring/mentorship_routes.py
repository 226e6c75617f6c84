"""A mentorship's pages: its programme, plan and meetings, the documents to print, completion; the curator's view.

Load → check → act → render: a mentorship one may not see is not found (404); one may see but not change
(a curator, a moderator) answers 403. The plan and the meetings are sections that htmx replaces in place; without
JavaScript the same forms post and come back to the page."""
from flask import Blueprint, abort, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..core.htmx import wants_partial
from ..core.permissions import login_required
from ..extensions import db
from ..vocabularies.models import Term
from . import pairs
from .completion import REASON_LABELS, complete, reasons_for
from .page_links import mentorship_links
from .pair_forms import (
    ButtonForm, CompletionForm, ExtensionForm, MeetingForm, PlanItemForm, ProgrammeForm, ReplacementForm,
)
from .pairs import PairRefused

bp = Blueprint("mentorships", __name__)


def _user():
    return current_user._get_current_object()


@bp.get("/account/mentorships")
@login_required
def index():
    return render_template("mentorships/index.html", mentorships=pairs.mentorships_of(current_user))


def _detail_context(mentorship, plan_form=None, meeting_form=None) -> dict:
    programme = mentorship.programme
    member = mentorship.is_member(current_user)
    return {
        "mentorship": mentorship, "programme": programme,
        "editable": member and mentorship.is_active,
        "progress": pairs.programme_progress(programme),
        "plan_form": plan_form or PlanItemForm(formdata=None, programme=programme),
        "meeting_form": meeting_form or MeetingForm(formdata=None),
        "button_form": ButtonForm(formdata=None),
        "links": mentorship_links(mentorship, current_user),
        "may_complete": mentorship.is_active and bool(reasons_for(mentorship, current_user)),
        "may_ask_replacement": mentorship.is_active and current_user.id == mentorship.mentee_id,
        "reason_labels": REASON_LABELS,
    }


@bp.get("/account/mentorships/<int:mentorship_id>")
@login_required
def detail(mentorship_id: int):
    mentorship = pairs.get_visible_mentorship_or_404(mentorship_id, current_user)
    return render_template("mentorships/detail.html", **_detail_context(mentorship))


@bp.route("/account/mentorships/<int:mentorship_id>/programme", methods=["GET", "POST"])
@login_required
def edit_programme(mentorship_id: int):
    mentorship = pairs.get_editable_mentorship_or_abort(mentorship_id, current_user)
    programme = mentorship.programme
    form = ProgrammeForm(obj=programme, programme=programme,
                         data={"directions": [term.id for term in programme.directions],
                               "mode": programme.mode_id or 0})
    if form.validate_on_submit():
        directions = list(db.session.scalars(db.select(Term).where(Term.id.in_(form.directions.data or []))))
        try:
            pairs.update_programme(mentorship, form.values(), directions, _user())
        except PairRefused as refusal:
            form.form_errors.append(refusal.message)
        else:
            db.session.commit()
            flash(_("The programme is saved."), "success")
            return redirect(url_for(".detail", mentorship_id=mentorship.id), code=303)
    status = 422 if form.errors or form.form_errors else 200
    return render_template("mentorships/programme_form.html", form=form, mentorship=mentorship), status


@bp.route("/account/mentorships/<int:mentorship_id>/extend", methods=["GET", "POST"])
@login_required
def extend(mentorship_id: int):
    mentorship = pairs.get_editable_mentorship_or_abort(mentorship_id, current_user)
    form = ExtensionForm()
    if form.validate_on_submit():
        try:
            pairs.extend(mentorship, form.new_end.data, form.reason.data, _user())
        except PairRefused as refusal:
            form.form_errors.append(refusal.message)
        else:
            db.session.commit()
            flash(_("The programme is extended; the extension is recorded."), "success")
            return redirect(url_for(".detail", mentorship_id=mentorship.id, _anchor="programme"), code=303)
    status = 422 if form.errors or form.form_errors else 200
    return render_template("mentorships/extend.html", form=form, mentorship=mentorship), status


# -- the plan and the meetings: htmx replaces the section, a plain form comes back to the page ---------------

def _section(mentorship, name: str, status: int = 200, **forms):
    """The section alone for htmx; the whole page otherwise (after a refused form, with its errors)."""
    context = _detail_context(mentorship, **forms)
    template = f"mentorships/_{name}.html" if wants_partial() else "mentorships/detail.html"
    response = make_response(render_template(template, **context), status)
    response.vary.add("HX-Request")
    return response


def _done(mentorship, name: str, message: str | None = None):
    db.session.commit()
    if wants_partial():
        return _section(mentorship, name)
    if message:
        flash(message, "success")
    return redirect(url_for(".detail", mentorship_id=mentorship.id, _anchor=name), code=303)


def _refused(mentorship, name: str, refusal: PairRefused):
    if wants_partial():
        return _section(mentorship, name, status=409)
    flash(str(refusal.message), "error")
    return redirect(url_for(".detail", mentorship_id=mentorship.id, _anchor=name), code=303)


def _button_pressed() -> bool:
    return ButtonForm().validate_on_submit()


@bp.post("/account/mentorships/<int:mentorship_id>/plan")
@login_required
def add_plan_item(mentorship_id: int):
    mentorship = pairs.get_editable_mentorship_or_abort(mentorship_id, current_user)
    form = PlanItemForm(programme=mentorship.programme)
    if not form.validate_on_submit():
        return _section(mentorship, "plan", status=422, plan_form=form)
    try:
        pairs.add_plan_item(mentorship, form.title.data, form.direction.data or None, form.due_on.data)
    except PairRefused as refusal:
        return _refused(mentorship, "plan", refusal)
    return _done(mentorship, "plan", _("The activity is added to the plan."))


@bp.post("/account/mentorships/<int:mentorship_id>/plan/<int:item_id>/toggle")
@login_required
def toggle_plan_item(mentorship_id: int, item_id: int):
    mentorship = pairs.get_editable_mentorship_or_abort(mentorship_id, current_user)
    item = pairs.plan_item_or_404(mentorship, item_id)
    if not _button_pressed():
        return _section(mentorship, "plan", status=400)
    try:
        pairs.toggle_plan_item(mentorship, item)
    except PairRefused as refusal:
        return _refused(mentorship, "plan", refusal)
    return _done(mentorship, "plan")


@bp.post("/account/mentorships/<int:mentorship_id>/plan/<int:item_id>/delete")
@login_required
def delete_plan_item(mentorship_id: int, item_id: int):
    mentorship = pairs.get_editable_mentorship_or_abort(mentorship_id, current_user)
    item = pairs.plan_item_or_404(mentorship, item_id)
    if not _button_pressed():
        return _section(mentorship, "plan", status=400)
    try:
        pairs.delete_plan_item(mentorship, item)
    except PairRefused as refusal:
        return _refused(mentorship, "plan", refusal)
    return _done(mentorship, "plan", _("The activity is removed from the plan."))


@bp.post("/account/mentorships/<int:mentorship_id>/meetings")
@login_required
def add_meeting(mentorship_id: int):
    mentorship = pairs.get_editable_mentorship_or_abort(mentorship_id, current_user)
    form = MeetingForm()
    if not form.validate_on_submit():
        return _section(mentorship, "meetings", status=422, meeting_form=form)
    try:
        pairs.add_meeting(mentorship, form.starts_at_utc(), form.duration_minutes.data, form.mode.data or None,
                          (form.place.data or "").strip() or None, (form.notes.data or "").strip() or None)
    except PairRefused as refusal:
        return _refused(mentorship, "meetings", refusal)
    return _done(mentorship, "meetings", _("The meeting is added."))


@bp.post("/account/mentorships/<int:mentorship_id>/meetings/<int:meeting_id>/delete")
@login_required
def delete_meeting(mentorship_id: int, meeting_id: int):
    mentorship = pairs.get_editable_mentorship_or_abort(mentorship_id, current_user)
    meeting = pairs.meeting_or_404(mentorship, meeting_id)
    if not _button_pressed():
        return _section(mentorship, "meetings", status=400)
    try:
        pairs.delete_meeting(mentorship, meeting)
    except PairRefused as refusal:
        return _refused(mentorship, "meetings", refusal)
    return _done(mentorship, "meetings", _("The meeting is removed."))


# -- the end: a request to replace the mentor, completion ---------------------------------------------------

@bp.route("/account/mentorships/<int:mentorship_id>/replacement", methods=["GET", "POST"])
@login_required
def request_replacement(mentorship_id: int):
    mentorship = pairs.get_visible_mentorship_or_404(mentorship_id, current_user)
    if current_user.id != mentorship.mentee_id:
        abort(403)
    form = ReplacementForm()
    if form.validate_on_submit():
        try:
            pairs.request_replacement(mentorship, _user(), form.reason.data)
        except PairRefused as refusal:
            form.form_errors.append(refusal.message)
        else:
            db.session.commit()
            flash(_("Your request is sent to the curators: they will contact you."), "success")
            return redirect(url_for(".detail", mentorship_id=mentorship.id), code=303)
    status = 422 if form.errors or form.form_errors else 200
    return render_template("mentorships/replacement.html", form=form, mentorship=mentorship), status


@bp.route("/account/mentorships/<int:mentorship_id>/complete", methods=["GET", "POST"])
@login_required
def complete_mentorship(mentorship_id: int):
    mentorship = pairs.get_visible_mentorship_or_404(mentorship_id, current_user)
    reasons = reasons_for(mentorship, current_user)
    if not reasons:
        abort(403)
    form = CompletionForm(reasons=reasons)
    if mentorship.is_active and form.validate_on_submit():
        try:
            complete(mentorship, _user(), form.reason.data, form.note.data)
        except PairRefused as refusal:
            form.form_errors.append(refusal.message)
        else:
            db.session.commit()
            flash(_("The mentorship is completed."), "success")
            return redirect(url_for(".detail", mentorship_id=mentorship.id), code=303)
    status = 422 if form.errors or form.form_errors else 200
    return render_template("mentorships/complete.html", form=form, mentorship=mentorship), status


from . import mentorship_documents  # noqa: E402,F401  (the printed documents, the calendar and the curator's view)
