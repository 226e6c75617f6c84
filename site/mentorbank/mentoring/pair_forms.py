"""The forms of a mentorship's pages: the programme, its extension, the plan, the meetings, completion and the
request to replace the mentor. One form class per action."""
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from babel.dates import get_timezone_location
from flask_babel import get_locale, get_timezone, lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, DateTimeLocalField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from ..vocabularies.forms import TermCheckboxes, term_choices
from ..vocabularies.models import Vocabulary
from .completion import NEEDS_NOTE, REASON_LABELS
from .models import PROGRAMME_MAX_MONTHS, PROGRAMME_MIN_MONTHS
from .pairs import period_is_allowed

TEXT_LIMIT = 10_000


def _cleaned(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _mode_choices(carried=None) -> list[tuple[int, str]]:
    return [(0, _l("Not chosen"))] + [(term.id, term.label) for term in term_choices(
        Vocabulary.MODE, [carried] if carried is not None else [])]


class ProgrammeForm(FlaskForm):
    problem = TextAreaField(_l("The professional difficulty the programme answers"),
                            validators=[DataRequired(), Length(max=TEXT_LIMIT)])
    goals = TextAreaField(_l("Goals and tasks"), validators=[Optional(), Length(max=TEXT_LIMIT)])
    content = TextAreaField(_l("Content"), validators=[Optional(), Length(max=TEXT_LIMIT)],
                            description=_l("What the pair works on, topic by topic."))
    planned_results = TextAreaField(_l("Planned results"), validators=[Optional(), Length(max=TEXT_LIMIT)])
    intermediate_results = TextAreaField(_l("Intermediate results"), validators=[Optional(), Length(max=TEXT_LIMIT)])
    directions = TermCheckboxes(_l("Directions"), coerce=int, validators=[Optional()])
    mode = SelectField(_l("Mode"), coerce=int, validators=[Optional()])
    meeting_schedule = StringField(_l("Meeting schedule"), validators=[Optional(), Length(max=500)],
                                   description=_l("For example: every other week, on Tuesdays after lessons."))
    starts_on = DateField(_l("Starts on"), validators=[DataRequired()])
    ends_on = DateField(_l("Ends on"), validators=[DataRequired()],
                        description=_l("From %(low)d to %(high)d months after the start.",
                                       low=PROGRAMME_MIN_MONTHS, high=PROGRAMME_MAX_MONTHS))

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        carried = programme.directions if programme is not None else []
        self.directions.choices = [(term.id, term.label) for term in term_choices(Vocabulary.DIRECTION, carried)]
        self.mode.choices = _mode_choices(programme.mode if programme is not None else None)
        if programme is not None and programme.extensions:
            # Once extended, the end moves only by a recorded extension.
            del self.ends_on

    def validate_ends_on(self, field) -> None:
        if self.starts_on.data and field.data and not period_is_allowed(self.starts_on.data, field.data):
            raise ValidationError(_l("A programme lasts from %(low)d to %(high)d months.",
                                     low=PROGRAMME_MIN_MONTHS, high=PROGRAMME_MAX_MONTHS))

    def values(self) -> dict:
        values = {name: _cleaned(self[name].data) for name in (
            "problem", "goals", "content", "planned_results", "intermediate_results", "meeting_schedule")}
        values["mode_id"] = self.mode.data or None
        values["starts_on"] = self.starts_on.data
        values["ends_on"] = self.ends_on.data if "ends_on" in self else None
        return values


def programme_data(programme) -> dict:
    """The form's values of a saved programme (its terms by id: the form's own field names differ in kind)."""
    data = {name: getattr(programme, name) for name in (
        "problem", "goals", "content", "planned_results", "intermediate_results", "meeting_schedule",
        "starts_on", "ends_on")}
    return {**data, "directions": [term.id for term in programme.directions], "mode": programme.mode_id or 0}


class ExtensionForm(FlaskForm):
    new_end = DateField(_l("New end"), validators=[DataRequired()])
    reason = TextAreaField(_l("Why the programme is extended"), validators=[DataRequired(), Length(max=2_000)])


class PlanItemForm(FlaskForm):
    title = StringField(_l("Activity"), validators=[DataRequired(), Length(max=500)],
                        description=_l("For example: attend two of the mentor's lessons and discuss them."))
    direction = SelectField(_l("Direction"), coerce=int, validators=[Optional()])
    due_on = DateField(_l("Due date"), validators=[Optional()])

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        terms = list(programme.directions) if programme is not None and programme.directions else \
            term_choices(Vocabulary.DIRECTION)
        self.direction.choices = [(0, _l("Not chosen"))] + [(term.id, term.label) for term in terms]


class MeetingForm(FlaskForm):
    starts_at = DateTimeLocalField(_l("Date and time"), validators=[DataRequired()])
    duration_minutes = IntegerField(_l("Duration, minutes"), default=60,
                                    validators=[DataRequired(), NumberRange(min=5, max=600)])
    mode = SelectField(_l("Mode"), coerce=int, validators=[Optional()])
    place = StringField(_l("Place or link"), validators=[Optional(), Length(max=300)])
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=TEXT_LIMIT)],
                          description=_l("What you discussed and agreed."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mode.choices = _mode_choices()
        city = get_timezone_location(get_timezone(), locale=get_locale(), return_city=True)
        self.starts_at.description = _l("The time of the site's time zone: %(city)s.", city=city)

    def starts_at_utc(self) -> datetime:
        """The time typed in the site's time zone, stored as naive UTC."""
        local = self.starts_at.data.replace(tzinfo=ZoneInfo(str(get_timezone())))
        return local.astimezone(timezone.utc).replace(tzinfo=None)


class CompletionForm(FlaskForm):
    reason = RadioField(_l("Why the mentorship ends"), validators=[DataRequired()])
    note = TextAreaField(_l("Comment"), validators=[Optional(), Length(max=2_000)],
                         description=_l("Required when the programme ends before its plan is done."))

    def __init__(self, *args, reasons=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.reason.choices = [(reason.value, REASON_LABELS[reason]) for reason in reasons]

    def validate_note(self, field) -> None:
        if self.reason.data in {reason.value for reason in NEEDS_NOTE} and not _cleaned(field.data):
            raise ValidationError(_l("Write why the mentorship ends: the other members and the curators read it."))


class ReplacementForm(FlaskForm):
    reason = TextAreaField(_l("Why you ask to replace the mentor"), validators=[DataRequired(), Length(max=2_000)],
                           description=_l("The curators of both schools read it and decide."))


class ButtonForm(FlaskForm):
    """A button (mark done, delete): only the CSRF token travels with it."""
