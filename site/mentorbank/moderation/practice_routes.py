"""The moderator's page of a practice: the submitted version, what it changes against the published one, the
earlier decisions, and the two decisions (publish; return with a reason). On the moderation blueprint, so its
guard (moderators and admins only) covers these routes too."""
from flask import render_template
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..audit.models import AuditEntry
from ..extensions import db
from ..practices import files, services
from ..practices.content import PRACTICE_CONTENT
from ..practices.models import Practice, PracticeStatus
from .audit_log import action_label
from .diff import described_changes
from .forms import ApprovePracticeForm, ReturnPracticeForm
from .routes import _decide, bp


def _history(practice: Practice) -> list[AuditEntry]:
    return db.session.scalars(
        select(AuditEntry)
        .where(AuditEntry.target_type == Practice.__tablename__, AuditEntry.target_id == practice.id)
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    ).all()


def _waiting(practice: Practice) -> bool:
    return practice.pending_version is not None and practice.pending_version.status == PracticeStatus.SUBMITTED


def _render(practice: Practice, approve_form=None, return_form=None, status: int = 200):
    version = practice.pending_version or practice.published_version
    published = practice.published_version
    changes = (described_changes(PRACTICE_CONTENT, PRACTICE_CONTENT.changes(published, version))
               if published is not None and version is not published else None)
    return render_template(
        "moderation/practice.html", practice=practice, version=version, published=published,
        changes=changes, waiting=_waiting(practice), history=_history(practice), action_label=action_label,
        term_groups=PRACTICE_CONTENT.grouped_terms(version.terms) if version is not None else [],
        files=files.files_of(version) if version is not None else [],
        approve_form=approve_form or ApprovePracticeForm(formdata=None),
        return_form=return_form or ReturnPracticeForm(formdata=None),
    ), status


@bp.get("/practices/<int:practice_id>")
def practice(practice_id: int):
    return _render(db.get_or_404(Practice, practice_id))


@bp.post("/practices/<int:practice_id>/approve")
def approve_practice(practice_id: int):
    practice = db.get_or_404(Practice, practice_id)

    def approve(form):
        services.approve(practice, current_user)
        return "moderation.practice", {"practice_id": practice.id}

    return _decide(
        _waiting(practice), ApprovePracticeForm,
        lambda form: _render(practice, approve_form=form, status=422), approve,
        ("moderation.practice", {"practice_id": practice_id}), _("The practice is published."))


@bp.post("/practices/<int:practice_id>/return")
def return_practice(practice_id: int):
    practice = db.get_or_404(Practice, practice_id)

    def return_to_author(form):
        services.return_to_author(practice, current_user, form.clean_reason)
        return "moderation.index", {}

    return _decide(
        _waiting(practice), ReturnPracticeForm,
        lambda form: _render(practice, return_form=form, status=422), return_to_author,
        ("moderation.practice", {"practice_id": practice_id}),
        _("The practice is returned to its author with your reason."))
