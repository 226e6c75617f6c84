"""Who may act for an organisation in the cabinet: its curators and the admins; anyone else gets 403."""
from flask import abort
from flask_login import current_user

from ..extensions import db
from ..organisations.models import Organisation


def curated_organisation_or_403(organisation_id: int) -> Organisation:
    """The organisation, when the logged-in person curates it or is an admin; 404 for an unknown id."""
    organisation = db.get_or_404(Organisation, organisation_id)
    if not (current_user.is_admin or current_user.is_curator_of(organisation.id)):
        abort(403)
    return organisation
