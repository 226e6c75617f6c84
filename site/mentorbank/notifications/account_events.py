"""What closing an account does to its notifications: they are personal data, so they are erased with it."""
from sqlalchemy import delete

from ..accounts.signals import account_closed
from ..extensions import db
from .models import Notification


@account_closed.connect
def erase_notifications(user) -> None:
    db.session.execute(delete(Notification).where(Notification.user_id == user.id))
