"""Registration, e-mail confirmation, log-in and log-out, password reset."""
from datetime import timedelta

from flask import Blueprint, flash, make_response, redirect, render_template, request, session, url_for
from flask_babel import format_timedelta, gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_user, logout_user

from ..core.errors import render_error
from ..core.i18n import LOCALE_SESSION_KEY
from ..core.permissions import login_required
from ..core.navigation import safe_next_url
from ..extensions import db, limiter
from ..organisations import directory
from . import registration, throttle, tokens
from .forms import ConfirmationRequestForm, LoginForm, PasswordResetForm, PasswordResetRequestForm, RegistrationForm
from .models import User

bp = Blueprint("auth", __name__, url_prefix="/auth")


# A successful registration answers 303; refused forms do not count towards the limit.
_succeeded = lambda response: response.status_code == 303  # noqa: E731


def _status() -> int:
    """A form shown again after a POST was refused (DESIGN §7: 422 keeps htmx swapping it in)."""
    return 422 if request.method == "POST" else 200


def _start_session(user: User, remember: bool) -> None:
    """Log in on a fresh session: nothing an attacker planted before the log-in survives it (session
    fixation), only the visitor's language."""
    locale = session.get(LOCALE_SESSION_KEY)
    session.clear()
    if locale:
        session[LOCALE_SESSION_KEY] = locale
    login_user(user, remember=remember)
    registration.record_login(user)


def _no_referrer(response):
    # The token in the address must not leak to another site through the Referer header.
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


# --- registration ---

def _registration_form() -> RegistrationForm:
    form = RegistrationForm(
        is_approved_organisation=lambda organisation_id: directory.approved_organisation(organisation_id)
        is not None
    )
    form.proposed_kind.choices = directory.organisation_kind_choices()
    form.proposed_municipality.choices = {"": [(None, "—")], **directory.municipality_choices()}
    if request.method == "GET":
        form.q.data = (request.args.get("q") or "")[:200]
    return form


def _render_register(form: RegistrationForm, status: int):
    options = directory.picker_options(form.q.data or "", form.organisation_id.data)
    return render_template("auth/register.html", form=form, **options), status


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit("10/hour", methods=["POST"], deduct_when=_succeeded)
def register():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"), code=303)
    form = _registration_form()
    if request.method == "POST" and "find" in request.form:
        return _render_register(form, 200)  # the look-up without JavaScript: nothing is validated yet
    if not form.validate_on_submit():
        return _render_register(form, _status())
    proposal = None
    if form.not_listed.data:
        proposal = registration.ProposedOrganisation(
            form.proposed_name.data, form.proposed_kind.data, form.proposed_municipality.data
        )
    registration.register(
        email=form.email.data, password=form.password.data, full_name=form.full_name.data,
        position=form.position.data, proposal=proposal,
        organisation=None if proposal else directory.approved_organisation(form.organisation_id.data),
    )
    # Nobody is logged in here: a new address and a taken one must answer alike (the owner confirms first).
    db.session.commit()
    # The same words whether or not the address was already registered.
    flash(_("We have sent a message to %(email)s. Open the link in it to confirm your address.",
            email=form.email.data), "success")
    return redirect(url_for("home.index"), code=303)


# --- e-mail confirmation ---

@bp.get("/confirm/<token>")
def confirm(token: str):
    user = tokens.user_from_confirmation_token(token)
    if user is None:
        return _no_referrer(make_response(render_template("auth/confirm_failed.html"), 400))
    first_confirmation = not user.is_confirmed
    registration.confirm_email(user)
    if first_confirmation and user.is_active and not current_user.is_authenticated:
        # Registration logs nobody in (a taken address must look the same); the first click on the mailed
        # link proves the address, and logs its owner in. Later clicks only confirm again.
        _start_session(user, remember=False)
    db.session.commit()
    flash(_("Your e-mail address is confirmed. Thank you!"), "success")
    if current_user.is_authenticated and current_user.id == user.id:
        target = url_for("account.index")
    else:
        target = url_for("auth.login")
    return _no_referrer(redirect(target, code=303))


