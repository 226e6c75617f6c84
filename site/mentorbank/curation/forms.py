"""The form of an organisation's public page, as its curator edits it."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, StringField, SubmitField, TextAreaField
from wtforms.validators import Email, Length, Optional, Regexp, ValidationError

from ..mentors.forms import PHONE
from ..organisations.fields import website_field
from .services import PAGE_FIELDS, is_account_email

DESCRIPTION_LIMIT = 5000


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


class OrganisationPageForm(FlaskForm):
    description = TextAreaField(
        _l("What the organisation offers"), filters=[_stripped],
        validators=[Optional(), Length(max=DESCRIPTION_LIMIT)],
        description=_l("Plain text: its mentoring, internships, methodical work. Leave an empty line between "
                       "paragraphs."),
    )
    website = website_field(description=_l("The full address, e.g. https://school.example.ru"))
    contact_email = EmailField(
        _l("Organisation's e-mail"), filters=[_stripped],
        validators=[Optional(), Length(max=254), Email(message=_l("This is not an e-mail address."))],
    )
    contact_phone = StringField(
        _l("Organisation's phone"), filters=[_stripped],
        validators=[Optional(), Regexp(PHONE, message=_l("Digits, spaces, +, ( ) and - only."))],
    )
    address = StringField(_l("Address"), filters=[_stripped], validators=[Optional(), Length(max=500)])
    save = SubmitField(_l("Publish the page"))

    def validate_contact_email(self, field):
        # The address of someone's account is a person's: publishing it would publish personal data (152-ФЗ).
        if field.data and is_account_email(field.data):
            raise ValidationError(_l("This is a person's e-mail; give the organisation's own address."))

    def values(self) -> dict:
        return {name: self[name].data or None for name in PAGE_FIELDS}
