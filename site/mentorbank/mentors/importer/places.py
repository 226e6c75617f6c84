"""What a registry row refers to, found once per import: regions, municipalities and organisations by name
(created when missing), and people with their own mentor profiles by e-mail (read in bulk, not row by row)."""
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...accounts.models import User
from ...organisations.models import Municipality, Organisation, Region
from ...vocabularies.models import Vocabulary, terms_of
from ..models import MentorProfile
from .columns import MentorRecord
from .vocabulary import guess_organisation_kind, normalise_label

# Ids or e-mails per IN (…) query: well under SQLite's and PostgreSQL's limits on bound parameters.
BATCH = 500


def _batches(values: list) -> list[list]:
    return [values[start:start + BATCH] for start in range(0, len(values), BATCH)]


class People:
    """Users by e-mail and their own profiles (personal and team, not revisions awaiting review), oldest first."""

    def __init__(self, session: Session, emails: list[str]):
        self.session = session
        self.users: dict[str, User] = {}
        self.profiles: dict[int, list[MentorProfile]] = defaultdict(list)
        for chunk in _batches(sorted(set(emails))):
            users = session.scalars(select(User).where(User.email.in_(chunk)))
            self.users.update((user.email, user) for user in users)
        for chunk in _batches([user.id for user in self.users.values()]):
            profiles = session.scalars(
                select(MentorProfile)
                .where(MentorProfile.user_id.in_(chunk), MentorProfile.revision_of_id.is_(None))
                .options(selectinload(MentorProfile.terms))
                .order_by(MentorProfile.created_at, MentorProfile.id)
            )
            for profile in profiles:
                self.profiles[profile.user_id].append(profile)

    def user(self, email: str) -> User | None:
        return self.users.get(email)

    def add_user(self, user: User) -> None:
        self.session.add(user)
        self.users[user.email] = user

    def add_profile(self, profile: MentorProfile) -> None:
        self.session.add(profile)
        self.session.flush()  # the new user's id
        self.profiles[profile.user_id].append(profile)

    def own_profile(self, user: User, team_name: str | None) -> MentorProfile | None:
        """The person's own profile when the row names no team; with a team, their team profile of that name, or
        their only team profile (the team was renamed)."""
        own = self.profiles.get(user.id, [])
        if team_name is None:
            return next((profile for profile in own if not profile.is_team), None)
        teams = [profile for profile in own if profile.is_team]
        same_name = [p for p in teams if normalise_label(p.team_name or "") == normalise_label(team_name)]
        return next(iter(same_name or (teams if len(teams) == 1 else [])), None)


class Places:
    """Regions, municipalities and organisations found by name (case, ё, quotes and dashes aside), created when
    missing; ``created`` lists the new ones ("region" / "municipality" / "organisation" -> descriptions)."""

    def __init__(self, session: Session):
        self.session = session
        self.kinds = {term.slug: term for term in terms_of(Vocabulary.ORGANISATION_KIND, active_only=False)}
        self.regions = {normalise_label(region.name): region for region in session.scalars(select(Region))}
        self.municipalities: dict[int, dict[str, Municipality]] = {}
        self.organisations: dict[int, dict[str, Organisation]] = {}
        self.created: dict[str, list[str]] = defaultdict(list)

    def organisation(self, record: MentorRecord) -> Organisation:
        municipality = self._municipality(self._region(record.region), record.municipality)
        known = self._known(self.organisations, municipality.id, Organisation, Organisation.municipality_id)
        key = normalise_label(record.organisation)
        if key not in known:
            kind = record.organisation_kind or self.kinds[guess_organisation_kind(record.organisation)]
            known[key] = self._create(
                Organisation(name=record.organisation, kind=kind, municipality=municipality),
                f"{record.organisation} ({municipality.name}, {kind.name})",
            )
        return known[key]

    def _region(self, name: str) -> Region:
        key = normalise_label(name)
        if key not in self.regions:
            self.regions[key] = self._create(Region(name=name), name)
        return self.regions[key]

    def _municipality(self, region: Region, name: str) -> Municipality:
        known = self._known(self.municipalities, region.id, Municipality, Municipality.region_id)
        key = normalise_label(name)
        if key not in known:
            known[key] = self._create(Municipality(name=name, region=region), f"{name} ({region.name})")
        return known[key]

    def _known(self, cache: dict, parent_id: int, model, parent_column) -> dict:
        if parent_id not in cache:
            children = self.session.scalars(select(model).where(parent_column == parent_id))
            cache[parent_id] = {normalise_label(child.name): child for child in children}
        return cache[parent_id]

    def _create(self, record, description: str):
        self.session.add(record)
        self.session.flush()  # its id keys the caches below it
        self.created[record.__tablename__].append(description)
        return record
