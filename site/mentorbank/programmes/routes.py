"""The bank of programme templates: /programmes, a template's page, publishing one, starting from one."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import format_date, gettext as _, lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from ..core import records
from ..core.permissions import login_required
from ..core.workflow import TransitionRefused
from ..extensions import db
from ..mentoring.models import Mentorship, MentorshipStatus
from ..search.listing import render_bank
from ..vocabularies.models import Term
from . import services
from .filters import ProgrammeFilters, period_label
from .forms import TemplateActionForm, TemplateForm, UseTemplateForm, template_data
from .models import (
    EDITABLE_STATUSES, ProgrammeTemplate, get_public_template_or_404, templates_for_hits, times_used,
)

bp = Blueprint("programmes", __name__)
bp.add_app_template_global(period_label, "period_label")

SORT_OPTIONS = (
    ("", _l("Best match first")),
    ("name", _l("By title")),
    ("recent", _l("Newest first")),
)
PER_PAGE = 20


@bp.get("/programmes")
def index():
    return render_bank(ProgrammeFilters, "programmes/index.html", templates_for_hits, SORT_OPTIONS, PER_PAGE)


@bp.get("/programmes/<int:template_id>")
def detail(template_id: int):
    template = get_public_template_or_404(template_id)
    mine = current_user.is_authenticated and template.author_id == current_user.id
    return render_template(
        "programmes/detail.html", template=template, times_used=times_used(template.id),
        can_use=current_user.is_authenticated and bool(_my_active_mentorships()),
        action_form=TemplateActionForm() if mine else None,
        login_url=url_for("auth.login", next=request.path),
    )


# -- starting a programme from a template -------------------------------------------------------------------

def _my_active_mentorships() -> list[Mentorship]:
    return list(db.session.scalars(
        select(Mentorship).where(
            (Mentorship.mentor_id == current_user.id) | (Mentorship.mentee_id == current_user.id),
            Mentorship.status == MentorshipStatus.ACTIVE,
        ).order_by(Mentorship.started_on.desc(), Mentorship.id.desc())))


def _mentorship_choice(mentorship: Mentorship) -> str:
    other = mentorship.mentee if mentorship.mentor_id == current_user.id else mentorship.mentor
    return _("With %(name)s, since %(date)s", name=other.full_name,
             date=format_date(mentorship.started_on))


def mentorship_url(mentorship_id: int) -> str:
    """The mentorship's page, as the record type "mentorship" names it (the mentorships area registers it)."""
    return records.owner_url("mentorship", mentorship_id) or url_for("account.index")


@bp.route("/programmes/<int:template_id>/use", methods=["GET", "POST"])
@login_required
def use(template_id: int):
    template = get_public_template_or_404(template_id)
    mentorships = _my_active_mentorships()
    form = UseTemplateForm()
    form.mentorship.choices = [(mentorship.id, _mentorship_choice(mentorship)) for mentorship in mentorships]
    if request.method == "GET" and request.args.get("mentorship_id", "").isdigit():
        form.mentorship.data = int(request.args["mentorship_id"])
    elif request.method == "GET" and len(mentorships) == 1:
        form.mentorship.data = mentorships[0].id
    if form.validate_on_submit():
        chosen = next(mentorship for mentorship in mentorships if mentorship.id == form.mentorship.data)
        try:
            services.start_from(template, chosen, current_user)
        except TransitionRefused as refusal:
            form.form_errors.append(refusal.message)
        else:
            db.session.commit()
            flash(_("The programme now starts from «%(title)s». Adapt it to your mentee.", title=template.title),
                  "success")
            return redirect(mentorship_url(chosen.id), code=303)
    status = 422 if request.method == "POST" else 200
    return render_template("programmes/use.html", template=template, form=form, mentorships=mentorships), status


# -- publishing a completed programme ----------------------------------------------------------------------

def _mentorship_to_publish_or_404(mentorship_id: int) -> Mentorship:
    """The completed mentorship of the mentor asking; anyone else's, or an active one, is not found."""
    mentorship = db.session.get(Mentorship, mentorship_id)
    if mentorship is None or not services.may_publish(mentorship, current_user):
        abort(404)
    return mentorship


@bp.route("/account/mentorships/<int:mentorship_id>/publish-template", methods=["GET", "POST"])
@login_required
def publish(mentorship_id: int):
    mentorship = _mentorship_to_publish_or_404(mentorship_id)
    template = services.template_of(mentorship)
    if template is not None and template.status not in EDITABLE_STATUSES:
        return render_template("programmes/published_already.html", mentorship=mentorship, template=template,
                               action_form=TemplateActionForm())
    names = services.people_of(mentorship)
    if request.method == "POST":
        form = TemplateForm(names=names)
    else:
        form = TemplateForm(names=names, data=template_data(template) if template else services.prefilled(mentorship))
    if form.validate_on_submit():
        directions = list(db.session.scalars(select(Term).where(Term.id.in_(form.directions.data or []))))
        try:
            services.submit_template(mentorship, current_user, form.values(), directions)
        except TransitionRefused as refusal:
            form.form_errors.append(refusal.message)
        else:
            db.session.commit()
            flash(_("The programme is sent to moderation. You will be notified when it is published."), "success")
            return redirect(url_for("programmes.publish", mentorship_id=mentorship.id), code=303)
    status = 422 if request.method == "POST" else 200
    return render_template("programmes/publish.html", mentorship=mentorship, template=template, form=form), status


@bp.post("/programmes/<int:template_id>/withdraw")
@login_required
def withdraw(template_id: int):
    template = db.session.get(ProgrammeTemplate, template_id)
    if template is None or template.author_id != current_user.id:
        abort(404)
    if not TemplateActionForm().validate_on_submit():
        abort(400)
    try:
        services.withdraw(template, current_user)
    except TransitionRefused as refusal:
        flash(str(refusal.message), "error")
    else:
        db.session.commit()
        flash(_("The programme is withdrawn from the bank."), "success")
    return redirect(url_for("submissions.index"), code=303)
