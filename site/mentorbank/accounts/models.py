"""People who use the bank, their roles and their consent to the processing of personal data (152-ФЗ)."""
import enum
import hmac
import secrets
from datetime import datetime

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..core.models import TimestampMixin, string_enum, utcnow
from ..extensions import db, login_manager
from ..organisations.models import Organisation


class Role(enum.StrEnum):
    """Granted roles. Every registered user is a participant; a mentor is one whose profile is approved."""

    MODERATOR = "moderator"
    ADMIN = "admin"
    CURATOR = "curator"  # of one organisation


def hash_password(password: str) -> str:
    """A hash of ``password`` by the configured method (PASSWORD_HASH_METHOD)."""
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


class User(UserMixin, TimestampMixin, db.Model):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored lower-cased, so look-ups by e-mail are exact.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    # None: the person cannot log in until they set a password by the reset link (e.g. imported mentors).
    password_hash: Mapped[str | None] = mapped_column(String(256))
    full_name: Mapped[str] = mapped_column(String(300))
    position: Mapped[str | None] = mapped_column(String(300))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)

    email_confirmed_at: Mapped[datetime | None]
    # Consent to the processing of personal data: when, and which version of its text was agreed to.
    processing_consent_at: Mapped[datetime | None]
    processing_consent_version: Mapped[str | None] = mapped_column(String(20))
    is_blocked: Mapped[bool] = mapped_column(default=False)
    last_login_at: Mapped[datetime | None]
    # The language the person last chose in the site: their notifications and e-mails speak it. None: Russian.
    locale: Mapped[str | None] = mapped_column(String(5))
    # Part of every session's and remember cookie's user id (``get_id``): a new value ends them all.
    session_token: Mapped[str] = mapped_column(String(32), default=lambda: new_session_token())

    organisation: Mapped[Organisation | None] = relationship()
    role_grants: Mapped[list["RoleGrant"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", foreign_keys="RoleGrant.user_id", lazy="selectin"
    )

    # --- log-in ---

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return not self.is_blocked

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    def end_all_sessions(self) -> None:
        """Every session cookie and remember cookie issued so far stops working (log-out, new password, block)."""
        self.session_token = new_session_token()

    def set_password(self, password: str) -> None:
        self.password_hash = hash_password(password)

    def check_password(self, password: str) -> bool:
        return bool(self.password_hash) and check_password_hash(self.password_hash, password)

    @property
    def is_confirmed(self) -> bool:
        return self.email_confirmed_at is not None

    # --- roles ---

    def has_role(self, role: Role) -> bool:
        return any(grant.role == role for grant in self.role_grants)

    @property
    def is_moderator(self) -> bool:
        # An admin can do everything a moderator can.
        return self.has_role(Role.MODERATOR) or self.has_role(Role.ADMIN)

    @property
    def is_admin(self) -> bool:
        return self.has_role(Role.ADMIN)

    @property
    def curated_organisation_ids(self) -> set[int]:
        return {g.organisation_id for g in self.role_grants if g.role == Role.CURATOR and g.organisation_id}

    def is_curator_of(self, organisation_id: int | None) -> bool:
        return organisation_id is not None and organisation_id in self.curated_organisation_ids


class RoleGrant(db.Model):
    """One role of one user; a curator's grant names the organisation they curate."""

    __tablename__ = "role_grant"
    __table_args__ = (
        UniqueConstraint("user_id", "role", "organisation_id"),
        CheckConstraint(
            "(role = 'curator') = (organisation_id IS NOT NULL)", name="curator_has_organisation"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(string_enum(Role, "role"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    user: Mapped[User] = relationship(back_populates="role_grants", foreign_keys=[user_id])
    organisation: Mapped[Organisation | None] = relationship()


def normalise_email(email: str) -> str:
    return email.strip().lower()


def new_session_token() -> str:
    return secrets.token_hex(16)


@event.listens_for(User.password_hash, "set")
def _password_change_ends_sessions(user: User, value, old_value, _initiator) -> None:
    # A new password (changed, reset, or erased on closing the account) must lock out whoever stole a cookie.
    if value != old_value:
        user.end_all_sessions()


@event.listens_for(User.is_blocked, "set")
def _blocking_ends_sessions(user: User, value, _old_value, _initiator) -> None:
    # Unblocking later must not bring back the sessions opened before the block.
    if value:
        user.end_all_sessions()


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The user of a session or remember cookie: ``<id>:<session token>`` (see ``User.get_id``)."""
    # Every rendered template asks Flask-Login for the current user; without a loader it raises.
    number, _sep, token = user_id.partition(":")
    user = db.session.get(User, int(number)) if number.isdigit() and token else None
    if user is None or not hmac.compare_digest(token, user.session_token or ""):
        return None
    # Blocking takes effect at once: a session opened before the block no longer counts as logged in.
    return user if user.is_active else None


class LoginFailure(db.Model):
    """One wrong password, kept for a while: counted in the database, so the log-in limits hold across every
    worker and host without Redis (see ``accounts/throttle.py``)."""

    __tablename__ = "login_failure"
    __table_args__ = (db.Index("ix_login_failure_scope_key_failed_at", "scope", "key", "failed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(10))  # "account" (the e-mail) or "address" (the client's IP)
    key: Mapped[str] = mapped_column(String(300))
    failed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
