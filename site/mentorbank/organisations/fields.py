"""Form fields of an organisation's own data, shared by the admin's directory form and the curator's page."""
from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import URL, Length, Optional, ValidationError


def _web_only(_form, field):
    # URL() alone lets ftp:// and the like through; an organisation's page links only to the web.
    if field.data and not field.data.lower().startswith(("http://", "https://")):
        raise ValidationError(_l("Give an address that starts with http:// or https://."))


def website_field(**kwargs) -> StringField:
    """The organisation's web site: optional, http or https only, a real host name."""
    return StringField(_l("Website"), filters=[lambda value: value.strip() if value else value],
                       validators=[Optional(), Length(max=300), _web_only,
                                   URL(require_tld=True, message=_l("This is not a web address."))], **kwargs)
