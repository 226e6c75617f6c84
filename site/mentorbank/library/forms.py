"""One form per moderator action on the library; every one carries the CSRF token."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from ..attachments import AttachmentsField
from ..vocabularies.models import Vocabulary, terms_of
from .models import is_web_link

FIRST_YEAR, LAST_YEAR = 1990, 2100


def _web_link(form, field) -> None:
    if field.data and not is_web_link(field.data):
        raise ValidationError(_l("Give a full web address beginning with http:// or https://."))


class LibraryItemForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    rubric = SelectField(_l("Rubric"), coerce=int, validators=[DataRequired()])
    url = StringField(_l("Link"), validators=[Length(max=2000), _web_link],
                      description=_l("The address of the document, material or webinar recording: https://…; "
                                     "or attach the file below."),
                      render_kw={"inputmode": "url", "autocomplete": "url"})
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)],
                                render_kw={"rows": 5})
    source = StringField(_l("Issued by"), validators=[Optional(), Length(max=300)],
                         description=_l("Who issued or published it, e.g. «Минпросвещения России»."))
    year = IntegerField(_l("Year"), validators=[DataRequired(), NumberRange(FIRST_YEAR, LAST_YEAR)],
                        render_kw={"inputmode": "numeric"})
    issued_on = DateField(_l("Date of the document (if it has one)"), validators=[Optional()])
    files = AttachmentsField(_l("Files"))
    # Ids of the item's files to remove (checkboxes drawn by templates/attachments/_field.html).
    remove_files = SelectMultipleField(coerce=int, validate_choice=False)
    submit = SubmitField(_l("Save the item"))

    def __init__(self, *args, existing_file_ids: tuple[int, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.existing_file_ids = existing_file_ids
        self.files.existing_count = self.kept_file_count
        # Active rubrics only; an item's own retired rubric stays choosable so an edit does not lose it.
        rubrics = terms_of(Vocabulary.LIBRARY_RUBRIC, active_only=False)
        self.rubric.choices = [SelectChoice(term.id, term.label) for term in rubrics
                               if term.is_active or term.id == self.rubric.data]

    @property
    def kept_file_count(self) -> int:
        return len(set(self.existing_file_ids) - set(self.remove_files.data or ()))

    def validate_url(self, field) -> None:
        # An item is a link or a file: one of the two must be there after this edit.
        if not field.data and not self.files.uploads and not self.kept_file_count:
            raise ValidationError(_l("Give a link or attach a file."))

    def validate_issued_on(self, field) -> None:
        if field.data and self.year.data and field.data.year != self.year.data:
            raise ValidationError(_l("The date must fall in the year given."))


class PublicationForm(FlaskForm):
    """Withdraw an item from the library or put it back: only the token."""
