"""The forms of the practice bank: propose or edit a practice, its buttons, and an adoption."""
import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from ..attachments import AttachmentsField
from ..vocabularies.forms import VOCABULARY_EXPLANATIONS, TermCheckboxes, term_choices
from .content import PRACTICE_CONTENT
from .models import PRACTICE_TERM_GROUPS, PracticeVersion

TEXT_LIMIT = 20_000
SHORT_TEXT_LIMIT = 2_000
MIN_YEAR, MAX_YEAR = 1990, 2100
# To be useful in the bank a submitted practice says what it is, how it works and in which direction.
REQUIRED_TO_SUBMIT = frozenset({"summary", "body", "directions"})
_LINK = re.compile(r"^https?://[^\s<>\"']+$")


def _cleaned(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _lines(value: str | None) -> str | None:
    """Text of one item per line, without blank lines or surrounding spaces."""
    return _cleaned("\n".join(line.strip() for line in (value or "").splitlines() if line.strip()))


def _web_addresses(_form, field) -> None:
    wrong = [line for line in (_lines(field.data) or "").splitlines() if not _LINK.match(line)]
    if wrong:
        raise ValidationError(_l("Each line must be one web address starting with http:// or https://: %(wrong)s",
                                 wrong=wrong[0][:80]))


class PracticeForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    summary = TextAreaField(
        _l("Summary"), validators=[Optional(), Length(max=SHORT_TEXT_LIMIT)],
        description=_l("Two or three sentences: the problem the practice solves and for whom."))
    body = TextAreaField(
        _l("Description of the practice"), validators=[Optional(), Length(max=TEXT_LIMIT)],
        description=_l("How the practice works, step by step. You can use Markdown: ## heading, **bold**, - list, "
                       "[link](https://…)."))
    results = TextAreaField(
        _l("Results and effects"), validators=[Optional(), Length(max=SHORT_TEXT_LIMIT)],
        description=_l("What changed for the teachers and the school: figures, feedback, awards."))
    year = IntegerField(_l("Running since (year)"), validators=[Optional(), NumberRange(min=MIN_YEAR, max=MAX_YEAR)])
    i_am_author = BooleanField(_l("I am one of the authors"), default=True)
    author_names = TextAreaField(
        _l("Other authors"), validators=[Optional(), Length(max=SHORT_TEXT_LIMIT)],
        description=_l("One per line: full name and position."))
    links = TextAreaField(
        _l("Links"), validators=[Optional(), Length(max=SHORT_TEXT_LIMIT), _web_addresses],
        description=_l("One web address per line: the school's page of the practice, a video, a publication."))
    # One group of checkboxes per vocabulary (labels and choices set per request), declared here so that the
    # fields, and the error summary that lists them, follow the page's order.
    levels = TermCheckboxes(coerce=int, validators=[Optional()])
    forms = TermCheckboxes(coerce=int, validators=[Optional()])
    kinds = TermCheckboxes(coerce=int, validators=[Optional()])
    directions = TermCheckboxes(coerce=int, validators=[Optional()])
    target_groups = TermCheckboxes(coerce=int, validators=[Optional()])
    attachments = AttachmentsField(_l("Files"))
    # The ids of the shown files to remove (the "remove" boxes of templates/attachments/_field.html).
    remove_files = SelectMultipleField(coerce=int, validate_choice=False)
    save = SubmitField(_l("Save draft"))
    submit_for_review = SubmitField(_l("Submit for moderation"))

    def __init__(self, *args, version: PracticeVersion | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {group.name: group.label for group in PRACTICE_CONTENT.term_groups}
        for name, vocabulary in PRACTICE_TERM_GROUPS.items():
            field = self[name]
            field.label.text = labels[name]
            field.description = VOCABULARY_EXPLANATIONS[vocabulary]
            carried = version.terms_in(vocabulary) if version is not None else ()
            field.choices = [(term.id, term.label) for term in term_choices(vocabulary, carried)]

    @property
    def term_fields(self):
        return [self[name] for name in PRACTICE_TERM_GROUPS]

    @property
    def wants_submission(self) -> bool:
        return bool(self.submit_for_review.data)

    def validate_for_submission(self) -> bool:
        """A draft may be unfinished; a submission needs what makes the practice useful to others."""
        complete = True
        for name in sorted(REQUIRED_TO_SUBMIT):
            if not self[name].data or (isinstance(self[name].data, str) and not self[name].data.strip()):
                self[name].errors = [*self[name].errors, _l("Required to submit the practice for moderation.")]
                complete = False
        return complete

    def values(self) -> dict:
        return {
            "title": self.title.data.strip(), "summary": (self.summary.data or "").strip(),
            "body": (self.body.data or "").strip(), "results": _cleaned(self.results.data), "year": self.year.data,
            "author_names": _lines(self.author_names.data), "links": _lines(self.links.data),
        }

    def term_ids(self) -> list[int]:
        return [term_id for name in PRACTICE_TERM_GROUPS for term_id in (self[name].data or [])]


def form_data(version: PracticeVersion, owner_id: int | None) -> dict:
    data = PRACTICE_CONTENT.form_values(version)
    data["i_am_author"] = any(author.id == owner_id for author in version.authors)
    return data


class PracticeActionForm(FlaskForm):
    """A button of a saved practice (submit, take back): only the CSRF token travels with it."""


class AdoptionForm(FlaskForm):
    how = TextAreaField(
        _l("How your school adopted the practice"), validators=[DataRequired(), Length(max=SHORT_TEXT_LIMIT)],
        description=_l("What you took over, what you changed for your school, since when."))


class AdoptionOutcomeForm(FlaskForm):
    outcome = TextAreaField(
        _l("What came of it"), validators=[DataRequired(), Length(max=SHORT_TEXT_LIMIT)],
        description=_l("Results after some time: what worked, what did not, figures if you have them."))
