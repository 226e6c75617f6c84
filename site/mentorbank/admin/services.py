"""What the admin pages read and change: user and organisation lists, organisations, vocabulary terms.

Services flush and audit; the route commits once.
"""
import re

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, or_, select

from ..accounts.models import Role, RoleGrant, User
from ..audit.labels import register_labels
from ..audit.models import record
from ..core.pagination import Page, count_rows, paginate
from ..core.text import folded_contains
from ..extensions import db
from ..mentors.models import MentorProfile, ProfileStatus
from ..organisations.directory import name_contains, searched_organisation_ids, unlisted_organisation_ids
from ..organisations.models import Municipality, Organisation, OrganisationStatus, Region, public_organisations
from ..vocabularies.models import Term, Vocabulary

PER_PAGE = 30
# Matches taken from the search at once; more are asked for when it found more.
ORGANISATION_SEARCH_LIMIT = 500
ORGANISATION_FIELDS = ("name", "short_name", "kind_id", "municipality_id", "website", "is_training_ground", "status")
TERM_FIELDS = ("name", "name_en", "position", "is_active")


class DuplicateError(ValueError):
    """The value is already taken (an organisation's name in its municipality, a term's key)."""


def paged(query: Select, page: int, per_page: int = PER_PAGE) -> Page:
    return paginate(query, page, per_page)


def _text_matches(columns, text: str):
    """Substring match on several columns, in any case and with ё = е."""
    return or_(*(folded_contains(column, text) for column in columns))


# --- the dashboard ---

def dashboard_counts() -> dict[str, int]:
    def users_with(role: Role) -> int:
        return count_rows(select(RoleGrant.user_id).where(RoleGrant.role == role).distinct())

    return {
        "users": count_rows(select(User.id)),
        "blocked": count_rows(select(User.id).where(User.is_blocked.is_(True))),
        "moderators": users_with(Role.MODERATOR),
        "admins": users_with(Role.ADMIN),
        "curators": users_with(Role.CURATOR),
        "organisations": count_rows(select(Organisation.id).where(Organisation.is_public)),
        "proposed_organisations": count_rows(
            select(Organisation.id).where(Organisation.status == OrganisationStatus.PROPOSED)
        ),
        "mentors": count_rows(select(MentorProfile.id).where(MentorProfile.is_public)),
        "pending_profiles": count_rows(select(MentorProfile.id).where(MentorProfile.status == ProfileStatus.PENDING)),
        "terms": count_rows(select(Term.id)),
    }


# --- users ---

def users_query(text: str | None, role: str | None) -> Select:
    query = select(User).order_by(User.full_name, User.id)
    text = (text or "").strip()
    if text:
        query = query.where(_text_matches((User.full_name, User.email), text))
    granted = select(RoleGrant.user_id)
    if role == "participant":
        query = query.where(User.id.not_in(granted))
    elif role == "blocked":
        query = query.where(User.is_blocked.is_(True))
    elif role in {r.value for r in Role}:
        query = query.where(User.id.in_(granted.where(RoleGrant.role == Role(role))))
    return query


def approved_organisations() -> list[Organisation]:
    return list(db.session.scalars(public_organisations().order_by(Organisation.name)))


def user_profiles(user: User) -> list[MentorProfile]:
    return list(db.session.scalars(
        select(MentorProfile).where(MentorProfile.user_id == user.id).order_by(MentorProfile.id)
    ))


# --- organisations ---

def organisations_query(text: str | None, status: str | None, kind_id: int | None,
                        municipality_id: int | None) -> Select:
    query = select(Organisation).order_by(Organisation.name, Organisation.id)
    text = (text or "").strip()
    if text:
        query = query.where(_organisations_found(text))
    if status in {s.value for s in OrganisationStatus}:
        query = query.where(Organisation.status == OrganisationStatus(status))
    if kind_id:
        query = query.where(Organisation.kind_id == kind_id)
    if municipality_id:
        query = query.where(Organisation.municipality_id == municipality_id)
    return query


