"""Demo log-ins: an administrator, a moderator, a curator and four participants with one known password.

Development data only. The mentor and the applicant are people the generator already made (an approved and a
pending profile), taken over with a fixed e-mail, so nothing of the generator is repeated here and the demo
stays deterministic: the same seed gives the same people. Every other generated person has no password and
cannot log in.
"""
import logging
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.models import Role, RoleGrant, User
from ..core.models import utcnow
from ..mentors.models import MentorProfile, ProfileStatus
from ..organisations.models import Organisation
from ..vocabularies.models import Term, Vocabulary

log = logging.getLogger(__name__)

DEMO_PASSWORD = "demo-password-2026"
DEMO_DOMAIN = "demo.mentorbank.local"


@dataclass(frozen=True)
class DemoAccount:
    key: str
    role: str  # what the table says the account is for
    full_name: str | None = None  # None: a generated person is taken over
    position: str | None = None

    @property
    def email(self) -> str:
        return f"{self.key}@{DEMO_DOMAIN}"


ACCOUNTS = (
    DemoAccount("admin", "администратор: пользователи, роли, организации, словари",
                "Волков Сергей Николаевич", "администратор сайта"),
    DemoAccount("moderator", "модератор: очередь анкет и организаций",
                "Соколова Ирина Викторовна", "методист регионального центра"),
    DemoAccount("curator", "куратор организации наставника",
                "Лебедева Татьяна Андреевна", "заместитель директора по УВР"),
    DemoAccount("mentor", "участник-наставник: опубликованная анкета"),
    DemoAccount("applicant", "участник: анкета ждёт модерации"),
    DemoAccount("participant", "участник без анкеты", "Никитина Дарья Олеговна", "учитель начальных классов"),
    # A teacher of another school who asks for mentoring (demo/mentoring.py gives her requests and a mentorship).
    DemoAccount("mentee", "участник-наставляемый: запросы наставнику, наставничество с демо-наставником",
                "Ковалёва Анна Сергеевна", "учитель математики"),
)


def create_demo_accounts(session: Session, consent_version: str) -> list[User]:
    """Add the demo log-ins to a freshly generated bank (flushes; the caller commits)."""
    mentor_profile = _first_profile(session, ProfileStatus.APPROVED)
    if mentor_profile is None:
        log.warning("The demo bank has no approved mentor: the demo accounts are not created.")
        return []
    home = mentor_profile.organisation
    regional_centre = _regional_centre(session, home) or home
    applicant_profile = _applicant_profile(session)
    people = {
        "admin": _new_person(session, ACCOUNTS[0], regional_centre),
        "moderator": _new_person(session, ACCOUNTS[1], regional_centre),
        "curator": _new_person(session, ACCOUNTS[2], home),
        "mentor": mentor_profile.user,
        "applicant": applicant_profile.user if applicant_profile else _new_person(
            session, DemoAccount("applicant", "", "Морозова Алина Игоревна", "учитель истории"), home),
        "participant": _new_person(session, ACCOUNTS[5], home),
        "mentee": _new_person(session, ACCOUNTS[6], _other_school(session, home) or home),
    }
    now = utcnow()
    for key, person in people.items():
        person.email = f"{key}@{DEMO_DOMAIN}"
        person.set_password(DEMO_PASSWORD)
        person.email_confirmed_at = person.processing_consent_at = now
        person.processing_consent_version = consent_version
    people["admin"].role_grants.append(RoleGrant(role=Role.ADMIN))
    people["moderator"].role_grants.append(RoleGrant(role=Role.MODERATOR))
    people["curator"].role_grants.append(RoleGrant(role=Role.CURATOR, organisation=home))
    fill_school_page(home)
    session.flush()
    return list(people.values())


def fill_school_page(school: Organisation) -> None:
    """The curator's school page as a curator would keep it: what it offers and its institutional contacts
    (a reception, never a person)."""
    school.description = (
        "Школа ведёт наставничество по моделям «педагог – педагог» и «школа – школе»: молодые учителя работают "
        "в паре с опытными коллегами первые два года, а команда методистов сопровождает команды других школ "
        "района.\n\n"
        "Для коллег из других организаций: открытые уроки по математике и начальным классам каждую четверть, "
        "разбор занятий после посещения, стажировки по цифровым сервисам урока. Заявку на стажировку присылайте "
        "на почту приёмной с пометкой «Наставничество»."
    )
    school.website = school.website or "https://school.demo.mentorbank.local"
    school.contact_email = f"priem@{DEMO_DOMAIN}"
    school.contact_phone = "+7 (800) 555-01-23"
    school.address = f"{school.municipality.name}, ул. Школьная, д. 1"


def _first_profile(session: Session, status: ProfileStatus) -> MentorProfile | None:
    return session.scalar(select(MentorProfile).where(
        MentorProfile.status == status, MentorProfile.is_team.is_(False), MentorProfile.revision_of_id.is_(None)
    ).order_by(MentorProfile.id).limit(1))


def _applicant_profile(session: Session) -> MentorProfile | None:
    """A pending application, so the moderation queue is not empty; a draft or returned one is submitted
    when the generator made none pending."""
    profile = _first_profile(session, ProfileStatus.PENDING)
    if profile is None:
        profile = _first_profile(session, ProfileStatus.DRAFT) or _first_profile(session, ProfileStatus.RETURNED)
        if profile is None:
            return None
        consent = profile.mentoring_consent_at or utcnow() - timedelta(days=2)
        profile.mentoring_consent_at = profile.publication_consent_at = consent
        profile.status, profile.status_reason, profile.decided_at = ProfileStatus.PENDING, None, None
    profile.submitted_at = profile.submitted_at or profile.publication_consent_at or utcnow()
    return profile


def _regional_centre(session: Session, home: Organisation) -> Organisation | None:
    """The methodical centre of the mentor's region: where moderators and admins of a region usually work."""
    return next((
        organisation for organisation in session.scalars(
            select(Organisation).join(Term, Organisation.kind_id == Term.id).where(
                Term.vocabulary == Vocabulary.ORGANISATION_KIND, Term.slug == "methodical-centre"
            ).order_by(Organisation.id)
        ) if organisation.region.id == home.region.id
    ), None)


def _other_school(session: Session, home: Organisation) -> Organisation | None:
    """A school other than the mentor's, of the same region when there is one («школа – школе»)."""
    schools = [school for school in session.scalars(
        select(Organisation).join(Term, Organisation.kind_id == Term.id).where(
            Term.vocabulary == Vocabulary.ORGANISATION_KIND, Term.slug == "school", Organisation.id != home.id
        ).order_by(Organisation.id)
    )]
    return next((school for school in schools if school.region.id == home.region.id), None) or next(
        iter(schools), None)


def _new_person(session: Session, account: DemoAccount, organisation: Organisation) -> User:
    person = User(email=account.email, full_name=account.full_name, position=account.position,
                  organisation=organisation)
    session.add(person)
    return person


def demo_logins(session: Session) -> list[tuple[DemoAccount, User]]:
    """The demo accounts present in this database, in the table's order."""
    found = {user.email: user for user in session.scalars(
        select(User).where(User.email.in_([account.email for account in ACCOUNTS]))
    )}
    return [(account, found[account.email]) for account in ACCOUNTS if account.email in found]
