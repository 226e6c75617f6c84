"""What waits for a moderator: pending mentor profiles (new ones and revisions of approved ones) and proposed
organisations, oldest first. The navigation badge counts the same set through ``waiting_count``."""
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from ..accounts.models import User
from ..core.models import utcnow
from ..extensions import db
from ..mentors.models import MentorProfile, ProfileStatus
from ..organisations.models import Organisation, OrganisationStatus

MENTOR_PROFILE = "mentor_profile"
ORGANISATION = "organisation"
TYPE_OPTIONS = (
    ("", _l("Everything")),
    (MENTOR_PROFILE, _l("Mentor profiles")),
    (ORGANISATION, _l("Proposed organisations")),
)
# age option → minimum days waited (None: any age)
AGE_DAYS = {"": None, "older_than_1_day": 1, "older_than_3_days": 3, "older_than_7_days": 7}
AGE_OPTIONS = (
    ("", _l("Any age")),
    ("older_than_1_day", _l("Waiting more than a day")),
    ("older_than_3_days", _l("Waiting more than 3 days")),
    ("older_than_7_days", _l("Waiting more than a week")),
)


@dataclass(frozen=True)
class QueueFilters:
    type: str = ""
    age: str = ""

    @classmethod
    def from_args(cls, args: MultiDict) -> "QueueFilters":
        # Unknown values are ignored rather than refused: a mangled bookmark still opens the queue.
        chosen_type = args.get("type", "")
        chosen_age = args.get("age", "")
        return cls(
            type=chosen_type if chosen_type in (MENTOR_PROFILE, ORGANISATION) else "",
            age=chosen_age if chosen_age in AGE_DAYS else "",
        )

    @property
    def submitted_before(self) -> datetime | None:
        days = AGE_DAYS[self.age]
        return utcnow() - timedelta(days=days) if days else None

    def wants(self, kind: str) -> bool:
        return self.type in ("", kind)


@dataclass(frozen=True)
class QueueItem:
    kind: str  # MENTOR_PROFILE or ORGANISATION
    record: MentorProfile | Organisation
    submitted_at: datetime

    @property
    def is_revision(self) -> bool:
        return self.kind == MENTOR_PROFILE and self.record.revision_of_id is not None


@dataclass(frozen=True)
class QueueCounts:
    mentor_profiles: int
    organisations: int

    @property
    def total(self) -> int:
        return self.mentor_profiles + self.organisations


# When a submission started waiting: a profile since it was submitted, an organisation since it was proposed.
_PROFILE_SINCE = func.coalesce(MentorProfile.submitted_at, MentorProfile.created_at)
_ORGANISATION_SINCE = Organisation.created_at


def _pending_profiles(before: datetime | None):
    query = select(MentorProfile).where(MentorProfile.status == ProfileStatus.PENDING)
    return query.where(_PROFILE_SINCE <= before) if before else query


def _proposed_organisations(before: datetime | None):
    query = select(Organisation).where(Organisation.status == OrganisationStatus.PROPOSED)
    return query.where(_ORGANISATION_SINCE <= before) if before else query


def _count(query) -> int:
    return db.session.scalar(select(func.count()).select_from(query.subquery())) or 0


def queue_counts(filters: QueueFilters = QueueFilters()) -> QueueCounts:
    """How many of each type wait, under the age filter (the type filter chooses what is listed, not counted)."""
    before = filters.submitted_before
    return QueueCounts(
        mentor_profiles=_count(_pending_profiles(before)),
        organisations=_count(_proposed_organisations(before)),
    )


def queue_items(filters: QueueFilters) -> list[QueueItem]:
    """The submissions the filters choose, oldest first."""
    before = filters.submitted_before
    items = []
    if filters.wants(MENTOR_PROFILE):
        rows = db.session.execute(_pending_profiles(before).add_columns(_PROFILE_SINCE))
        items += [QueueItem(MENTOR_PROFILE, profile, since) for profile, since in rows]
    if filters.wants(ORGANISATION):
        items += [
            QueueItem(ORGANISATION, organisation, organisation.created_at)
            for organisation in db.session.scalars(_proposed_organisations(before))
        ]
    return sorted(items, key=lambda item: (item.submitted_at, item.kind, item.record.id))


def proposers(items: list[QueueItem]) -> dict[int, User]:
    """user id → the person who proposed an organisation in ``items``, in one query."""
    ids = {item.record.proposed_by_id for item in items if item.kind == ORGANISATION and item.record.proposed_by_id}
    return {user.id: user for user in db.session.scalars(select(User).where(User.id.in_(ids)))} if ids else {}


def waiting_count() -> int:
    """How many submissions wait for a decision (the number in the navigation): the whole unfiltered queue."""
    return queue_counts().total
