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
from .models import Meeting, PlanItem
from .page_links import mentorship_links
from .pair_forms import (
    ButtonForm, CompletionForm, ExtensionForm, MeetingForm, PlanItemForm, ProgrammeForm, ReplacementForm,
    programme_data,
)
from .pairs import PairRefused

bp = Blueprint("mentorships", __name__)


def _user():
    return current_user._get_current_object()


@bp.get("/account/mentorships")
@login_required
def index():
    return render_template("mentorships/index.html", mentorships=pairs.mentorships_of(current_user))


def _detail_context(mentorship, plan_form=None, meeting_form=None, refusal: str | None = None) -> dict:
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
        "refusal": refusal,  # why a change was refused, shown in the section htmx swaps in
    }


@bp.get("/account/mentorships/<int:mentorship_id>")
@login_required
def detail(mentorship_id: int):
    mentorship = pairs.get_visible_mentorship_or_404(mentorship_id, current_user)
    return render_template("mentorships/detail.html", **_detail_context(mentorship))


def _form_page(form, template: str, mentorship, act, message: str, anchor: str | None = None):
    """A page with one form: on a valid post the service acts, the request commits and goes back to the
    mentorship; a refusal or an invalid form shows the page again with what was typed (422)."""
    if form.validate_on_submit():
        try:
            act()
        except PairRefused as refusal:
            form.form_errors.append(refusal.message)
        else:
            db.session.commit()
            flash(message, "success")
            return redirect(url_for(".detail", mentorship_id=mentorship.id, _anchor=anchor), code=303)
    status = 422 if form.errors or form.form_errors else 200
    return render_template(template, form=form, mentorship=mentorship), status


@bp.route("/account/mentorships/<int:mentorship_id>/programme", methods=["GET", "POST"])
@login_required
def edit_programme(mentorship_id: int):
    mentorship = pairs.get_editable_mentorship_or_abort(mentorship_id, current_user)
    programme = mentorship.programme
    form = ProgrammeForm(programme=programme, data=programme_data(programme))

    def save():
        directions = list(db.session.scalars(db.select(Term).where(Term.id.in_(form.directions.data or []))))
        pairs.update_programme(mentorship, form.values(), directions, _user())

    return _form_page(form, "mentorships/programme_form.html", mentorship, save, _("The programme is saved."))


@bp.route("/account/mentorships/<int:mentorship_id>/extend", methods=["GET", "POST"])
@login_required
def extend(mentorship_id: int):
    mentorship = pairs.get_editable_mentorship_or_abort(mentorship_id, current_user)
    form = ExtensionForm()
    return _form_page(form, "mentorships/extend.html", mentorship,
                      lambda: pairs.extend(mentorship, form.new_end.data, form.reason.data, _user()),
                      _("The programme is extended; the extension is recorded."), anchor="programme")


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
        return _section(mentorship, name, status=409, refusal=str(refusal.message))
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


def _press(mentorship_id: int, section: str, model, part_id: int, act, message: str | None = None):
    """A button on one plan item or meeting (mark done, delete): load, check, act, answer as the others."""
    mentorship = pairs.get_editable_mentorship_or_abort(mentorship_id, current_user)
    part = pairs.part_or_404(mentorship, model, part_id)
    if not _button_pressed():
        return _section(mentorship, section, status=400)
    try:
        act(mentorship, part)
    except PairRefused as refusal:
        return _refused(mentorship, section, refusal)
    return _done(mentorship, section, message)


@bp.post("/account/mentorships/<int:mentorship_id>/plan/<int:item_id>/toggle")
@login_required
def toggle_plan_item(mentorship_id: int, item_id: int):
    return _press(mentorship_id, "plan", PlanItem, item_id, pairs.toggle_plan_item)


@bp.post("/account/mentorships/<int:mentorship_id>/plan/<int:item_id>/delete")
@login_required
def delete_plan_item(mentorship_id: int, item_id: int):
    return _press(mentorship_id, "plan", PlanItem, item_id, pairs.delete_part,
                  _("The activity is removed from the plan."))


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
    return _press(mentorship_id, "meetings", Meeting, meeting_id, pairs.delete_part, _("The meeting is removed."))


# -- the end: a request to replace the mentor, completion ---------------------------------------------------

@bp.route("/account/mentorships/<int:mentorship_id>/replacement", methods=["GET", "POST"])
@login_required
def request_replacement(mentorship_id: int):
    mentorship = pairs.get_visible_mentorship_or_404(mentorship_id, current_user)
    if current_user.id != mentorship.mentee_id:
        abort(403)
    form = ReplacementForm()
    return _form_page(form, "mentorships/replacement.html", mentorship,
                      lambda: pairs.request_replacement(mentorship, _user(), form.reason.data),
                      _("Your request is sent to the curators: they will contact you."))


@bp.route("/account/mentorships/<int:mentorship_id>/complete", methods=["GET", "POST"])
@login_required
def complete_mentorship(mentorship_id: int):
    mentorship = pairs.get_visible_mentorship_or_404(mentorship_id, current_user)
    reasons = reasons_for(mentorship, current_user)
    if not reasons:
        abort(403)
    form = CompletionForm(reasons=reasons)
    return _form_page(form, "mentorships/complete.html", mentorship,
                      lambda: complete(mentorship, _user(), form.reason.data, form.note.data),
                      _("The mentorship is completed."))


from . import mentorship_documents  # noqa: E402,F401  (the printed documents, the calendar and the curator's view)
