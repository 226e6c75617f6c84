"""What programmes declares to the app-wide registries (called once by the app factory): its record pages, its
moderated kind, its notifications' words, and the links of a mentorship's page to publish its programme or to
start one from the bank."""
from flask_babel import lazy_gettext as _l

from ..core import records
from ..mentoring.page_links import register_mentorship_link
from ..notifications.texts import register_kinds
from . import moderated, services  # noqa: F401  (the moderated kind and the workflow's hook, on import)
from .models import ProgrammeTemplate


def _may_start_from_bank(mentorship, user) -> bool:
    return mentorship.is_member(user) and mentorship.is_active


def register() -> None:
    records.register(records.RecordType(
        "programme_template", ProgrammeTemplate, "title",
        public=records.Page("programmes.detail", "template_id"),
        moderator=records.Page("moderation.programme_template", "template_id"),
        owner=records.Page("submissions.index"),
        aliases=("programme",),
    ))
    register_kinds({
        "programme_template.approved": _l("Your programme is published in the bank of programmes"),
        "programme_template.returned": _l("Your programme template was returned for changes"),
    })
    register_mentorship_link("programmes.publish", _l("Publish the programme to the bank"), services.may_publish,
                             position=60)
    register_mentorship_link("programmes.index", _l("Start the programme from the bank of programmes"),
                             _may_start_from_bank, position=70)
