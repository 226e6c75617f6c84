"""One form per moderation action. A return or a rejection needs a reason; the decisions the moderator cannot take
back (publishing a person's profile, removing an organisation) need a ticked confirmation, which works without
JavaScript."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, TextAreaField
from wtforms.validators import DataRequired, Length

REASON_MAX_LENGTH = 2000


class ApproveMentorProfileForm(FlaskForm):
    confirm = BooleanField(
        _l("I have checked the profile: it can be published (the name, position, organisation and answers become "
           "public at once)."),
        validators=[DataRequired(message=_l("Tick the confirmation: approving publishes the profile at once."))],
    )


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
    confirm = BooleanField(
        _l("Remove the organisation for good: this cannot be undone."),
        validators=[DataRequired(message=_l("Tick the confirmation: the rejected organisation is removed for good."))],
    )


class ApprovePracticeForm(FlaskForm):
    confirm = BooleanField(
        _l("I have checked the practice: it can be published (its text, authors and files become public at once)."),
        validators=[DataRequired(message=_l("Tick the confirmation: approving publishes the practice at once."))],
    )


class ReturnPracticeForm(_ReasonForm):
    pass


class ApproveTemplateForm(FlaskForm):
    confirm = BooleanField(
        _l("I have checked the template: it names nobody and can be published."),
        validators=[DataRequired(message=_l("Tick the confirmation: approving publishes the template at once."))])


class ReturnTemplateForm(_ReasonForm):
    pass
