"""The evaluation forms of a mentorship: the mentee's questionnaire, self-assessments, the curator's notes.

Everything lives under the mentorship's own address: who does not see the mentorship gets 404 for all of it;
who sees it but may not fill a form (the mentor opening the mentee's questionnaire) gets 403."""
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..core import records
from ..core.permissions import login_required
from ..extensions import db
from ..mentoring.models import Mentorship
from . import services
from .forms import ObservationForm, QuestionnaireForm, ResultsForm, scores_of, self_assessment_form
from .models import PUBLIC_RATING_MIN_MENTEES, QUESTIONS, AssessmentStage, NoteLevel

bp = Blueprint("evaluation", __name__, url_prefix="/account/mentorships/<int:mentorship_id>/evaluation")

QUESTION_LABELS = {name: QuestionnaireForm.__dict__[name].args[0] for name in QUESTIONS}
STAGE_TITLES = {AssessmentStage.START: _l("Self-assessment at the start"),
                AssessmentStage.END: _l("Self-assessment at the end")}


def get_mentorship_or_404(mentorship_id: int) -> Mentorship:
    mentorship = db.session.get(Mentorship, mentorship_id)
    if mentorship is None or not mentorship.visible_to(current_user):
        abort(404)
    return mentorship


def _mentorship_url(mentorship: Mentorship) -> str | None:
    """The mentorship's own page: the owner page of its record type (registered by mentoring's pairs)."""
    return records.owner_url(mentorship)


def _shown(value) -> str | None:
    return format_decimal(value, format="0.0") if value is not None else None


def _summary(mentorship: Mentorship):
    return redirect(url_for(".summary", mentorship_id=mentorship.id), code=303)


@bp.get("")
@login_required
def summary(mentorship_id: int):
    mentorship = get_mentorship_or_404(mentorship_id)
    directions = services.programme_directions(mentorship)
    sees_answers = services.may_see_questionnaires(mentorship, current_user)
    answers = services.questionnaires(mentorship) if sees_answers else []
    return render_template(
        "evaluation/summary.html", mentorship=mentorship, mentorship_url=_mentorship_url(mentorship),
        is_mentee=services.is_mentee(mentorship, current_user),
        own_answer=services.questionnaire_of(mentorship, current_user),
        may_answer=services.may_answer_questionnaire(mentorship, current_user),
        sees_answers=sees_answers, answers=answers, question_labels=QUESTION_LABELS,
        question_averages={question: _shown(services.average([getattr(answer, question) for answer in answers]))
                           for question in QUESTIONS},
        directions=directions,
        assessments={stage: services.self_assessment(mentorship, stage) for stage in AssessmentStage},
        may_assess={stage: services.may_self_assess(mentorship, current_user, stage) for stage in AssessmentStage},
        stages=AssessmentStage, stage_titles=STAGE_TITLES,
        observations=services.notes(mentorship, NoteLevel.OBSERVATION),
        results=services.notes(mentorship, NoteLevel.RESULTS),
        may_write_notes=services.may_write_notes(mentorship, current_user),
        rating_threshold=PUBLIC_RATING_MIN_MENTEES,
    )


@bp.route("/questionnaire", methods=["GET", "POST"])
@login_required
def questionnaire(mentorship_id: int):
    mentorship = get_mentorship_or_404(mentorship_id)
    if not services.may_answer_questionnaire(mentorship, current_user):
        abort(403)
    if services.questionnaire_of(mentorship, current_user) is not None:
        flash(_("You have already answered the questionnaire of this mentorship."), "info")
        return _summary(mentorship)
    form = QuestionnaireForm()
    if form.validate_on_submit():
        try:
            services.answer_questionnaire(mentorship, current_user, {q: form[q].data for q in QUESTIONS},
                                          form.comment.data)
        except services.EvaluationRefused as refused:
            flash(str(refused.message), "error")
            return _summary(mentorship)
        db.session.commit()
        flash(_("Thank you: your answers are saved."), "success")
        return _summary(mentorship)
    return _form_page(mentorship, form, _("Questionnaire of the mentee"),
                      _("Four questions about the mentoring that has ended. Your answers help the school and the "
                        "mentor; the mentor's public page shows only the average of at least %(num)d mentees.",
                        num=PUBLIC_RATING_MIN_MENTEES),
                      url_for(".questionnaire", mentorship_id=mentorship.id))


@bp.route("/self-assessment/<stage>", methods=["GET", "POST"])
@login_required
def self_assessment(mentorship_id: int, stage: str):
    mentorship = get_mentorship_or_404(mentorship_id)
    try:
        stage = AssessmentStage(stage)
    except ValueError:
        abort(404)
    if not services.may_self_assess(mentorship, current_user, stage):
        abort(403)
    directions = services.programme_directions(mentorship)
    form = self_assessment_form(directions, services.self_assessment(mentorship, stage))
    if directions and form.validate_on_submit():
        services.save_self_assessment(mentorship, current_user, stage, scores_of(form, directions))
        db.session.commit()
        flash(_("Your self-assessment is saved."), "success")
        return _summary(mentorship)
    intro = (_("Rate how confident you feel in each direction of your programme.") if directions else
             _("The programme names no directions yet: the mentor adds them to the programme first."))
    return _form_page(mentorship, form if directions else None, STAGE_TITLES[stage], intro,
                      url_for(".self_assessment", mentorship_id=mentorship.id, stage=stage.value))


@bp.route("/observations/new", methods=["GET", "POST"])
@login_required
def observe(mentorship_id: int):
    return _note_page(mentorship_id, NoteLevel.OBSERVATION, ObservationForm, _("Curator's observation"),
                      _("What you observed in the teacher's work after the mentoring (level 3: behaviour)."))


@bp.route("/results/new", methods=["GET", "POST"])
@login_required
def report_results(mentorship_id: int):
    return _note_page(mentorship_id, NoteLevel.RESULTS, ResultsForm, _("Results for the organisation"),
                      _("What the mentoring brought to the school (level 4: results)."))


def _note_page(mentorship_id: int, level: NoteLevel, form_class, title: str, intro: str):
    mentorship = get_mentorship_or_404(mentorship_id)
    if not services.may_write_notes(mentorship, current_user):
        abort(403)
    form = form_class()
    if form.validate_on_submit():
        services.write_note(mentorship, current_user, level, form.text.data,
                            form.rating.data if level == NoteLevel.OBSERVATION else None)
        db.session.commit()
        flash(_("The note is saved."), "success")
        return _summary(mentorship)
    return _form_page(mentorship, form, title, intro, url_for(f".{_ENDPOINTS[level]}", mentorship_id=mentorship.id))


_ENDPOINTS = {NoteLevel.OBSERVATION: "observe", NoteLevel.RESULTS: "report_results"}


def _form_page(mentorship: Mentorship, form, title: str, intro: str, action: str):
    """Every evaluation form on one page pattern; a refused post comes back with what was typed (422)."""
    status = 422 if form is not None and form.errors else 200
    return render_template("evaluation/form.html", mentorship=mentorship, mentorship_url=_mentorship_url(mentorship),
                           form=form, title=title, intro=intro, action=action), status
