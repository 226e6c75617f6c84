"""Signed, expiring tokens mailed for e-mail confirmation and password reset (itsdangerous).

Each purpose has its own salt, so a confirmation token can never be replayed as a reset token. A reset token
also signs a fingerprint of the current password hash: once the password changes (the token was used, or the
person changed it otherwise) every earlier reset link stops working.
"""
import hashlib
import hmac

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ..extensions import db
from .models import User

CONFIRM_SALT = "mentorbank.email-confirm"
RESET_SALT = "mentorbank.password-reset"


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def _password_fingerprint(user: User) -> str:
    # A short digest, not the hash itself: the token is readable by anyone who sees the link.
    return hashlib.sha256((user.password_hash or "").encode()).hexdigest()[:16]


def confirmation_token(user: User) -> str:
    return _serializer(CONFIRM_SALT).dumps({"user": user.id, "email": user.email})


def reset_token(user: User) -> str:
    return _serializer(RESET_SALT).dumps(
        {"user": user.id, "email": user.email, "password": _password_fingerprint(user)}
    )


def _load(salt: str, token: str, max_age: int) -> tuple[User, dict] | None:
    try:
        payload = _serializer(salt).loads(token, max_age=max_age)
    except BadSignature:  # also covers SignatureExpired
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("user"), int):
        return None
    user = db.session.get(User, payload["user"])
    # A token issued for an address the account no longer has is void.
    if user is None or user.email != payload.get("email"):
        return None
    return user, payload


def user_from_confirmation_token(token: str) -> User | None:
    loaded = _load(CONFIRM_SALT, token, current_app.config["EMAIL_TOKEN_MAX_AGE"])
    return loaded[0] if loaded else None


def user_from_reset_token(token: str) -> User | None:
    """The user a reset link is for, or None when it is forged, expired, already used or the user is blocked."""
    loaded = _load(RESET_SALT, token, current_app.config["PASSWORD_RESET_MAX_AGE"])
    if loaded is None:
        return None
    user, payload = loaded
    if not user.is_active or not hmac.compare_digest(str(payload.get("password")), _password_fingerprint(user)):
        return None
    return user
