"""One form per moderation action. The approvals carry only the CSRF token; a refusal needs a reason."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

REASON_MAX_LENGTH = 2000


class ApproveMentorProfileForm(FlaskForm):
    pass


class ApproveOrganisationForm(FlaskForm):
    pass


class _ReasonForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason"),
        validators=[
            DataRequired(message=_l("Write the reason: the author sees it and knows what to change.")),
            Length(max=REASON_MAX_LENGTH),
        ],
    )

    @property
    def clean_reason(self) -> str:
        return self.reason.data.strip()


class ReturnMentorProfileForm(_ReasonForm):
    pass


class RejectOrganisationForm(_ReasonForm):
    pass
