"""The mentor's inbox of requests: accept, or decline with a reason.

Only the mentor a request was sent to sees it here (anyone else: 404, as for every owner page); before they
accept, they see the teacher's name, school and difficulties, never the teacher's contacts."""
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import case, exists, func, select

from ..core.permissions import login_required
from ..core.workflow import TransitionRefused
from ..extensions import db
from ..mentors.models import MentorProfile
from .answers import accept as accept_request, answers_request, decline as decline_request
from .inbox_forms import AcceptForm, DeclineForm
from .models import MentoringRequest, Mentorship, RequestStatus

bp = Blueprint("inbox", __name__, url_prefix="/account/inbox")

# A request's status as its mentor reads it.
STATUS_LABELS = {
    RequestStatus.SENT: _l("Waiting for your answer"),
    RequestStatus.ACCEPTED: _l("Accepted"),
    RequestStatus.DECLINED: _l("Declined"),
    RequestStatus.WITHDRAWN: _l("Withdrawn: the teacher withdrew it or found a mentor"),
    RequestStatus.EXPIRED: _l("Expired unanswered"),
}


def is_mentor(user) -> bool:
    """Whether the person has a mentor profile (the inbox is theirs to open)."""
    return getattr(user, "is_authenticated", False) and bool(db.session.scalar(
        select(exists().where(MentorProfile.user_id == user.id))))


def waiting_count(user) -> int:
    """The requests waiting for this person's answer (the inbox link's badge)."""
    return db.session.scalar(
        select(func.count(MentoringRequest.id))
        .join(MentorProfile, MentorProfile.id == MentoringRequest.mentor_profile_id)
        .where(MentorProfile.user_id == user.id, MentoringRequest.status == RequestStatus.SENT)) or 0


def _inbox_of(user_id: int):
    """The requests sent to the person's profiles (personal and team): those waiting first, oldest first (they
    expire first); then the answered ones, newest first."""
    waiting = MentoringRequest.status == RequestStatus.SENT
    return (
        select(MentoringRequest)
        .join(MentorProfile, MentorProfile.id == MentoringRequest.mentor_profile_id)
        .where(MentorProfile.user_id == user_id, MentoringRequest.status != RequestStatus.OPEN)
        .order_by(case((waiting, 0), else_=1), case((waiting, MentoringRequest.sent_at), else_=None),
                  MentoringRequest.updated_at.desc(), MentoringRequest.id.desc())
    )


def _own_request_or_404(request_id: int) -> MentoringRequest:
    found = db.session.get(MentoringRequest, request_id)
    if found is None or found.status == RequestStatus.OPEN or not answers_request(found, current_user):
        abort(404)
    return found


def mentorship_url(mentorship: Mentorship) -> str:
    return url_for("mentorships.detail", mentorship_id=mentorship.id)


@bp.get("")
@login_required
def index():
    requests = db.session.scalars(_inbox_of(current_user.id)).all()
    return render_template("mentoring/inbox/index.html", requests=requests, status_labels=STATUS_LABELS,
                           has_profile=is_mentor(current_user))


@bp.get("/<int:request_id>")
@login_required
def detail(request_id: int):
    return _render_detail(_own_request_or_404(request_id))


def _render_detail(found: MentoringRequest, decline_form: DeclineForm | None = None, status: int = 200):
    mentorship = (db.session.scalar(select(Mentorship).where(Mentorship.request_id == found.id))
                  if found.status == RequestStatus.ACCEPTED else None)
    return render_template(
        "mentoring/inbox/detail.html", request_=found, status_labels=STATUS_LABELS,
        accept_form=AcceptForm(formdata=None), decline_form=decline_form or DeclineForm(formdata=None),
        mentorship_url=mentorship_url(mentorship) if mentorship is not None else None,
    ), status


@bp.post("/<int:request_id>/accept")
@login_required
def accept(request_id: int):
    found = _own_request_or_404(request_id)
    if not AcceptForm().validate_on_submit():
        abort(400)
    try:
        mentorship = accept_request(found, current_user._get_current_object())
    except TransitionRefused as refusal:
        flash(str(refusal.message), "error")
        return redirect(url_for(".detail", request_id=found.id), code=303)
    db.session.commit()
    flash(_("You accepted the request. Agree on the programme with your mentee: your contacts are now open to "
            "each other."), "success")
    return redirect(mentorship_url(mentorship), code=303)


@bp.post("/<int:request_id>/decline")
@login_required
def decline(request_id: int):
    found = _own_request_or_404(request_id)
    form = DeclineForm()
    if not form.validate_on_submit():
        return _render_detail(found, form, 422)
    try:
        decline_request(found, current_user._get_current_object(), form.reason.data)
    except TransitionRefused as refusal:
        flash(str(refusal.message), "error")
        return redirect(url_for(".detail", request_id=found.id), code=303)
    db.session.commit()
    flash(_("You declined the request; the teacher is told your reason."), "success")
    return redirect(url_for(".index"), code=303)
