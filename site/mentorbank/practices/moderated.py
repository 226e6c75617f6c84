"""Practices (new ones and new versions of published ones) as a moderated kind: what the queue, "my
submissions" and the audit log need to know about them (moderation/registry.py)."""
from flask_babel import lazy_gettext as _l, ngettext
from sqlalchemy import literal, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..moderation.registry import ModeratedKind, register
from .models import Practice, PracticeStatus, PracticeVersion, practices_of


def _pending():
    return (
        select(
            literal("practice").label("kind"),
            Practice.id.label("id"),
            PracticeVersion.submitted_at.label("submitted_at"),
            PracticeVersion.title.label("title"),
        )
        .join(PracticeVersion, PracticeVersion.id == Practice.pending_version_id)
        .where(PracticeVersion.status == PracticeStatus.SUBMITTED)
    )


def _load(ids: list[int]) -> dict[int, Practice]:
    return {practice.id: practice for practice in db.session.scalars(
        select(Practice).where(Practice.id.in_(ids))
        .options(selectinload(Practice.pending_version), selectinload(Practice.owner)))}


PRACTICE_KIND = register(ModeratedKind(
    name="practice",
    position=20,
    model=Practice,
    label=_l("Practices"),
    count_text=lambda count: ngettext("%(num)d practice", "%(num)d practices", count),
    pending=_pending,
    load=_load,
    row_template="moderation/_queue_row_practice.html",
    detail_endpoint="moderation.practice",
    detail_argument="practice_id",
    submissions_of=practices_of,
    submissions_template="account/_submissions_practices.html",
    action_labels={
        "submit": _l("Practice submitted for moderation"),
        "resubmit": _l("Practice submitted again after a return"),
        "reopen": _l("Practice taken back for editing"),
        "approve": _l("Practice published"),
        "return": _l("Practice returned"),
        "publish_winner": _l("Contest winner published as a practice"),
        "adopt": _l("Practice adopted by a school"),
        "adoption_outcome": _l("Outcome of an adoption reported"),
    },
))
