"""People who use the bank. Minimal for now: log-in and roles come with the accounts issue."""
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..core.models import TimestampMixin
from ..extensions import db, login_manager
from ..organisations.models import Organisation


class User(UserMixin, TimestampMixin, db.Model):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored lower-cased, so look-ups by e-mail are exact.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(256))
    full_name: Mapped[str] = mapped_column(String(300))
    position: Mapped[str | None] = mapped_column(String(300))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)

    organisation: Mapped[Organisation | None] = relationship()


def normalise_email(email: str) -> str:
    return email.strip().lower()


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    # Every rendered template asks Flask-Login for the current user; without a loader it raises.
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None
