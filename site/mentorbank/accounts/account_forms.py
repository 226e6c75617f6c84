"""Forms of "my account", one per action."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import or_, select
from wtforms import BooleanField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, Optional

from ..core.i18n import is_english
from ..extensions import db
from ..organisations.models import Municipality, Organisation, OrganisationStatus, Region
from .models import User


class AccountProfileForm(FlaskForm):
    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=300)])
    position = StringField(_l("Position"), validators=[Optional(), Length(max=300)])
    organisation_id = SelectField(_l("Organisation"), coerce=int, validate_choice=True)
    save = SubmitField(_l("Save"))

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_id.choices = organisation_choices(user)


def organisation_choices(user: User) -> dict[str, list[tuple[int, str]]]:
    """Approved organisations grouped by "municipality, region"; the person's own stays choosable even while
    it waits for a moderator."""
    query = (
        select(Organisation, Municipality, Region)
        .join(Municipality, Organisation.municipality_id == Municipality.id)
        .join(Region, Municipality.region_id == Region.id)
        .where(or_(Organisation.status == OrganisationStatus.APPROVED, Organisation.id == user.organisation_id))
        .order_by(Region.name, Municipality.name, Organisation.name)
    )
    groups: dict[str, list[tuple[int, str]]] = {}
    for organisation, municipality, region in db.session.execute(query):
        region_name = region.name_en if is_english() and region.name_en else region.name
        groups.setdefault(f"{municipality.name}, {region_name}", []).append((organisation.id, organisation.name))
    return groups


class WithdrawPublicationConsentForm(FlaskForm):
    confirm = BooleanField(
        _l("I understand that my mentor profiles leave the bank and the search at once."),
        validators=[DataRequired(_l("Tick the box to confirm."))],
    )
    submit = SubmitField(_l("Withdraw the consent to publication"))


class CloseAccountForm(FlaskForm):
    confirm = BooleanField(
        _l("I understand that my account is closed, my personal data erased and this cannot be undone."),
        validators=[DataRequired(_l("Tick the box to confirm."))],
    )
    submit = SubmitField(_l("Withdraw the consent and close my account"))
