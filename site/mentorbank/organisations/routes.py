"""An organisation's public page: what it is, where it is, and its mentors in the bank."""
from urllib.parse import urlsplit

from flask import Blueprint, render_template

from ..extensions import db
from ..mentors.models import MentorProfile, public_profiles
from .models import Organisation, public_organisations

bp = Blueprint("organisations", __name__, url_prefix="/organisations")


@bp.get("/<int:organisation_id>")
def detail(organisation_id: int):
    organisation = db.first_or_404(public_organisations().where(Organisation.id == organisation_id))
    mentors = db.session.scalars(public_profiles().where(MentorProfile.organisation_id == organisation.id)).all()
    return render_template(
        "organisations/detail.html",
        organisation=organisation,
        mentors=sorted(mentors, key=lambda profile: profile.display_name.casefold()),
        website_url=safe_website_url(organisation.website),
    )


def safe_website_url(website: str | None) -> str | None:
    """A link only to the web (http/https): a stored ``javascript:`` address must never become a link."""
    if not website or not website.strip():
        return None
    website = website.strip()
    if "://" not in website:
        website = "https://" + website
    parts = urlsplit(website)
    return website if parts.scheme in ("http", "https") and parts.netloc else None
