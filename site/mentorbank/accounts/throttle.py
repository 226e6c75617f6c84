"""Log-in throttling counted in the database: every worker and host sees the same count.

Two limits: per account (the e-mail typed, whoever types it, from any address) and a generous one per client
address (a school shares one address; it only stops guessing through many accounts at once).
"""
import math
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from limits import parse
from sqlalchemy import delete, func, select

from ..core.models import utcnow
from ..extensions import db
from .models import LoginFailure, normalise_email

ACCOUNT, ADDRESS = "account", "address"


@dataclass(frozen=True)
class Limit:
    attempts: int
    window: timedelta


def _limit(config_key: str) -> Limit:
    # The same "5/15 minutes" notation as Flask-Limiter's limits.
    item = parse(current_app.config[config_key])
    return Limit(item.amount, timedelta(seconds=item.get_expiry()))


def _limits(email: str, address: str) -> list[tuple[str, str, Limit]]:
    limits = [(ADDRESS, address[:300], _limit("LOGIN_FAILURES_PER_ADDRESS"))]
    if account := normalise_email(email)[:300]:  # an empty form names no account
        limits.append((ACCOUNT, account, _limit("LOGIN_FAILURES_PER_ACCOUNT")))
    return limits


def seconds_until_allowed(email: str, address: str) -> int:
    """0 when a log-in may be tried now; otherwise how long until the oldest counted failure expires."""
    now = utcnow()
    wait = 0
    for scope, key, limit in _limits(email, address):
        since = now - limit.window
        failures = select(LoginFailure.failed_at).where(
            LoginFailure.scope == scope, LoginFailure.key == key, LoginFailure.failed_at > since
        )
        count = db.session.scalar(select(func.count()).select_from(failures.subquery()))
        if count >= limit.attempts:
            # The attempt is allowed again once enough of the counted failures have aged out of the window.
            oldest_blocking = db.session.scalar(
                failures.order_by(LoginFailure.failed_at.desc()).offset(limit.attempts - 1).limit(1)
            )
            wait = max(wait, math.ceil((oldest_blocking + limit.window - now).total_seconds()))
    return max(wait, 1) if wait else 0


def record_failure(email: str, address: str) -> None:
    """Count a failed log-in under both limits and forget failures older than any window (the caller commits)."""
    now = utcnow()
    limits = _limits(email, address)
    longest = max(limit.window for _scope, _key, limit in limits)
    db.session.execute(delete(LoginFailure).where(LoginFailure.failed_at < now - longest))
    for scope, key, _limit_ in limits:
        db.session.add(LoginFailure(scope=scope, key=key, failed_at=now))
