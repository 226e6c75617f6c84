"""Proposed organisations as a moderated kind. The organisations area sits below accounts and the audit log,
so it cannot import this capability: its registration lives here, beside its decisions."""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l, ngettext
from sqlalchemy import literal, select

from ..accounts.models import User
from ..extensions import db
from ..organisations.models import Organisation, OrganisationStatus
from .registry import ModeratedKind, register


@dataclass(frozen=True)
class ProposedOrganisation:
    organisation: Organisation
    proposer: User | None


def _pending():
    return select(
        literal("organisation").label("kind"),
        Organisation.id.label("id"),
        # An organisation waits since it was proposed.
        Organisation.created_at.label("submitted_at"),
        Organisation.name.label("title"),
    ).where(Organisation.status == OrganisationStatus.PROPOSED)


def _load(ids: list[int]) -> dict[int, ProposedOrganisation]:
    organisations = db.session.scalars(select(Organisation).where(Organisation.id.in_(ids))).all()
    proposer_ids = {o.proposed_by_id for o in organisations if o.proposed_by_id}
    proposers = {user.id: user for user in db.session.scalars(select(User).where(User.id.in_(proposer_ids)))} \
        if proposer_ids else {}
    return {o.id: ProposedOrganisation(o, proposers.get(o.proposed_by_id)) for o in organisations}


def _proposed_by(user_id: int) -> list[Organisation]:
    return db.session.scalars(
        select(Organisation).where(Organisation.proposed_by_id == user_id).order_by(Organisation.id)).all()


ORGANISATION_KIND = register(ModeratedKind(
    name="organisation",
    position=20,
    model=Organisation,
    label=_l("Proposed organisations"),
    audit_label=_l("Organisations"),
    count_text=lambda count: ngettext("%(num)d proposed organisation", "%(num)d proposed organisations", count),
    pending=_pending,
    load=_load,
    row_template="moderation/_queue_row_organisation.html",
    detail_endpoint="moderation.organisation",
    detail_argument="organisation_id",
    submissions_of=_proposed_by,
    submissions_template="account/_submissions_organisations.html",
    action_labels={
        # The directory's own edits (admin/services.py) share the prefix.
        "create": _l("Organisation added to the directory"),
        "update": _l("Organisation changed in the directory"),
        # The curator's edits of the public page (curation/services.py).
        "page_update": _l("Organisation's public page changed in its curator's cabinet"),
        "approve": _l("Organisation approved"),
        "reject": _l("Organisation rejected"),
    },
))
