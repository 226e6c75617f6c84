"""My account: overview, profile, consent (notifications are notifications/routes.py, the submissions page
moderation/submissions.py)."""
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _, ngettext
from flask_login import current_user, logout_user

from ..core.permissions import login_required
from ..extensions import db
from .account_forms import AccountProfileForm, CloseAccountForm, WithdrawPublicationConsentForm
from .consent import close_account, withdraw_publication_consent
from . import pages
from .pages import sections_of

bp = Blueprint("account", __name__, url_prefix="/account")


@bp.app_context_processor
def _account_navigation():
    # The account's navigation lists what the areas registered (accounts/pages.py), not a list kept here.
    return {"account_nav_links": pages.nav_links}


@bp.get("")
@login_required
def index():
    return render_template("account/index.html", sections=sections_of(current_user._get_current_object()))


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    form = AccountProfileForm(user=current_user, obj=current_user)
    if form.validate_on_submit():
        changed = {name for name in ("full_name", "position", "organisation_id")
                   if getattr(current_user, name) != _cleaned(form[name].data)}
        for name in changed:
            setattr(current_user, name, _cleaned(form[name].data))
        db.session.commit()
        flash(_("Your profile is saved."), "success")
        return redirect(url_for(".profile"), code=303)
    return render_template("account/profile.html", form=form), 422 if form.errors else 200


@bp.route("/consent", methods=["GET", "POST"])
@login_required
def consent():
    user = current_user._get_current_object()  # the audit log records the model, not the proxy
    publication_form = WithdrawPublicationConsentForm(prefix="publication")
    closing_form = CloseAccountForm(prefix="processing")
    if publication_form.submit.data and publication_form.validate_on_submit():
        withdrawn = withdraw_publication_consent(user)
        db.session.commit()
        flash(ngettext("The consent to publication is withdrawn; %(num)d profile left the bank.",
                       "The consent to publication is withdrawn; %(num)d profiles left the bank.", len(withdrawn)),
              "success")
        return redirect(url_for(".consent"), code=303)
    if closing_form.submit.data and closing_form.validate_on_submit():
        close_account(user)
        db.session.commit()
        logout_user()
        flash(_("Your account is closed and your personal data erased."), "success")
        return redirect(url_for("home.index"), code=303)
    failed = publication_form.errors or closing_form.errors
    return render_template(
        "account/consent.html", publication_form=publication_form, closing_form=closing_form,
    ), 422 if failed else 200


def _cleaned(value):
    return value.strip() or None if isinstance(value, str) else value
