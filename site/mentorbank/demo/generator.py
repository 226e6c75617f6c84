"""The demo bank: a deterministic, realistic population of organisations and mentors.

``populate(session, organisations=80, mentors=400, seed=...)`` is also the benchmark's loader (20,000 mentors),
so people are written with bulk INSERTs, one batch at a time. Bulk INSERTs bypass the session's flush, so the
search index does not follow them: rebuild it afterwards (``flask demo load`` does).
"""
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..core.models import utcnow
from ..mentors.models import MentorProfile, ProfileStatus, mentor_profile_term
from ..organisations.models import Municipality, Organisation, Region
from ..vocabularies.models import Term, Vocabulary
from . import people, places
from .texts import achievements, bio, email_local_part, phone_number, plural_years, team_bio

DEFAULT_SEED = 20261123
BATCH_SIZE = 2000
TEAM_SHARE = 0.1
# How often each organisation kind appears beyond the one of each that is always there.
KIND_WEIGHTS = {
    "school": 45, "kindergarten": 20, "college": 8, "additional": 10,
    "methodical-centre": 5, "university": 3, "social-partner": 5,
}
# How many mentors an organisation of each kind tends to have, relatively.
MENTORS_PER_KIND = {
    "school": 6, "kindergarten": 3, "college": 4, "additional": 3,
    "methodical-centre": 5, "university": 3, "social-partner": 1,
}
MENTOR_VOCABULARIES = {
    # vocabulary -> (fewest, most) terms a mentor picks
    Vocabulary.FORM: (1, 2), Vocabulary.KIND: (1, 3), Vocabulary.MODE: (1, 2), Vocabulary.DIRECTION: (2, 4),
    Vocabulary.TRACK: (1, 2), Vocabulary.COMPETENCE: (2, 3), Vocabulary.MENTEE_CATEGORY: (1, 3),
}
UNPUBLISHED_STATUSES = (ProfileStatus.DRAFT, ProfileStatus.PENDING, ProfileStatus.RETURNED)


@dataclass
class Summary:
    regions: int = 0
    municipalities: int = 0
    organisations: int = 0
    approved: int = 0
    unpublished: int = 0
    teams: int = 0


class _Term(NamedTuple):
    id: int
    vocabulary: str
    slug: str


@dataclass
class _Home:
    """What the mentor generator needs to know about an organisation, without touching the ORM object."""
    organisation: Organisation
    kind: str
    name: str
    region: places.RegionPlan
    id: int | None = None


@dataclass
class _Mentor:
    user: dict
    profile: dict
    term_ids: list[int]


def populate(
    session: Session, organisations: int = 80, mentors: int = 400, unpublished: int = 20,
    seed: int = DEFAULT_SEED, commit: bool = True,
) -> Summary:
    """Add demo organisations and mentors (``mentors`` approved plus ``unpublished`` draft/pending/rejected);
    commit after each batch, or only flush when ``commit`` is false."""
    return _Generator(session, random.Random(seed), commit).run(organisations, mentors, unpublished)


