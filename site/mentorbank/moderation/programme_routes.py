"""The moderator's page of a programme template: the template as submitted, the earlier decisions, and the two
decisions (publish; return with a reason). On the moderation blueprint, so its guard (moderators and admins
only) covers these routes too."""
from flask import render_template
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..audit.models import AuditEntry
from ..extensions import db
from ..programmes import services
from ..programmes.models import ProgrammeTemplate, TemplateStatus
from .audit_log import action_label
from .forms import ApproveTemplateForm, ReturnTemplateForm
from .routes import _decide, bp


def _render(template: ProgrammeTemplate, approve_form=None, return_form=None, status: int = 200):
    history = db.session.scalars(
        select(AuditEntry).where(AuditEntry.target_type == ProgrammeTemplate.__tablename__,
                                 AuditEntry.target_id == template.id)
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())).all()
    return render_template(
        "moderation/programme_template.html", template=template, history=history, action_label=action_label,
        waiting=template.status == TemplateStatus.SUBMITTED,
        approve_form=approve_form or ApproveTemplateForm(formdata=None),
        return_form=return_form or ReturnTemplateForm(formdata=None),
    ), status


@bp.get("/programmes/<int:template_id>")
def programme_template(template_id: int):
    return _render(db.get_or_404(ProgrammeTemplate, template_id))


@bp.post("/programmes/<int:template_id>/approve")
def approve_programme_template(template_id: int):
    template = db.get_or_404(ProgrammeTemplate, template_id)

    def approve(form):
        services.approve(template, current_user)
        return "moderation.programme_template", {"template_id": template.id}

    return _decide(
        template.status == TemplateStatus.SUBMITTED, ApproveTemplateForm,
        lambda form: _render(template, approve_form=form, status=422), approve,
        ("moderation.programme_template", {"template_id": template_id}),
        _("The programme template is published in the bank."))


@bp.post("/programmes/<int:template_id>/return")
def return_programme_template(template_id: int):
    template = db.get_or_404(ProgrammeTemplate, template_id)

    def return_to_author(form):
        services.return_to_author(template, current_user, form.clean_reason)
        return "moderation.index", {}

    return _decide(
        template.status == TemplateStatus.SUBMITTED, ReturnTemplateForm,
        lambda form: _render(template, return_form=form, status=422), return_to_author,
        ("moderation.programme_template", {"template_id": template_id}),
        _("The programme template is returned to its author with your reason."))
