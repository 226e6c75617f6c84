"""/about, /help, /contacts and /privacy for everyone; /admin/pages for admins to write the first three."""
from datetime import date

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..accounts.consent_texts import consent_text, kept_versions
from ..core.permissions import admin_required
from ..extensions import db
from .forms import PageForm
from ..core.markdown import render_markdown
from .models import PAGE_TITLES, PageSlug
from .operator import Operator, site_operator
from .services import StaleVersion, all_pages, find_page, save_page

bp = Blueprint("portal", __name__)

# The day the policy's own wording last changed; the consent texts it lists carry their own dates.
POLICY_EDITION = date(2026, 12, 2)


@bp.record_once
def _operator_is_complete(state) -> None:
    # A missing or misspelt key of OPERATOR in instance/config.py stops start-up, not the first page shown.
    try:
        Operator(**state.app.config["OPERATOR"])
    except TypeError as error:
        raise RuntimeError(f"OPERATOR in the configuration: {error}") from error


@bp.app_context_processor
def _operator_everywhere() -> dict:
    # Cheap: a dataclass over a config dict. The header, the footer and the consent texts use these.
    return {"site_operator": site_operator(), "consent_text": consent_text}


@bp.get("/<any(about, help, contacts):slug>")
def page(slug: str):
    slug = PageSlug(slug)
    written = find_page(slug)
    return render_template(
        f"portal/{slug.value}.html", page=written, slug=slug, title=PAGE_TITLES[slug],
        body=render_markdown(written.body) if written else None,
    )


@bp.get("/privacy")
def privacy():
    return render_template("portal/privacy.html", consents=kept_versions(), edition=POLICY_EDITION)


@bp.get("/admin/pages")
@admin_required
def admin_pages():
    return render_template("portal/admin_pages.html", pages=all_pages(), titles=PAGE_TITLES)


@bp.route("/admin/pages/<any(about, help, contacts):slug>", methods=["GET", "POST"])
@admin_required
def edit_page(slug: str):
    slug = PageSlug(slug)
    written = find_page(slug)
    form = PageForm(data={"body": written.body, "version": written.version} if written else None)
    status = 200
    if form.validate_on_submit():
        try:
            save_page(slug, form.body.data, actor=current_user, based_on_version=_version_sent(form))
        except StaleVersion:
            db.session.rollback()
            form.body.errors.append(_("Someone saved this page after you opened it. Copy your text, reload the page and edit its newest version."))
            status = 409
        else:
            db.session.commit()
            flash(_("The page is saved."), "success")
            return redirect(url_for("portal.page", slug=slug.value), 303)
    elif form.is_submitted():
        status = 422
    return render_template("portal/edit_page.html", form=form, page=written, slug=slug, title=PAGE_TITLES[slug],
                           preview=render_markdown(form.body.data) if form.body.data else None), status


def _version_sent(form: PageForm) -> int | None:
    """The version the editor started from; a tampered value counts as a version nobody saved."""
    if not form.version.data:
        return None
    return int(form.version.data) if form.version.data.isdigit() else -1
