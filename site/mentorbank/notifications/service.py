"""Tell a person that something happened: a notification in the site and, unless asked not to, an e-mail."""
from flask_babel import force_locale

from ..accounts.models import User
from ..core.mail import send_after_commit
from ..extensions import db
from .models import Notification
from .texts import describe


def notify(user: User, kind: str, target=None, *, message: str | None = None, email: bool = True) -> Notification:
    notification = Notification(
        user_id=user.id,
        kind=kind,
        target_type=type(target).__tablename__ if target is not None else None,
        target_id=target.id if target is not None else None,
        message=message,
    )
    db.session.add(notification)
    if email and user.email and not user.is_blocked:
        # In the language the reader last chose in the site (Russian, the bank's language, until they choose).
        with force_locale(user.locale or "ru"):
            send_after_commit(
                user.email, str(describe(notification).title), "notification",
                user=user, notification=notification, text=describe(notification),
            )
    return notification
