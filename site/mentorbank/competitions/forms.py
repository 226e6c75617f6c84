"""The forms of competitions: a moderator's competition, a participant's entry, a juror's scores."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField, DateField, DateTimeLocalField, IntegerField, RadioField, SelectField, StringField, SubmitField,
    TextAreaField, ValidationError,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..attachments import AttachmentsField
from .models import LEVEL_LABELS, RESULT_LABELS

LINES_HINT = _l("One per line.")


def options(pairs) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


def parse_criteria(text: str) -> list[tuple[str, int]]:
    """Lines «name | weight» (the weight 1 when left out) → [(name, weight)]; ValueError on a bad weight."""
    criteria = []
    for line in (text or "").splitlines():
        name, _bar, weight = line.partition("|")
        if not name.strip():
            continue
        weight = weight.strip() or "1"
        if not weight.isdigit() or not 1 <= int(weight) <= 100:
            raise ValueError(line)
        criteria.append((name.strip()[:300], int(weight)))
    return criteria


def lines(text: str) -> list[str]:
    return [line.strip()[:300] for line in (text or "").splitlines() if line.strip()]


class CompetitionForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    year = IntegerField(_l("Year"), validators=[DataRequired(), NumberRange(2000, 2100)])
    level = SelectField(_l("Level"), choices=[SelectChoice(level.value, label) for level, label in LEVEL_LABELS.items()],
                        validators=[DataRequired()])
    rules = TextAreaField(
        _l("Rules"), validators=[Optional(), Length(max=50_000)], render_kw={"rows": 10},
        description=_l("Markdown: ## a heading, **bold**, - a list item, [a link](https://…). Scripts and styles are removed."),
    )
    entries_open_at = DateTimeLocalField(_l("Entries open (UTC)"), validators=[DataRequired()])
    entries_close_at = DateTimeLocalField(_l("Entries close (UTC)"), validators=[DataRequired()])
    results_on = DateField(_l("Results announced on"), validators=[Optional()])
    nomination_names = TextAreaField(_l("Nominations"), validators=[DataRequired()], description=LINES_HINT,
                                render_kw={"rows": 4})
    criteria_lines = TextAreaField(
        _l("Criteria"), validators=[DataRequired()], render_kw={"rows": 4},
        description=_l("One per line; a weight other than 1 after a vertical bar: «потенциал масштабирования | 2»."),
    )
    submit = SubmitField(_l("Save the competition"))

    def validate_entries_close_at(self, field):
        if self.entries_open_at.data and field.data and field.data <= self.entries_open_at.data:
            raise ValidationError(_l("Entries close after they open."))

    def validate_criteria_lines(self, field):
        try:
            if not parse_criteria(field.data):
                raise ValueError
        except ValueError:
            raise ValidationError(_l("Write each criterion on its own line; a weight is a whole number from 1 to 100.")) from None


class EntryForm(FlaskForm):
    nomination_id = RadioField(_l("Nomination"), coerce=int, validators=[DataRequired()])
    title = StringField(_l("Title of the practice"), validators=[DataRequired(), Length(max=300)])
    description = TextAreaField(_l("Description"), validators=[DataRequired(), Length(max=20_000)],
                                render_kw={"rows": 8},
                                description=_l("What the practice is, what it achieved and how others can use it."))
    is_team = BooleanField(_l("We enter as a team"))
    team_name = StringField(_l("Team name"), validators=[Optional(), Length(max=300)])
    participants = TextAreaField(_l("Participants"), validators=[DataRequired(), Length(max=5_000)],
                                 description=_l("Full names, one per line."), render_kw={"rows": 3})
    source_practice_id = SelectField(_l("From one of my practices"), coerce=int, validators=[Optional()],
                                     choices=[SelectChoice(0, _l("A new practice"))])
    attachments = AttachmentsField(_l("Files: the description of the practice, presentations, photos"))
    submit = SubmitField(_l("Send the entry"))

    def entry_values(self) -> dict:
        return {
            "nomination_id": self.nomination_id.data, "title": self.title.data.strip(),
            "description": self.description.data.strip(),
            "is_team": bool(self.is_team.data),
            "team_name": (self.team_name.data or "").strip() or None if self.is_team.data else None,
            "participants": self.participants.data.strip(),
            "source_practice_id": self.source_practice_id.data or None,
        }


class ReasonForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(max=2000)])


class ActionForm(FlaskForm):
    """A button whose only field is the CSRF token."""


class ConflictForm(FlaskForm):
    reason = TextAreaField(_l("What the conflict of interest is"), validators=[DataRequired(), Length(max=2000)])


RESULT_CHOICES = [("", _l("Not set"))] + [(result.value, label) for result, label in RESULT_LABELS.items()]