@bp.route("/confirm/resend", methods=["GET", "POST"])
@limiter.limit("3/hour", methods=["POST"])
def resend_confirmation():
    """A new confirmation link: for the logged-in person (the banner), or for an address typed here, which
    answers alike whether or not an account waits for confirmation there."""
    if current_user.is_authenticated:
        if request.method == "POST":
            if current_user.is_confirmed:
                flash(_("Your e-mail address is already confirmed."), "info")
            else:
                registration.send_confirmation(current_user)
                db.session.commit()
                flash(_("We have sent a new confirmation link to %(email)s.", email=current_user.email), "success")
        return redirect(safe_next_url(request.form.get("next")), code=303)
    form = ConfirmationRequestForm()
    if form.validate_on_submit():
        registration.resend_confirmation(form.email.data)
        db.session.commit()
        flash(_("If an account with this address waits for confirmation, we have sent it a new link."), "info")
        return redirect(url_for("auth.login"), code=303)
    return render_template("auth/resend_confirmation.html", form=form), _status()


# --- log-in and log-out ---

def _too_many_failures(wait_seconds: int):
    """429 with the time to try again, in the visitor's language and in Retry-After."""
    when = format_timedelta(timedelta(seconds=wait_seconds), threshold=1, add_direction=True)
    body, status, headers = render_error(429, message=_(
        "Too many wrong passwords for this account or from your network. Try again %(when)s.", when=when
    ))
    return body, status, {**headers, "Retry-After": str(wait_seconds)}


@bp.route("/login", methods=["GET", "POST"])
def login():
    next_url = request.values.get("next")
    if current_user.is_authenticated and request.method == "GET":
        return redirect(safe_next_url(next_url), code=303)
    form = LoginForm()
    failed = False
    if request.method == "POST":
        email, address = request.form.get("email", ""), get_remote_address()
        wait = throttle.seconds_until_allowed(email, address)
        if wait:
            return _too_many_failures(wait)
        if form.validate_on_submit():
            user = registration.authenticate(form.email.data, form.password.data)
            if user is not None:
                _start_session(user, remember=form.remember.data)
                db.session.commit()
                flash(_("You are logged in."), "success")
                return redirect(safe_next_url(next_url), code=303)
            failed = True
        throttle.record_failure(email, address)
        db.session.commit()
    return render_template("auth/login.html", form=form, next_url=next_url, failed=failed), _status()


@bp.post("/logout")
def logout():
    locale = session.get(LOCALE_SESSION_KEY)
    if current_user.is_authenticated:
        # Every other session and remember cookie of the account ends too: a stolen one included.
        current_user.end_all_sessions()
        db.session.commit()
    logout_user()
    session.clear()
    # Flask-Login deletes the remember cookie when it finds this flag (set by logout_user, lost by the clear).
    session["_remember"] = "clear"
    if locale:
        session[LOCALE_SESSION_KEY] = locale
    flash(_("You are logged out."), "info")
    return redirect(url_for("home.index"), code=303)


# --- password reset ---

@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit("5/hour", methods=["POST"])
def request_reset():
    form = PasswordResetRequestForm()
    if form.validate_on_submit():
        registration.request_password_reset(form.email.data)
        db.session.commit()
        flash(_("If an account with this address exists, we have sent it a link to set a new password."), "info")
        return redirect(url_for("auth.login"), code=303)
    return render_template("auth/request_reset.html", form=form), _status()


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit("10/hour", methods=["POST"])
def reset_password(token: str):
    user = tokens.user_from_reset_token(token)
    if user is None:
        return _no_referrer(make_response(render_template("auth/reset_failed.html"), 400))
    form = PasswordResetForm(account_email=user.email)
    if form.validate_on_submit():
        registration.reset_password(user, form.password.data)
        _start_session(user, remember=False)
        db.session.commit()
        flash(_("Your new password is set and you are logged in."), "success")
        return redirect(url_for("home.index"), code=303)
    page = render_template("auth/reset_password.html", form=form, token=token)
    return _no_referrer(make_response(page, _status()))
