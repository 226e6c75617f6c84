"""One form per admin action. Filters are GET forms without CSRF; every POST form carries the token."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp, ValidationError

from ..accounts.models import Role
from ..organisations.fields import website_field
from ..organisations.models import OrganisationStatus

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def options(pairs) -> list[SelectChoice]:
    """Select choices from (value, label) pairs (WTForms 3.3 deprecates plain tuples)."""
    return [SelectChoice(value, label) for value, label in pairs]


class FilterForm(FlaskForm):
    """A bookmarkable GET filter: no CSRF token, bad values fall back to "all"."""

    class Meta:
        csrf = False


class UserFilterForm(FilterForm):
    q = StringField(_l("Name or e-mail"), validators=[Optional(), Length(max=200)])
    role = SelectField(_l("Role"), validators=[Optional()], choices=options([
        ("", _l("Any role")), ("participant", _l("Participants only")), (Role.MODERATOR.value, _l("Moderators")),
        (Role.ADMIN.value, _l("Administrators")), (Role.CURATOR.value, _l("Curators")), ("blocked", _l("Blocked")),
    ]))


class GrantRoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=options([
        (Role.MODERATOR.value, _l("Moderator")), (Role.ADMIN.value, _l("Administrator")),
        (Role.CURATOR.value, _l("Curator of an organisation")),
    ]))
    # Choices: the approved organisations, set by the view.
    organisation = SelectField(_l("Organisation (for a curator)"), coerce=int, validate_choice=False,
                               validators=[Optional()])

    def validate_organisation(self, field):
        if self.role.data == Role.CURATOR.value and not field.data:
            raise ValidationError(_l("Choose the organisation the curator looks after."))
        if field.data and field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(_l("Choose an organisation from the list."))


class ConfirmForm(FlaskForm):
    """A button that changes something: only the CSRF token (revoke a role, unblock)."""


class BlockForm(FlaskForm):
    reason = TextAreaField(_l("Reason (kept in the audit log)"), validators=[Optional(), Length(max=2000)])


class OrganisationFilterForm(FilterForm):
    q = StringField(_l("Name"), validators=[Optional(), Length(max=200)])
    status = SelectField(_l("Status"), validators=[Optional()], choices=options([
        ("", _l("Any status")), (OrganisationStatus.APPROVED.value, _l("Approved")),
        (OrganisationStatus.PROPOSED.value, _l("Proposed")),
    ]))
    kind = SelectField(_l("Type"), coerce=str, validators=[Optional()], validate_choice=False)
    municipality = SelectField(_l("Municipality"), coerce=str, validators=[Optional()], validate_choice=False)


class OrganisationForm(FlaskForm):
    name = StringField(_l("Official name"), validators=[DataRequired(), Length(max=400)])
    short_name = StringField(_l("Short name"), validators=[Optional(), Length(max=200)])
    # Choices (vocabulary terms, municipalities) are set by the view.
    kind = SelectField(_l("Type"), coerce=int)
    municipality = SelectField(_l("Municipality"), coerce=int)
    website = website_field()
    is_training_ground = BooleanField(_l("Training ground (hosts internships for other organisations)"))
    status = SelectField(_l("Status"), choices=options([
        (OrganisationStatus.APPROVED.value, _l("Approved: shown in the directory")),
        (OrganisationStatus.PROPOSED.value, _l("Proposed: waits for a moderator")),
    ]))


class TermForm(FlaskForm):
    """Edit a term. Its key (slug) is fixed once created: URLs, the index and the API use it."""

    name = StringField(_l("Name (Russian)"), validators=[DataRequired(), Length(max=200)])
    name_en = StringField(_l("Name (English)"), validators=[DataRequired(), Length(max=200)])
    position = IntegerField(_l("Position in lists"), default=0,
                            validators=[Optional(), NumberRange(min=0, max=10000)])
    is_active = BooleanField(_l("Active: offered in new forms"), default=True)


class NewTermForm(TermForm):
    slug = StringField(
        _l("Key in URLs"), description=_l("Latin letters, digits and hyphens; made from the English name when empty."),
        filters=[lambda value: value.strip().lower() if value else value],
        validators=[Optional(), Length(max=64), Regexp(SLUG_PATTERN, message=_l(
            "Use lower-case Latin letters, digits and single hyphens."))],
    )
