"""The forms of the mentor's inbox: accept a request (a button), decline it with a reason."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

REASON_LIMIT = 2_000


class AcceptForm(FlaskForm):
    submit = SubmitField(_l("Accept the request"))


class DeclineForm(FlaskForm):
    reason = TextAreaField(
        _l("Why you decline"), validators=[DataRequired(), Length(max=REASON_LIMIT)],
        description=_l("The teacher reads it: e.g. no free time this term, or another mentor suits the "
                       "difficulties better."))
    submit = SubmitField(_l("Decline the request"))
