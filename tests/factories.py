"""Small builders of realistic records for tests. Each flushes, so ids are set; the test's transaction
(or the request under test) decides about committing."""
import functools
import itertools
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import select

from mentorbank.accounts.models import Role, RoleGrant, User
from mentorbank.core.models import utcnow
from mentorbank.extensions import db
from mentorbank.mentoring.models import (
    REQUEST_LIFETIME, CompletionReason, MentoringRequest, Mentorship, MentorshipStatus, Programme, RequestStatus,
)
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


def mentoring_request(
    mentee: User | None = None,
    mentor_profile: MentorProfile | None = None,
    status: RequestStatus = RequestStatus.SENT,
    difficulties: str = "Не получается выстроить дисциплину на уроках в 7 классе, дети не слушают.",
    directions: tuple[str, ...] = ("methodical",),
    **fields,
) -> MentoringRequest:
    """A mentoring request; SENT (to ``mentor_profile``, a new mentor by default) unless told otherwise."""
    mentee = mentee or user(full_name="Смирнова Ольга Игоревна", org=organisation("МБОУ СОШ № 5"))
    if mentor_profile is None and status != RequestStatus.OPEN:
        mentor_profile = mentor()
    now = utcnow()
    request = MentoringRequest(
        mentee=mentee, organisation=mentee.organisation, mentor_profile=mentor_profile, status=status,
        difficulties=difficulties, period_months=fields.pop("period_months", 6),
        sent_at=now if mentor_profile is not None else None, expires_at=fields.pop("expires_at", now + REQUEST_LIFETIME),
        decided_at=now if status in (RequestStatus.ACCEPTED, RequestStatus.DECLINED) else None,
        status_reason=fields.pop("status_reason", "Нет свободного времени." if status == RequestStatus.DECLINED else None),
        **fields,
    )
    request.directions = [term("direction", slug) for slug in directions]
    db.session.add(request)
    db.session.flush()
    return request


def mentorship(
    mentor_profile: MentorProfile | None = None,
    mentee: User | None = None,
    status: MentorshipStatus = MentorshipStatus.ACTIVE,
    months: int = 6,
    **fields,
) -> Mentorship:
    """A mentorship with its programme (and its accepted request), taking a place of the mentor's capacity while
    active."""
    mentor_profile = mentor_profile or mentor()
    mentee = mentee or user(full_name="Смирнова Ольга Игоревна", org=organisation("МБОУ СОШ № 5"))
    request = mentoring_request(mentee=mentee, mentor_profile=mentor_profile, status=RequestStatus.ACCEPTED)
    started = fields.pop("started_on", date.today())
    completed = status == MentorshipStatus.COMPLETED
    pair = Mentorship(
        request=request, mentor_profile=mentor_profile, mentor=mentor_profile.user, mentee=mentee,
        mentor_organisation_id=mentor_profile.organisation_id, mentee_organisation_id=mentee.organisation_id,
        status=status, started_on=started,
        completed_at=utcnow() if completed else None,
        completion_reason=fields.pop("completion_reason", CompletionReason.PLAN_DONE if completed else None),
        **fields,
    )
    pair.programme = Programme(
        problem=request.difficulties, goals="Выстроить дисциплину на уроке.", starts_on=started,
        ends_on=started + timedelta(days=30 * months),
    )
    if status == MentorshipStatus.ACTIVE:
        mentor_profile.active_mentees += pair.group_size or 1
    db.session.add(pair)
    db.session.flush()
    return pair


def programme_template(
    title: str = "Дисциплина на уроке: программа для молодого учителя",
    status: str = "published",
    author: User | None = None,
    directions: tuple[str, ...] = ("methodical",),
    **fields,
):
    """A template of the bank of programmes; published unless told otherwise (submitted, returned …)."""
    from mentorbank.programmes.models import ProgrammeTemplate, TemplateStatus

    now = utcnow()
    status = TemplateStatus(status)
    template = ProgrammeTemplate(
        title=title, author=author, status=status,
        problem=fields.pop("problem", "Молодой учитель не может выстроить дисциплину на уроке."),
        goals=fields.pop("goals", "Освоить приёмы управления классом."),
        content=fields.pop("content", "Посещение уроков наставника, разбор ситуаций, совместное планирование."),
        planned_results=fields.pop("planned_results", "Учитель ведёт урок без срывов дисциплины."),
        plan=fields.pop("plan", "Посетить три урока наставника\nПровести открытый урок"),
        period_months=fields.pop("period_months", 6),
        submitted_at=now if status != TemplateStatus.DRAFT else None,
        published_at=now if status == TemplateStatus.PUBLISHED else None,
        decided_at=now if status in (TemplateStatus.PUBLISHED, TemplateStatus.RETURNED) else None,
        status_reason=fields.pop("status_reason", "Уберите фамилию." if status == TemplateStatus.RETURNED else None),
        **fields,
    )
    template.directions = [term("direction", slug) for slug in directions]
    db.session.add(template)
    db.session.flush()
    return template
