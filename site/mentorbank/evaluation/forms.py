"""The evaluation forms: the mentee's questionnaire and self-assessment, the curators' notes. Scores are radio
buttons 1 to 5 (no script needed, and each is read out with its question)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from .models import SCORE_MAX, SCORE_MIN

TEXT_LIMIT = 5_000
SCORES = [SelectChoice(score, str(score)) for score in range(SCORE_MIN, SCORE_MAX + 1)]
SCALE_HINT = _l("1 — not at all, 5 — fully.")


def score_field(label, description=SCALE_HINT) -> RadioField:
    return RadioField(label, choices=SCORES, coerce=int, description=description,
                      validators=[InputRequired(_l("Choose a score from 1 to 5."))])


class QuestionnaireForm(FlaskForm):
    satisfaction = score_field(_l("How satisfied are you with the mentoring as a whole?"))
    organisation = score_field(_l("How well was the mentoring organised (meetings, plan, support)?"))
    qualification = score_field(_l("How do you rate the mentor's qualification?"))
    readiness = score_field(_l("How ready are you to apply what you learnt in your work?"))
    comment = TextAreaField(
        _l("Comment"), validators=[Optional(), Length(max=TEXT_LIMIT)],
        description=_l("Optional. Only you, the curators and the moderators read it; the mentor's public page shows "
                       "the average of the scores only, never one answer."))
    submit = SubmitField(_l("Send the answers"))


def self_assessment_form(directions, scores: dict[int, int]) -> FlaskForm:
    """One score per direction of the programme, filled with the scores given before."""

    class SelfAssessmentForm(FlaskForm):
        submit = SubmitField(_l("Save the self-assessment"))

    for direction in directions:
        setattr(SelfAssessmentForm, f"direction_{direction.id}", score_field(
            direction.label, _l("1 — I find it hard, 5 — I do it confidently and could show others.")))
    data = {f"direction_{direction_id}": score for direction_id, score in scores.items()}
    form = SelfAssessmentForm(data=data)  # a post's own values win over the saved ones
    form.direction_fields = [form[f"direction_{direction.id}"] for direction in directions]
    return form


def scores_of(form, directions) -> dict[int, int]:
    return {direction.id: form[f"direction_{direction.id}"].data for direction in directions}


class ObservationForm(FlaskForm):
    text = TextAreaField(
        _l("What changed in the teacher's work"), validators=[DataRequired(), Length(max=TEXT_LIMIT)],
        description=_l("What you saw at lessons or in the school's work: how the teacher applies what they learnt."))
    rating = score_field(_l("Rating of the change"), _l("1 — no change seen, 5 — a marked, lasting change."))
    submit = SubmitField(_l("Save the observation"))


class ResultsForm(FlaskForm):
    text = TextAreaField(
        _l("Results for the organisation"), validators=[DataRequired(), Length(max=TEXT_LIMIT)],
        description=_l("The school's indicators: the teacher's results, pupils' results, retention of young "
                       "teachers, what the school adopted."))
    submit = SubmitField(_l("Save the note"))
