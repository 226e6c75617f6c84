"""A person's notifications, under their account's address (/account/notifications)."""
from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select, update

from ..core.htmx import render_page_or_partial
from ..core.models import utcnow
from ..core.pagination import page_number, paginate
from ..core.permissions import login_required
from ..extensions import db
from .forms import MarkNotificationsReadForm
from .models import Notification, unread_count
from .texts import describe

bp = Blueprint("notifications", __name__, url_prefix="/account/notifications")

NOTIFICATIONS_PER_PAGE = 20


@bp.get("")
@login_required
def index():
    page = paginate(
        select(Notification).where(Notification.user_id == current_user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc()),
        page_number(request.args.get("page")), NOTIFICATIONS_PER_PAGE,
    )
    page.items = [(notification, describe(notification)) for notification in page.items]
    return render_page_or_partial(
        "account/notifications.html", "account/_notifications.html",
        page=page, read_form=MarkNotificationsReadForm(), unread=unread_count(current_user.id),
    )


@bp.post("/read")
@login_required
def mark_read():
    if MarkNotificationsReadForm().validate_on_submit():
        db.session.execute(
            update(Notification)
            .where(Notification.user_id == current_user.id, Notification.read_at.is_(None))
            .values(read_at=utcnow())
        )
        db.session.commit()
        flash(_("All notifications are marked as read."), "success")
    return redirect(url_for(".index"), code=303)