class _Generator:
    def __init__(self, session: Session, rng: random.Random, commit: bool):
        self.session, self.rng, self.commit = session, rng, commit
        self.now = utcnow()
        self.summary = Summary()
        self.kinds = {}
        self.terms: dict[str, list[_Term]] = {}
        for term in session.scalars(select(Term).where(Term.is_active.is_(True)).order_by(Term.position, Term.id)):
            self.terms.setdefault(term.vocabulary, []).append(_Term(term.id, term.vocabulary, term.slug))
            if term.vocabulary == Vocabulary.ORGANISATION_KIND:
                self.kinds[term.slug] = term
        self.used_emails = set(session.scalars(select(User.email)))
        self.used_org_names = set(session.execute(select(Organisation.municipality_id, Organisation.name)))
        self.organisations_with_team = set(session.scalars(
            select(MentorProfile.organisation_id).where(MentorProfile.is_team.is_(True))))

    def run(self, organisations: int, mentors: int, unpublished: int) -> Summary:
        homes = self._organisations(organisations)
        weights = [MENTORS_PER_KIND[home.kind] for home in homes]
        statuses = [ProfileStatus.APPROVED] * mentors + [
            self.rng.choice(UNPUBLISHED_STATUSES) for _ in range(unpublished)
        ]
        batch = []
        for index, status in enumerate(statuses):
            home = self.rng.choices(homes, weights)[0]
            batch.append(self._mentor(index, home, status))
            if len(batch) == BATCH_SIZE:
                self._insert(batch)
                batch = []
        self._insert(batch)
        return self.summary

    def _insert(self, mentors: list[_Mentor]) -> None:
        # Plain executemany and a look-up of the new ids: INSERT … RETURNING of many rows is slow on SQLite.
        if not mentors:
            return
        self.session.execute(insert(User.__table__), [m.user for m in mentors])
        user_ids = dict(self.session.execute(
            select(User.email, User.id).where(User.email.in_([m.user["email"] for m in mentors]))
        ).all())
        for mentor in mentors:
            mentor.profile["user_id"] = user_ids[mentor.user["email"]]
        self.session.execute(insert(MentorProfile.__table__), [m.profile for m in mentors])
        profile_ids = dict(self.session.execute(
            select(MentorProfile.user_id, MentorProfile.id).where(MentorProfile.user_id.in_(user_ids.values()))
        ).all())
        self.session.execute(insert(mentor_profile_term), [
            {"profile_id": profile_ids[mentor.profile["user_id"]], "term_id": term_id}
            for mentor in mentors for term_id in mentor.term_ids
        ])
        self._finish_batch()

    def _finish_batch(self) -> None:
        if self.commit:
            self.session.commit()
        else:
            self.session.flush()

    # Geography and organisations

    def _municipalities(self) -> dict[tuple[str, str], Municipality]:
        found = {}
        for plan in places.REGIONS:
            region = self.session.scalar(select(Region).where(Region.name == plan.name))
            if region is None:
                region = Region(name=plan.name, name_en=plan.name_en)
                self.session.add(region)
                self.summary.regions += 1
            for place in plan.places:
                municipality = self.session.scalar(
                    select(Municipality).where(Municipality.region == region, Municipality.name == place.municipality)
                ) if region.id else None
                if municipality is None:
                    municipality = Municipality(region=region, name=place.municipality)
                    self.session.add(municipality)
                    self.summary.municipalities += 1
                found[plan.name, place.municipality] = municipality
        self.session.flush()
        return found

    def _organisations(self, count: int) -> list[_Home]:
        municipalities = self.municipalities = self._municipalities()
        planned = list(KIND_WEIGHTS)[:count] + self.rng.choices(
            list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()), k=max(0, count - len(KIND_WEIGHTS))
        )
        homes = []
        for index, kind in enumerate(planned):
            plan = places.REGIONS[index % len(places.REGIONS)]
            place = self.rng.choice(plan.places)
            name = self._regional_name(kind, plan)
            if name:  # regional institutions sit in the region's capital
                place = plan.places[0]
            elif kind == "university":  # every university of the region is already there
                kind = "school"
            municipality = municipalities[plan.name, place.municipality]
            if not name:
                kind, name = self._organisation_name(kind, plan, place, municipality)
            organisation = Organisation(
                name=name, kind=self.kinds[kind], municipality=municipality,
                is_training_ground=kind != "social-partner" and self.rng.random() < 0.15,
                created_at=self.now - timedelta(days=self.rng.randint(400, 1200)),
            )
            homes.append(_Home(organisation, kind, name, plan))
        self.session.add_all(home.organisation for home in homes)
        self.session.flush()
        for home in homes:
            home.id = home.organisation.id
        self._finish_batch()
        self.summary.organisations = len(homes)
        return homes

    def _regional_name(self, kind: str, plan: places.RegionPlan) -> str | None:
        names = {"methodical-centre": plan.methodical_centres, "university": plan.universities}.get(kind, ())
        capital = self.municipalities[plan.name, plan.places[0].municipality]
        return next((name for name in names if self._claim(capital, name)), None)

    def _organisation_name(self, kind, plan, place, municipality) -> tuple[str, str]:
        """A free name of that kind; a school's when that kind has none left in the municipality."""
        for attempt in range(1000):
            name = plan.localise(self._candidate_name(kind if attempt < 50 else "school", plan, place))
            if self._claim(municipality, name):
                return (kind if attempt < 50 else "school"), name
        raise RuntimeError(f"no free organisation name left in {municipality.name}")

    def _candidate_name(self, kind, plan, place) -> str:
        rng = self.rng
        values = {
            "prefix": rng.choice(plan.school_prefixes), "n": rng.randint(1, 180), "adjective": place.adjective,
            "municipality": place.municipality, "title": rng.choice(places.ADDITIONAL_TITLES),
        }
        if kind == "kindergarten":
            return f"МБДОУ «Детский сад № {values['n']} „{rng.choice(places.KINDERGARTEN_NAMES)}“»"
        if kind == "college":
            return rng.choice(places.COLLEGE_PATTERNS).format(**{**values, "prefix": plan.state_prefix})
        if kind == "additional":
            return rng.choice(places.ADDITIONAL_PATTERNS).format(**values)
        if kind == "methodical-centre":
            return places.MUNICIPAL_CENTRE_PATTERN.format(**values)
        if kind == "social-partner":
            return rng.choice(places.SOCIAL_PARTNER_PATTERNS).format(**values)
        return rng.choice(places.SCHOOL_PATTERNS).format(**values)

    def _claim(self, municipality: Municipality, name: str) -> bool:
        key = (municipality.id, name)
        if key in self.used_org_names:
            return False
        self.used_org_names.add(key)
        return True

    # People

    def _person(self, region: places.RegionPlan) -> tuple[str, bool, str, str]:
        """Full name «Фамилия Имя Отчество», gender, and the parts an e-mail is made of."""
        rng = self.rng
        female = rng.random() < 0.8
        surnames, first_names, patronymics = people.RUSSIAN_SURNAMES, None, people.PATRONYMICS
        if region.name == "Республика Татарстан" and rng.random() < 0.5:
            surnames, patronymics = people.TATAR_SURNAMES, people.TATAR_PATRONYMICS
            first_names = people.TATAR_FEMALE_NAMES if female else people.TATAR_MALE_NAMES
        elif region.name == "Республика Хакасия" and rng.random() < 0.3:
            surnames = people.KHAKAS_SURNAMES
        first_names = first_names or (people.FEMALE_NAMES if female else people.MALE_NAMES)
        surname = rng.choice(surnames)
        surname = people.feminine_surname(surname) if female else surname
        first_name, patronymic = rng.choice(first_names), rng.choice(patronymics)[1 if female else 0]
        return f"{surname} {first_name} {patronymic}", female, surname, first_name[0] + patronymic[0]

    def _email(self, surname: str, initials: str) -> str:
        local = email_local_part(surname, initials)
        candidate, number = f"{local}@example.org", 1
        while candidate in self.used_emails:
            number += 1
            candidate = f"{local}{number}@example.org"
        self.used_emails.add(candidate)
        return candidate

    def _mentor(self, index: int, home: _Home, status: ProfileStatus) -> _Mentor:
        rng = self.rng
        full_name, female, surname, initials = self._person(home.region)
        position, subjects, association = rng.choice(people.POSITIONS[home.kind])
        # One team profile per organisation, as the application allows (the draw is made either way, so the
        # rest of the generated bank stays as it was).
        is_team = rng.random() < TEAM_SHARE and home.id not in self.organisations_with_team
        if is_team:
            self.organisations_with_team.add(home.id)
        experience = rng.randint(4, 38)
        terms = self._terms(index, is_team)
        slugs: dict[str, list[str]] = {}
        for term in terms:
            slugs.setdefault(term.vocabulary, []).append(term.slug)
        context = {
            "female": female, "kind": home.kind, "association": association, "position": position,
            "years": plural_years(experience),
        }
        created_at = self.now - timedelta(days=rng.randint(30, 900), minutes=rng.randint(0, 1439))
        user = {
            "email": self._email(surname, initials), "full_name": full_name, "position": position,
            "organisation_id": home.id, "created_at": created_at,
        }
        profile = {
            "organisation_id": home.id, "is_team": is_team,
            "team_name": f"Команда-наставник {home.name}" if is_team else None,
            "subjects": subjects, "experience_years": experience, "capacity": rng.randint(1, 5),
            "accepting_requests": rng.random() < 0.85, "phone": phone_number(rng) if rng.random() < 0.6 else None,
            "achievements": achievements(rng, context, is_team),
            "bio": team_bio(rng, slugs) if is_team else bio(rng, context, slugs),
            "status": status, "created_at": created_at,
            "last_active_at": self.now - timedelta(days=rng.choice((1, 3, 7, 14, 30, 60, 200)), hours=rng.randint(0, 23)),
            **self._decision(created_at, status),
        }
        self.summary.approved += status == ProfileStatus.APPROVED
        self.summary.unpublished += status != ProfileStatus.APPROVED
        self.summary.teams += is_team
        return _Mentor(user, profile, [term.id for term in terms])

    def _decision(self, created_at: datetime, status: ProfileStatus) -> dict:
        """Consents, the moderator's decision and publication, as far as the status has got."""
        fields = dict.fromkeys(
            ("mentoring_consent_at", "publication_consent_at", "submitted_at", "decided_at", "published_at",
             "status_reason")
        )
        if status == ProfileStatus.DRAFT:
            return fields
        consent = created_at + timedelta(hours=self.rng.randint(1, 48))
        fields.update(mentoring_consent_at=consent, publication_consent_at=consent, submitted_at=consent)
        if status == ProfileStatus.PENDING:
            return fields
        fields["decided_at"] = min(self.now, consent + timedelta(days=self.rng.randint(1, 14)))
        if status == ProfileStatus.APPROVED:
            fields["published_at"] = fields["decided_at"]
        else:
            fields["status_reason"] = self.rng.choice(people.REJECTION_REASONS)
        return fields

    def _terms(self, index: int, is_team: bool) -> list[_Term]:
        """Random terms of every mentor vocabulary; the index cycles through each vocabulary so all are used."""
        chosen = []
        for vocabulary, (fewest, most) in MENTOR_VOCABULARIES.items():
            terms = self.terms[vocabulary]
            picked = [terms[index % len(terms)]]
            if is_team and vocabulary == Vocabulary.FORM:
                picked.insert(0, next(t for t in terms if t.slug == "team-team"))
            for term in self.rng.sample(terms, self.rng.randint(fewest, most)):
                if term not in picked and len(picked) < most:
                    picked.append(term)
            chosen.extend(dict.fromkeys(picked))
        if any(t.slug == "teacher-teacher" for t in chosen if t.vocabulary == Vocabulary.FORM):
            if self.rng.random() < 0.6:
                chosen.append(self.rng.choice(self.terms[Vocabulary.INTERACTION_MODEL]))
        return chosen
