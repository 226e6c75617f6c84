"""Programme templates as a moderated kind: what the queue, "my submissions" and the audit log need to know
about them (moderation/registry.py)."""
from flask_babel import lazy_gettext as _l, ngettext
from sqlalchemy import literal, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..moderation.registry import ModeratedKind, register
from .models import ProgrammeTemplate, TemplateStatus, templates_of


def _pending():
    return select(
        literal("programme_template").label("kind"),
        ProgrammeTemplate.id.label("id"),
        ProgrammeTemplate.submitted_at.label("submitted_at"),
        ProgrammeTemplate.title.label("title"),
    ).where(ProgrammeTemplate.status == TemplateStatus.SUBMITTED)


def _load(ids: list[int]) -> dict[int, ProgrammeTemplate]:
    return {template.id: template for template in db.session.scalars(
        select(ProgrammeTemplate).where(ProgrammeTemplate.id.in_(ids)).options(selectinload(ProgrammeTemplate.author)))}


TEMPLATE_KIND = register(ModeratedKind(
    name="programme_template",
    position=30,
    model=ProgrammeTemplate,
    label=_l("Programme templates"),
    count_text=lambda count: ngettext("%(num)d programme template", "%(num)d programme templates", count),
    pending=_pending,
    load=_load,
    row_template="moderation/_queue_row_programme_template.html",
    detail_endpoint="moderation.programme_template",
    detail_argument="template_id",
    submissions_of=templates_of,
    submissions_template="account/_submissions_programme_templates.html",
    action_labels={
        "submit": _l("Programme template submitted for moderation"),
        "resubmit": _l("Programme template submitted again after a return"),
        "approve": _l("Programme template published in the bank"),
        "return": _l("Programme template returned"),
        "withdraw": _l("Programme template withdrawn from the bank by its author"),
        "use": _l("Programme started from a template of the bank"),
    },
))
