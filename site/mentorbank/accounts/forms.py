"""One form per account action. Passwords are never sent back into a re-rendered form."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, IntegerField, PasswordField, SearchField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, InputRequired, Length, Optional, ValidationError

from .models import normalise_email

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 200


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _optional_id(value):
    """An id from a <select> or radio; the empty choice and garbage both mean "nothing chosen"."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# The most used passwords of 8 characters or more (from the public breach lists), Russian keyboards included.
COMMON_PASSWORDS = frozenset("""
12345678 123456789 1234567890 0987654321 87654321 11111111 00000000 12121212 11223344 123123123 1q2w3e4r
1q2w3e4r5t 1qaz2wsx qwertyui qwertyuiop qwerty123 qwerty12 password password1 password123 passw0rd
iloveyou abc12345 abcd1234 abcdefgh 1234qwer qazwsxedc zaq12wsx asdfghjk asdfghjkl zxcvbnm1 football
baseball sunshine princess welcome1 trustno1 superman michelle jennifer starwars whatever computer
internet letmein1 monkey12 dragon12 master12 shadow12 йцукенгш йцукенгшщз пароль123 парольпароль
qwe123qwe 1q2w3e4r5t6y q1w2e3r4 zxcvbnma 123qweasd 123qweasdzxc 1234abcd a1234567 aa123456 111111111
qweasdzxc 147258369 123321123 789456123 987654321 12344321 55555555 88888888 99999999 66666666 77777777
""".split())


def _too_easy(password: str, email: str | None) -> bool:
    folded = password.strip().lower()
    if folded in COMMON_PASSWORDS or len(set(folded)) <= 2:
        return True
    if folded.isdigit() and all(
        int(b) - int(a) in (1, -1) or {a, b} == {"9", "0"} for a, b in zip(folded, folded[1:])
    ):
        return True  # 12345678, 98765432, 23456789 and the like
    if email:
        address = email.strip().lower()
        local_part = address.split("@")[0]
        if folded in (address, local_part):
            return True
        # The name from the address with a digit or two added ("ivanova12").
        if len(local_part) >= 4 and local_part in folded and len(folded) - len(local_part) <= 2:
            return True
    return False


class NotEasilyGuessed:
    """Refuse passwords an attacker tries first: the most common ones, digit runs and the e-mail itself.
    The e-mail is the form's ``email`` field or, on a reset, the form's ``account_email``."""

    message = _l("This password is too easy to guess: avoid common passwords, runs of digits and your e-mail "
                 "address.")

    def __call__(self, form, field):
        email = getattr(getattr(form, "email", None), "data", None) or getattr(form, "account_email", None)
        if field.data and _too_easy(field.data, email):
            raise ValidationError(self.message)


def _email_field() -> EmailField:
    return EmailField(
        _l("E-mail"),
        validators=[DataRequired(), Email(message=_l("Enter a valid e-mail address.")), Length(max=254)],
        filters=[lambda value: normalise_email(value) if value else value],
    )


def _new_password_fields() -> tuple[PasswordField, PasswordField]:
    return (
        PasswordField(
            _l("Password"),
            validators=[
                DataRequired(),
                Length(
                    min=MIN_PASSWORD_LENGTH, max=MAX_PASSWORD_LENGTH,
                    # WTForms fills in %(min)d.
                    message=_l("The password must be at least %(min)d characters long."),
                ),
                NotEasilyGuessed(),
            ],
        ),
        PasswordField(
            _l("Repeat the password"),
            validators=[DataRequired(), EqualTo("password", message=_l("The passwords do not match."))],
        ),
    )


class RegistrationForm(FlaskForm):
    email = _email_field()
    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=300)], filters=[_strip])
    position = StringField(_l("Position"), validators=[DataRequired(), Length(max=300)], filters=[_strip])
    # The directory look-up: htmx asks organisations.lookup as you type; without JavaScript the
    # "Find" button re-renders the page with the matches.
    q = SearchField(_l("Find your organisation"), validators=[Optional(), Length(max=200)], filters=[_strip])
    organisation_id = IntegerField(_l("Organisation"), validators=[Optional()])
    not_listed = BooleanField(_l("My organisation is not listed"))
    proposed_name = StringField(_l("Full name of the organisation"), validators=[Length(max=400)], filters=[_strip])
    proposed_kind = SelectField(_l("Kind of organisation"), coerce=_optional_id, validate_choice=False)
    proposed_municipality = SelectField(_l("Municipality"), coerce=_optional_id, validate_choice=False)
    password, password_repeat = _new_password_fields()
    consent = BooleanField(
        _l("I agree to the processing of my personal data"),
        validators=[InputRequired(message=_l("Registration needs your consent to the processing of personal data."))],
    )

    def __init__(self, *args, is_approved_organisation=lambda _id: False, **kwargs):
        super().__init__(*args, **kwargs)
        self._is_approved_organisation = is_approved_organisation

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        return self._validate_organisation() and valid

    def _validate_organisation(self) -> bool:
        """Either an organisation from the directory, or a complete proposal of a new one."""
        if not self.not_listed.data:
            chosen = self.organisation_id.data
            if chosen is None or not self._is_approved_organisation(chosen):
                self.organisation_id.errors = [
                    _l("Choose your organisation from the list, or tick “My organisation is not listed”.")
                ]
                return False
            return True
        checks = (
            (self.proposed_name, bool(self.proposed_name.data)),
            (self.proposed_kind, self.proposed_kind.data in _choice_values(self.proposed_kind.choices)),
            (self.proposed_municipality,
             self.proposed_municipality.data in _choice_values(self.proposed_municipality.choices)),
        )
        for field, ok in checks:
            if not ok:
                field.errors = [*field.errors, _l("This field is required.")]
        return all(ok for _field, ok in checks)


def _choice_values(choices) -> set:
    """Values of a select's choices, flat or grouped ({group: [(value, label), ...]})."""
    groups = choices.values() if isinstance(choices, dict) else [choices or []]
    return {value for group in groups for value, _label in group if value is not None}


class LoginForm(FlaskForm):
    # No e-mail syntax check: any wrong input gets the same answer as a wrong password.
    email = StringField(_l("E-mail"), validators=[DataRequired(), Length(max=254)],
                        filters=[lambda value: normalise_email(value) if value else value])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=MAX_PASSWORD_LENGTH)])
    remember = BooleanField(_l("Remember me on this computer"))


class PasswordResetRequestForm(FlaskForm):
    email = _email_field()


class ConfirmationRequestForm(FlaskForm):
    email = _email_field()


class PasswordResetForm(FlaskForm):
    password, password_repeat = _new_password_fields()

    def __init__(self, *args, account_email: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.account_email = account_email
