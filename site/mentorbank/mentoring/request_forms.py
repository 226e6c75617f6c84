"""The forms of asking for mentoring: a request (to a chosen mentor, or open), a school's team request, and the
buttons of a request (send to a suggested mentor, withdraw)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..extensions import db
from ..vocabularies.forms import VOCABULARY_EXPLANATIONS, TermCheckboxes, term_choices
from ..vocabularies.models import Term, Vocabulary
from .models import PROGRAMME_MAX_MONTHS, PROGRAMME_MIN_MONTHS
from .requests import RequestDetails

TEXT_LIMIT = 5_000
MAX_GROUP_SIZE = 30
# The value of "no preference" in the single-choice lists (a browser always sends the chosen option).
ANY = 0


class RequestForm(FlaskForm):
    difficulties = TextAreaField(
        _l("Your professional difficulties"), validators=[DataRequired(), Length(max=TEXT_LIMIT)],
        description=_l("In your own words: what does not work yet, in which classes, what you tried. The mentors "
                       "you send the request to read it, and your school's curators."))
    directions = TermCheckboxes(_l("Directions"), coerce=int, validators=[Optional()])
    form = SelectField(_l("Form of mentoring"), coerce=int, default=ANY)
    kind = SelectField(_l("Kind of mentoring"), coerce=int, default=ANY)
    mode = SelectField(_l("Mode"), coerce=int, default=ANY)
    period_months = IntegerField(
        _l("Period, months"), default=6,
        validators=[DataRequired(), NumberRange(min=PROGRAMME_MIN_MONTHS, max=PROGRAMME_MAX_MONTHS)],
        description=_l("A programme lasts from 3 to 12 months; it can be extended later."))

    _SINGLE = {"form": Vocabulary.FORM, "kind": Vocabulary.KIND, "mode": Vocabulary.MODE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.directions.description = _l("Where you want help: the plan of your programme is drawn up along "
                                         "them, and mentors who work in them are suggested first.")
        self.directions.choices = [(term.id, term.label) for term in term_choices(Vocabulary.DIRECTION)]
        for name, vocabulary in self._SINGLE.items():
            self[name].description = VOCABULARY_EXPLANATIONS[vocabulary]
            self[name].choices = [(ANY, _l("No preference"))] + [
                (term.id, term.label) for term in term_choices(vocabulary)]

    def details(self) -> RequestDetails:
        chosen = [self[name].data for name in self._SINGLE if self[name].data] + list(self.directions.data or [])
        terms = {term.id: term for term in db.session.scalars(db.select(Term).where(Term.id.in_(chosen)))}
        return RequestDetails(
            difficulties=self.difficulties.data, period_months=self.period_months.data,
            directions=[terms[term_id] for term_id in self.directions.data or [] if term_id in terms],
            **{name: terms.get(self[name].data) for name in self._SINGLE},
        )


class TeamRequestForm(RequestForm):
    """«Команда – команда»: the curator asks for a group of teachers of their school."""

    group_size = IntegerField(_l("How many people are in the group"), default=2,
                              validators=[DataRequired(), NumberRange(min=2, max=MAX_GROUP_SIZE)])
    group_members = TextAreaField(
        _l("Members of the group"), validators=[DataRequired(), Length(max=TEXT_LIMIT)],
        description=_l("One per line: full name and position."))

    def details(self) -> RequestDetails:
        details = super().details()
        details.is_team = True
        details.group_size = self.group_size.data
        details.group_members = self.group_members.data
        return details


class RequestActionForm(FlaskForm):
    """A button of a request (send to a suggested mentor, withdraw): only the CSRF token travels with it."""
