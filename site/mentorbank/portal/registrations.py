"""What the portal declares to the app-wide registries (called once by the app factory)."""
from flask_babel import lazy_gettext as _l

from ..audit.labels import register_labels
from ..core import records
from .models import PortalPage


def register() -> None:
    register_labels("portal_page", _l("Site pages"), {"edit": _l("Site page edited")})
    records.register(records.RecordType(
        "portal_page", PortalPage, "title", moderator=records.Page("portal.admin_pages"),
    ))
