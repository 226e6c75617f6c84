"""An organisation's public page, and the directory look-up of the registration form."""
from urllib.parse import urlsplit

from flask import Blueprint, redirect, render_template, request, url_for

from ..core.security import optional_database_id
from ..extensions import db, htmx
from .directory import picker_options
from .models import Organisation, public_organisations
from .pages import sections_of

bp = Blueprint("organisations", __name__)


@bp.get("/organisations/<int:organisation_id>")
def detail(organisation_id: int):
    organisation = db.first_or_404(public_organisations().where(Organisation.id == organisation_id))
    return render_template(
        "organisations/detail.html",
        organisation=organisation,
        sections=sections_of(organisation),
        website_url=safe_website_url(organisation.website),
    )


# Under /auth/ because it is part of registration (its URL predates this area's ownership of the look-up).
@bp.get("/auth/organisations")
def lookup():
    query = (request.args.get("q") or "").strip()[:200]
    if not htmx:
        # Without JavaScript the look-up lives in the registration form itself.
        return redirect(url_for("auth.register", q=query or None), code=303)
    selected_id = optional_database_id(request.args.get("organisation_id"))
    response = render_template("auth/_organisation_options.html", **picker_options(query, selected_id))
    return response, 200, {"Vary": "HX-Request"}


def safe_website_url(website: str | None) -> str | None:
    """A link only to the web (http/https): a stored ``javascript:`` address must never become a link."""
    if not website or not website.strip():
        return None
    website = website.strip()
    if "://" not in website:
        website = "https://" + website
    parts = urlsplit(website)
    return website if parts.scheme in ("http", "https") and parts.netloc else None
