"""Account services: registration, confirmation, authentication and password reset.

Routes call these, then commit once. No answer here tells a visitor whether an e-mail is registered: the
callers show the same page either way, and the slow password hash runs either way too.
"""
import functools
from dataclasses import dataclass

from flask import current_app
from flask_babel import force_locale, get_locale, gettext as _
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from ..core.mail import send_after_commit
from ..core.models import utcnow
from ..core.security import public_url
from ..core.text import fold
from ..extensions import db
from ..organisations.models import Municipality, Organisation, OrganisationStatus
from ..vocabularies.models import Term
from . import tokens
from .models import User, hash_password, normalise_email

@functools.cache
def _unknown_user_hash(method: str) -> str:
    """Checked against when the e-mail is unknown, so a miss costs as much time as a wrong password."""
    return generate_password_hash("no such user", method=method)


@dataclass(frozen=True)
class ProposedOrganisation:
    name: str
    kind_id: int
    municipality_id: int


def _proposed_organisation(proposal: ProposedOrganisation) -> Organisation:
    """The organisation a registering person proposes; an existing one of the same name in the same
    municipality (approved, or proposed by someone else) is reused rather than duplicated."""
    existing = [
        org for org in db.session.scalars(
            select(Organisation).where(Organisation.municipality_id == proposal.municipality_id)
        )
        if fold(org.name) == fold(proposal.name)
    ]
    if existing:
        return existing[0]
    organisation = Organisation(
        name=proposal.name,
        kind=db.session.get(Term, proposal.kind_id),
        municipality=db.session.get(Municipality, proposal.municipality_id),
        status=OrganisationStatus.PROPOSED,
    )
    db.session.add(organisation)
    return organisation


# --- registration and confirmation ---

def user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def register(
    *, email: str, password: str, full_name: str, position: str,
    organisation: Organisation | None, proposal: ProposedOrganisation | None,
) -> User | None:
    """Create the account and mail the confirmation link; None when the e-mail is taken (its owner is told)."""
    existing = user_by_email(email)
    if existing is not None:
        hash_password(password)  # the same work as a real registration, so timing tells nothing
        _send_registration_attempt(existing)
        return None
    user = User(
        email=normalise_email(email),
        full_name=full_name,
        position=position,
        processing_consent_at=utcnow(),
        processing_consent_version=current_app.config["PROCESSING_CONSENT_VERSION"],
        # The language the person registered in: their notifications speak it until they choose another.
        locale=str(get_locale()) if get_locale() is not None else None,
    )
    user.set_password(password)
    if proposal is not None:
        organisation = _proposed_organisation(proposal)
    user.organisation = organisation
    db.session.add(user)
    db.session.flush()
    if organisation is not None and organisation.status == OrganisationStatus.PROPOSED and not organisation.proposed_by_id:
        organisation.proposed_by_id = user.id
    send_confirmation(user)
    return user


def send_confirmation(user: User) -> None:
    link = public_url("auth.confirm", token=tokens.confirmation_token(user))
    send_after_commit(user.email, _("Confirm your e-mail address"), "confirm_email", user=user, link=link)


def _send_registration_attempt(user: User) -> None:
    link = public_url("auth.reset_password", token=tokens.reset_token(user))
    # The owner of the address did not choose a language here; the bank's language is Russian.
    with force_locale("ru"):
        send_after_commit(
            user.email, _("Someone tried to register with your e-mail address"), "registration_attempt",
            user=user, link=link, login_link=public_url("auth.login"),
        )


def confirm_email(user: User) -> None:
    """Idempotent: a second click on the same link changes nothing."""
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()


# --- log-in and password reset ---

def authenticate(email: str, password: str) -> User | None:
    """The active, confirmed user with this e-mail and password; None for an unknown e-mail, a wrong password,
    an account without a password yet, a blocked account and an unconfirmed one alike: registering never logs
    in, so a password that works only for a new registration would tell a new address from a taken one."""
    user = user_by_email(email) if email else None
    if user is None or not user.password_hash:
        check_password_hash(_unknown_user_hash(current_app.config["PASSWORD_HASH_METHOD"]), password)
        return None
    if not user.check_password(password) or not user.is_active or not user.is_confirmed:
        return None
    return user


def resend_confirmation(email: str) -> None:
    """Mail a new confirmation link to an account that waits for one; do nothing (visibly the same) otherwise."""
    user = user_by_email(email)
    if user is not None and user.is_active and not user.is_confirmed:
        send_confirmation(user)


def record_login(user: User) -> None:
    user.last_login_at = utcnow()


def request_password_reset(email: str) -> None:
    """Mail a reset link to an existing, unblocked account; do nothing (visibly the same) otherwise."""
    user = user_by_email(email)
    if user is None or not user.is_active:
        return
    link = public_url("auth.reset_password", token=tokens.reset_token(user))
    send_after_commit(user.email, _("Set a new password"), "reset_password", user=user, link=link)


def reset_password(user: User, password: str) -> None:
    """Set the new password; this voids the link. Following a mailed link also proves the address."""
    user.set_password(password)
    confirm_email(user)
