"""The forms of the bank of programmes: publish a completed programme as a template, start from a template, a
template's buttons (the moderator's decisions are in moderation/forms.py)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..mentoring.models import PROGRAMME_MAX_MONTHS, PROGRAMME_MIN_MONTHS
from ..vocabularies.forms import TermCheckboxes, term_choices
from ..vocabularies.models import Vocabulary
from .anonymise import personal_data_in

TEXT_LIMIT = 20_000


def _optional_term(value):
    return int(value) if value not in (None, "", "None") else None


class TemplateForm(FlaskForm):
    title = StringField(_l("Title of the programme"), validators=[DataRequired(), Length(max=300)],
                        description=_l("What the programme helps with, in a few words."))
    problem = TextAreaField(_l("The professional difficulty it answers"),
                            validators=[DataRequired(), Length(max=TEXT_LIMIT)])
    goals = TextAreaField(_l("Goals and tasks"), validators=[Optional(), Length(max=TEXT_LIMIT)])
    content = TextAreaField(_l("Content"), validators=[Optional(), Length(max=TEXT_LIMIT)])
    planned_results = TextAreaField(_l("Planned results"), validators=[Optional(), Length(max=TEXT_LIMIT)])
    meeting_schedule = StringField(_l("Meeting schedule"), validators=[Optional(), Length(max=500)])
    plan = TextAreaField(_l("Plan of activities"), validators=[Optional(), Length(max=TEXT_LIMIT)],
                         description=_l("One activity per line."))
    period_months = IntegerField(
        _l("Period, months"), validators=[DataRequired(), NumberRange(min=PROGRAMME_MIN_MONTHS,
                                                                      max=PROGRAMME_MAX_MONTHS)],
        description=_l("From 3 to 12 months."))
    directions = TermCheckboxes(_l("Directions"), coerce=int, validators=[Optional()])
    mentoring_form = SelectField(_l("Form of mentoring"), coerce=_optional_term, validators=[Optional()])
    mode = SelectField(_l("Mode"), coerce=_optional_term, validators=[Optional()])
    no_personal_data = BooleanField(
        _l("The text names nobody and holds no e-mail addresses or phone numbers: everyone may read it."),
        validators=[DataRequired(message=_l("Tick the confirmation: the bank is public."))])

    TEXT_NAMES = ("title", "problem", "goals", "content", "planned_results", "meeting_schedule", "plan")

    def __init__(self, *args, names=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.names = list(names)
        self.directions.choices = [(term.id, term.label) for term in term_choices(Vocabulary.DIRECTION)]
        none = [("", _l("Not chosen"))]
        self.mentoring_form.choices = none + [(term.id, term.label) for term in term_choices(Vocabulary.FORM)]
        self.mode.choices = none + [(term.id, term.label) for term in term_choices(Vocabulary.MODE)]

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for name in self.TEXT_NAMES:
            found = personal_data_in(self[name].data, self.names)
            if found:
                self[name].errors = [*self[name].errors, _l(
                    "Remove the personal data: %(found)s. The bank is public and names nobody.",
                    found=", ".join(dict.fromkeys(found)))]
                valid = False
        return valid

    def values(self) -> dict:
        values = {name: (self[name].data or "").strip() for name in self.TEXT_NAMES}
        values["plan"] = "\n".join(line.strip() for line in values["plan"].splitlines() if line.strip())
        values["meeting_schedule"] = values["meeting_schedule"] or None
        values.update(period_months=self.period_months.data, form_id=self.mentoring_form.data, mode_id=self.mode.data)
        return values


def template_data(template) -> dict:
    """A returned template's values, to edit it again."""
    data = {name: getattr(template, name) for name in TemplateForm.TEXT_NAMES}
    data.update(period_months=template.period_months, directions=[term.id for term in template.directions],
                mentoring_form=template.form_id, mode=template.mode_id)
    return data


class UseTemplateForm(FlaskForm):
    mentorship = RadioField(_l("Which of your mentorships"), coerce=int,
                            validators=[DataRequired(message=_l("Choose one of your active mentorships."))])
    confirm = BooleanField(
        _l("Start the programme anew from this template: its goals, content, results, schedule and directions "
           "replace the current ones, its activities join the plan, the period starts today."),
        validators=[DataRequired(message=_l("Tick the confirmation: the programme's text is replaced."))])


class TemplateActionForm(FlaskForm):
    """A button of a template (withdraw): only the CSRF token travels with it."""