def _organisations_found(text: str):
    """What the admin's words find: the public organisations the site's search finds (the same word forms,
    numbers and abbreviations as /search and the registration picker), the proposed ones (never indexed) by the
    same analysis, and any whose name contains the text as typed."""
    found_ids, total = searched_organisation_ids(text, ORGANISATION_SEARCH_LIMIT)
    if total > len(found_ids):
        found_ids, _total = searched_organisation_ids(text, total)
    return or_(Organisation.id.in_(found_ids + unlisted_organisation_ids(text)), name_contains(text))


def organisation_kinds(include: int | None = None) -> list[Term]:
    """Active organisation kinds, plus the current one of an organisation even if it was deactivated."""
    return list(db.session.scalars(
        select(Term).where(
            Term.vocabulary == Vocabulary.ORGANISATION_KIND, or_(Term.is_active.is_(True), Term.id == include)
        ).order_by(Term.position, Term.id)
    ))


def municipalities() -> list[Municipality]:
    return list(db.session.scalars(select(Municipality).join(Region).order_by(Region.name, Municipality.name)))


def save_organisation(organisation: Organisation, values: dict, *, actor: User) -> Organisation:
    """Create (no id yet) or update an organisation from the form's values; audited with what changed."""
    values = {**values, "status": OrganisationStatus(values["status"]),
              "short_name": values.get("short_name") or None, "website": values.get("website") or None}
    clash = select(Organisation.id).where(
        Organisation.municipality_id == values["municipality_id"], Organisation.name == values["name"]
    )
    if organisation.id is not None:
        clash = clash.where(Organisation.id != organisation.id)
    if db.session.scalar(clash) is not None:
        raise DuplicateError("name")
    is_new = organisation.id is None
    changes = _apply(organisation, values, ORGANISATION_FIELDS)
    if is_new:
        db.session.add(organisation)
    db.session.flush()
    record("organisation.create" if is_new else "organisation.update", organisation, actor=actor,
           details={"changed": changes})
    return organisation


# --- vocabularies ---

def vocabulary_terms(vocabulary: Vocabulary) -> list[Term]:
    return list(db.session.scalars(select(Term).where(Term.vocabulary == vocabulary).order_by(Term.position, Term.id)))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64].strip("-")


def create_term(vocabulary: Vocabulary, values: dict, *, actor: User) -> Term:
    """A new term; its key is the given slug or one made from the English name, unique in the vocabulary."""
    slug = values.get("slug") or slugify(values["name_en"])
    if not slug:
        raise DuplicateError("slug")  # nothing Latin to make a key from: the admin must type one
    taken = select(Term.id).where(Term.vocabulary == vocabulary, Term.slug == slug)
    if db.session.scalar(taken) is not None:
        raise DuplicateError("slug")
    term = Term(vocabulary=vocabulary.value, slug=slug)
    _apply(term, {**values, "position": values.get("position") or 0}, TERM_FIELDS)
    db.session.add(term)
    db.session.flush()
    record("term.create", term, actor=actor, details={"vocabulary": vocabulary.value, "slug": slug})
    return term


def update_term(term: Term, values: dict, *, actor: User) -> Term:
    """Edit a term. A deactivated term leaves new forms but keeps its links to existing records."""
    changes = _apply(term, {**values, "position": values.get("position") or 0}, TERM_FIELDS)
    db.session.flush()
    record("term.update", term, actor=actor, details={"changed": changes})
    return term


def _apply(target, values: dict, fields: tuple[str, ...]) -> dict:
    """Set the fields; return {field: [old, new]} of those that changed (JSON-friendly for the audit)."""
    changes = {}
    for name in fields:
        old, new = getattr(target, name, None), values[name]
        if old != new:
            changes[name] = [_plain(old), _plain(new)]
            setattr(target, name, new)
    return changes


def _plain(value):
    return value.value if hasattr(value, "value") else value


register_labels("term", _l("Vocabulary terms"), {
    "create": _l("Vocabulary term added"),
    "update": _l("Vocabulary term changed"),
})
