"""Small builders of realistic records for tests. Each flushes, so ids are set; the test's transaction
(or the request under test) decides about committing."""
import functools
import itertools

from flask import current_app
from sqlalchemy import select

from mentorbank.accounts.models import Role, RoleGrant, User
from mentorbank.core.models import utcnow
from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile, ProfileStatus
from mentorbank.organisations.models import Municipality, Organisation, Region
from mentorbank.vocabularies.models import Term, Vocabulary

_sequence = itertools.count(1)


def term(vocabulary: Vocabulary | str, slug: str) -> Term:
    return db.session.execute(
        select(Term).where(Term.vocabulary == str(vocabulary), Term.slug == slug)
    ).scalar_one()


def region(name: str = "Республика Татарстан") -> Region:
    found = db.session.execute(select(Region).where(Region.name == name)).scalar_one_or_none()
    if found:
        return found
    found = Region(name=name)
    db.session.add(found)
    db.session.flush()
    return found


def municipality(name: str = "г. Казань", region_name: str = "Республика Татарстан") -> Municipality:
    parent = region(region_name)
    found = db.session.execute(
        select(Municipality).where(Municipality.name == name, Municipality.region_id == parent.id)
    ).scalar_one_or_none()
    if found:
        return found
    found = Municipality(name=name, region=parent)
    db.session.add(found)
    db.session.flush()
    return found


def organisation(
    name: str | None = None, kind: str = "school", municipality_name: str = "г. Казань",
    region_name: str = "Республика Татарстан",
) -> Organisation:
    org = Organisation(
        name=name or f"МБОУ «Средняя общеобразовательная школа № {next(_sequence)}»",
        kind=term(Vocabulary.ORGANISATION_KIND, kind),
        municipality=municipality(municipality_name, region_name),
    )
    db.session.add(org)
    db.session.flush()
    return org


PASSWORD = "correct horse battery staple"


@functools.cache
def _known_password_hash(method: str) -> str:
    # Tests that create many users hash the shared password once per method (cheap in tests, see conftest).
    from werkzeug.security import generate_password_hash

    return generate_password_hash(PASSWORD, method=method)


def user(full_name: str = "Иванова Мария Петровна", email: str | None = None, position: str = "учитель",
         org: Organisation | None = None, password: str | None = PASSWORD, roles: tuple[Role, ...] = (),
         confirmed: bool = True) -> User:
    """A registered, confirmed participant who can log in with ``PASSWORD``, plus any ``roles``."""
    person = User(
        full_name=full_name,
        email=email or f"user{next(_sequence)}@example.org",
        position=position,
        organisation=org or organisation(),
        email_confirmed_at=utcnow() if confirmed else None,
        processing_consent_at=utcnow(),
        processing_consent_version="2026-11",
    )
    if password == PASSWORD:
        person.password_hash = _known_password_hash(current_app.config["PASSWORD_HASH_METHOD"])
    elif password:
        person.set_password(password)
    for role in roles:
        person.role_grants.append(RoleGrant(
            role=role, organisation=person.organisation if role == Role.CURATOR else None
        ))
    db.session.add(person)
    db.session.flush()
    return person


DECIDED = (ProfileStatus.APPROVED, ProfileStatus.RETURNED)


def mentor(
    full_name: str = "Иванова Мария Петровна",
    status: ProfileStatus = ProfileStatus.APPROVED,
    terms: dict[str, list[str]] | None = None,
    org: Organisation | None = None,
    **fields,
) -> MentorProfile:
    """A mentor profile; ``terms`` maps a vocabulary to slugs, e.g. {"mode": ["remote"]}."""
    owner = fields.pop("user", None) or user(full_name=full_name, org=org, email=fields.pop("email", None))
    profile = MentorProfile(
        user=owner,
        organisation=org or owner.organisation,
        status=status,
        subjects=fields.pop("subjects", "математика"),
        bio=fields.pop("bio", "Учитель математики, веду методическое объединение."),
        mentoring_consent_at=utcnow(),
        publication_consent_at=utcnow(),
        published_at=utcnow() if status == ProfileStatus.APPROVED else None,
        # A decided profile carries its decision (the database checks it, see MentorProfile.__table_args__).
        decided_at=fields.pop("decided_at", utcnow() if status in DECIDED else None),
        status_reason=fields.pop("status_reason", "Уточните направления." if status == ProfileStatus.RETURNED else None),
        **fields,
    )
    for vocabulary, slugs in (terms or {}).items():
        profile.terms.extend(term(vocabulary, slug) for slug in slugs)
    db.session.add(profile)
    db.session.flush()
    return profile


def practice(
    title: str = "Школа молодого педагога",
    status: str = "published",
    owner: User | None = None,
    org: Organisation | None = None,
    terms: dict[str, list[str]] | None = None,
    **fields,
):
    """A practice whose one version has ``status`` ("published": public; "draft", "submitted", "returned":
    in its owner's hands); ``terms`` maps a vocabulary to slugs, e.g. {"direction": ["methodical"]}."""
    from mentorbank.practices.models import Practice, PracticeStatus, PracticeVersion

    owner = owner or user(full_name="Кириллова Наталья Олеговна", org=org)
    status = PracticeStatus(status)
    record = Practice(owner_id=owner.id, first_published_at=utcnow() if status == PracticeStatus.PUBLISHED else None)
    db.session.add(record)
    db.session.flush()
    version = PracticeVersion(
        record_id=record.id, status=status, title=title,
        summary=fields.pop("summary", "Наставник сопровождает молодого учителя в первый год работы."),
        body=fields.pop("body", "## Как это устроено\nВстречи раз в неделю, открытые уроки, разбор трудностей."),
        organisation_id=(org or owner.organisation).id,
        submitted_at=utcnow() if status != PracticeStatus.DRAFT else None,
        decided_at=utcnow() if status in (PracticeStatus.PUBLISHED, PracticeStatus.RETURNED) else None,
        status_reason="Добавьте результаты." if status == PracticeStatus.RETURNED else None,
        **fields,
    )
    version.authors = [owner]
    for vocabulary, slugs in (terms or {"direction": ["methodical"]}).items():
        version.terms.extend(term(vocabulary, slug) for slug in slugs)
    db.session.add(version)
    db.session.flush()
    if status == PracticeStatus.PUBLISHED:
        record.published_version = version
    else:
        record.pending_version = version
    db.session.flush()
    return record
