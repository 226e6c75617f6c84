"""Operator actions on accounts: create an account, grant and revoke roles, block and unblock.

Shared by ``flask users …`` (actor None) and the admin pages (actor = the admin). Every change is audited in
the same transaction (the ``account_changed`` signal); the caller commits.
"""
from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..core.models import utcnow
from ..extensions import db
from ..organisations.models import Organisation
from .models import Role, RoleGrant, User, normalise_email
from .signals import audit, changed_by_receivers, user_blocked


class AccountError(ValueError):
    """A refused operator action; the message is shown as is (CLI or a flashed message)."""


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def create_account(
    *, email: str, full_name: str, password: str, position: str | None = None,
    organisation: Organisation | None = None, actor: User | None = None,
) -> User:
    """A confirmed account whose consent to processing was collected by the operator (e.g. on paper)."""
    if not email.strip() or "@" not in email:
        raise AccountError(_l("An e-mail address is required."))
    if not full_name.strip():
        raise AccountError(_l("A full name is required."))
    if not password:
        raise AccountError(_l("A password is required."))
    if find_user(email) is not None:
        raise AccountError(_l("An account with the e-mail %(email)s already exists.", email=normalise_email(email)))
    now = utcnow()
    user = User(
        email=normalise_email(email), full_name=full_name.strip(), position=(position or "").strip() or None,
        organisation=organisation, email_confirmed_at=now, processing_consent_at=now,
        processing_consent_version=current_app.config["PROCESSING_CONSENT_VERSION"],
    )
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    audit("user.create", user, actor=actor, details={"consent": "given to the operator"})
    return user


def _matching_grant(user: User, role: Role, organisation: Organisation | None) -> RoleGrant | None:
    organisation_id = organisation.id if organisation is not None else None
    return next(
        (g for g in user.role_grants if g.role == role and g.organisation_id == organisation_id), None
    )


def _check_organisation(role: Role, organisation: Organisation | None) -> None:
    if role == Role.CURATOR and organisation is None:
        raise AccountError(_l("A curator needs an organisation: give its id."))
    if role != Role.CURATOR and organisation is not None:
        raise AccountError(_l("Only a curator's role belongs to an organisation."))


def grant_role(user: User, role: Role, organisation: Organisation | None = None, *, actor: User | None = None) -> bool:
    """Grant a role; False when the user already has it (nothing changes)."""
    _check_organisation(role, organisation)
    if _matching_grant(user, role, organisation) is not None:
        return False
    user.role_grants.append(RoleGrant(role=role, organisation=organisation, granted_by_id=actor.id if actor else None))
    db.session.flush()
    audit("role.grant", user, actor=actor, details=_role_details(role, organisation))
    return True


def revoke_role(user: User, role: Role, organisation: Organisation | None = None, *, actor: User | None = None) -> bool:
    """Revoke a role; False when the user does not have it (nothing changes)."""
    _check_organisation(role, organisation)
    if role == Role.ADMIN and actor is not None and actor.id == user.id:
        raise AccountError(_l("You cannot revoke your own administrator role."))
    grant = _matching_grant(user, role, organisation)
    if grant is None:
        return False
    user.role_grants.remove(grant)
    db.session.flush()
    audit("role.revoke", user, actor=actor, details=_role_details(role, organisation))
    return True


def _role_details(role: Role, organisation: Organisation | None) -> dict:
    return {"role": role.value, "organisation_id": organisation.id if organisation else None}


def block_user(user: User, *, actor: User | None = None, reason: str | None = None) -> list:
    """Block log-in; the domains take the user's submissions out of the bank and the moderators' queue
    (the ``user_blocked`` signal). Returns the records they withdrew."""
    if actor is not None and actor.id == user.id:
        raise AccountError(_l("You cannot block yourself."))
    if user.is_blocked:
        return []
    user.is_blocked = True
    withdrawn = changed_by_receivers(user_blocked.send(user, actor=actor, reason=reason or None))
    db.session.flush()
    audit("user.block", user, actor=actor, reason=reason or None,
           details={"withdrawn": [f"{type(item).__tablename__}:{item.id}" for item in withdrawn]})
    return withdrawn


def unblock_user(user: User, *, actor: User | None = None) -> bool:
    """Allow log-in again; withdrawn profiles stay withdrawn (the author resubmits them)."""
    if not user.is_blocked:
        return False
    user.is_blocked = False
    db.session.flush()
    audit("user.unblock", user, actor=actor)
    return True

