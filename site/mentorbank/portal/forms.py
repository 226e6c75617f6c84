"""The one form of the portal: an admin's edit of a page."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

PAGE_TEXT_LIMIT = 50_000


class PageForm(FlaskForm):
    body = TextAreaField(
        _l("Page text"), validators=[DataRequired(), Length(max=PAGE_TEXT_LIMIT)],
        render_kw={"rows": 24},
        description=_l("Markdown: ## a heading, **bold**, - a list item, [a link](https://…). Scripts and styles are removed."),
    )
    # The version the editor started from ("" for a page not written yet).
    version = HiddenField()
    submit = SubmitField(_l("Save the page"))
