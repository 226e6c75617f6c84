"""Forms of the mentor application, one per action."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

from ..accounts.consent_texts import PUBLICATION, consent_text
from ..vocabularies.forms import VOCABULARY_EXPLANATIONS, TermCheckboxes, term_choices
from .application import BIO_MIN_LENGTH, ProfileContent, card_gaps
from .content import MENTOR_PROFILE_CONTENT
from .models import MENTOR_TERM_GROUPS, MentorProfile
from .views import PROFILE_VOCABULARIES

# Form field → vocabulary: every group a mentor profile carries (the level belongs to practices).
TERM_FIELDS = MENTOR_TERM_GROUPS
_TERM_LABELS = dict(PROFILE_VOCABULARIES)
TEXT_LIMIT = 5000
PHONE = r"^[0-9+()\-. ]{5,50}$"


# How the form groups the vocabularies, so some sixty boxes read as three questions.
TERM_SECTIONS = (
    (_l("How you mentor"), ("forms", "interaction_models", "kinds", "modes")),
    (_l("What you help with"), ("directions", "tracks", "competences")),
    (_l("Whom you help"), ("mentee_categories",)),
)
REQUIRED_TO_SUBMIT = frozenset({"forms", "directions", "subjects", "bio"})


class MentorProfileForm(FlaskForm):
    """The whole mentor profile; the two consents are needed only to submit, not to keep a draft."""

    team_name = StringField(_l("Name of the team"), validators=[DataRequired(), Length(max=300)])
    subjects = StringField(
        _l("Subjects"), validators=[Optional(), Length(max=500)],  # required to submit: see card_gaps
        description=_l("Separate several subjects with a semicolon, e.g. mathematics; computer science."),
    )
    experience_years = IntegerField(
        _l("Teaching experience, years"), validators=[Optional(), NumberRange(min=0, max=70)]
    )
    achievements = TextAreaField(
        _l("Achievements"), validators=[Optional(), Length(max=TEXT_LIMIT)],
        description=_l("Competitions won, manuals written, webinars given, communities led."),
    )
    bio = TextAreaField(
        _l("About me as a mentor"), validators=[Optional(), Length(max=TEXT_LIMIT)],
        description=_l("At least %(min)d characters: whom you help, with what, how you work and what your mentees "
                       "achieved.", min=BIO_MIN_LENGTH),
    )
    # One group of checkboxes per vocabulary (TERM_FIELDS; labels and choices are set per request), declared here
    # so that the fields, and the error summary that lists them, follow the page's order.
    forms = TermCheckboxes(coerce=int, validators=[Optional()])
    interaction_models = TermCheckboxes(coerce=int, validators=[Optional()])
    kinds = TermCheckboxes(coerce=int, validators=[Optional()])
    modes = TermCheckboxes(coerce=int, validators=[Optional()])
    directions = TermCheckboxes(coerce=int, validators=[Optional()])
    tracks = TermCheckboxes(coerce=int, validators=[Optional()])
    competences = TermCheckboxes(coerce=int, validators=[Optional()])
    mentee_categories = TermCheckboxes(coerce=int, validators=[Optional()])
    capacity = IntegerField(
        _l("How many mentees at once"), default=3,
        validators=[InputRequired(), NumberRange(min=1, max=20)],
    )
    accepting_requests = BooleanField(_l("I am accepting requests for mentoring"), default=True)
    phone = StringField(
        _l("Phone"), validators=[Optional(), Regexp(PHONE, message=_l("Digits, spaces, +, ( ) and - only."))],
        description=_l("Never published: moderators and your organisation's curator see it, and later the mentees you accept."),
    )
    mentoring_consent = BooleanField(
        _l("I voluntarily agree to act as a mentor of teachers (written consent of the mentor).")
    )
    # The kept text of the consent (accounts/consent_texts.py): the privacy policy lists the same words.
    publication_consent = BooleanField(consent_text(PUBLICATION).paragraphs[0])
    save = SubmitField(_l("Save draft"))
    submit_for_review = SubmitField(_l("Submit for moderation"))

    def __init__(self, *args, team: bool, profile: MentorProfile | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_team = team
        if not team:
            del self.team_name
        for name, vocabulary in TERM_FIELDS.items():
            field = self[name]
            field.label.text = _TERM_LABELS[vocabulary]
            field.description = VOCABULARY_EXPLANATIONS[vocabulary]
            field.choices = [(term.id, term.label) for term in term_choices(vocabulary, profile.terms_in(vocabulary) if profile is not None else ())]

    @property
    def term_sections(self):
        """(title, fields) of the vocabulary checkboxes, in the order the form asks them."""
        return [(title, [self[name] for name in names]) for title, names in TERM_SECTIONS]

    @property
    def wants_submission(self) -> bool:
        return bool(self.submit_for_review.data)

    def validate_for_submission(self) -> bool:
        """To submit, the card must be useful (card_gaps) and both consents given; a draft needs none of it."""
        gaps = card_gaps(self.subjects.data, self.bio.data, len(self.forms.data or []), len(self.directions.data or []))
        for name, message in gaps.items():
            self[name].errors = [*self[name].errors, message]
        missing = [field for field in (self.mentoring_consent, self.publication_consent) if not field.data]
        for field in missing:
            field.errors = [*field.errors, _l("Required to submit the profile for moderation.")]
        return not missing and not gaps

    def content(self) -> ProfileContent:
        return ProfileContent(
            team_name=self.team_name.data.strip() if self.is_team else None,
            subjects=_cleaned(self.subjects.data),
            experience_years=self.experience_years.data,
            achievements=_cleaned(self.achievements.data),
            bio=_cleaned(self.bio.data),
            capacity=self.capacity.data,
            accepting_requests=self.accepting_requests.data,
            phone=_cleaned(self.phone.data),
            mentoring_consent=self.mentoring_consent.data,
            publication_consent=self.publication_consent.data,
            term_ids={vocabulary: list(self[name].data or []) for name, vocabulary in TERM_FIELDS.items()},
        )


def _cleaned(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def form_data(profile: MentorProfile) -> dict:
    """What the form shows for a saved profile: the declared content's values, and the consents as ticks."""
    data = MENTOR_PROFILE_CONTENT.form_values(profile)
    data["team_name"] = profile.team_name
    data["mentoring_consent"] = profile.mentoring_consent_at is not None
    data["publication_consent"] = profile.publication_consent_at is not None
    return data


class SubmitProfileForm(FlaskForm):
    """The "submit for moderation" button of a saved profile: only the CSRF token travels with it."""


class WithdrawProfileForm(FlaskForm):
    """The "withdraw from the bank" button: only the CSRF token travels with it."""
