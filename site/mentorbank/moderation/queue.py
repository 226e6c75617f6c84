"""What waits for a moderator: every registered kind's pending records (registry.py), oldest first, in ONE SQL
query (UNION ALL of the kinds' pending selects) ordered and paged in SQL. The navigation badge counts the same
set through ``waiting_count``."""
from dataclasses import dataclass
from datetime import datetime, timedelta
from math import ceil
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, union_all
from werkzeug.datastructures import MultiDict

from ..core.models import utcnow
from ..core.pagination import Page
from ..extensions import db
from .registry import ModeratedKind, kind_named, kinds

# age option → minimum days waited (None: any age)
AGE_DAYS = {"": None, "older_than_1_day": 1, "older_than_3_days": 3, "older_than_7_days": 7}
AGE_OPTIONS = (
    ("", _l("Any age")),
    ("older_than_1_day", _l("Waiting more than a day")),
    ("older_than_3_days", _l("Waiting more than 3 days")),
    ("older_than_7_days", _l("Waiting more than a week")),
)


def type_options() -> list[tuple[str, Any]]:
    return [("", _l("Everything"))] + [(kind.name, kind.label) for kind in kinds()]


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
            type=chosen_type if kind_named(chosen_type) is not None else "",
            age=chosen_age if chosen_age in AGE_DAYS else "",
        )

    @property
    def submitted_before(self) -> datetime | None:
        days = AGE_DAYS[self.age]
        return utcnow() - timedelta(days=days) if days else None


@dataclass(frozen=True)
class QueueItem:
    kind: ModeratedKind
    id: int
    submitted_at: datetime
    title: str
    record: Any  # what the kind's ``load`` gave for this id (the record, perhaps with what its row shows)


@dataclass(frozen=True)
class KindCount:
    kind: ModeratedKind
    count: int

    @property
    def text(self) -> str:
        return self.kind.count_text(self.count)


@dataclass(frozen=True)
class QueueCounts:
    by_kind: list[KindCount]

    @property
    def total(self) -> int:
        return sum(entry.count for entry in self.by_kind)


def _waiting(before: datetime | None):
    """Every kind's pending records as one subquery (kind, id, submitted_at, title), under the age filter."""
    selects = [kind.pending() for kind in kinds()]
    waiting = union_all(*selects).subquery("waiting") if len(selects) > 1 else selects[0].subquery("waiting")
    query = select(waiting)
    return (query.where(waiting.c.submitted_at <= before) if before else query), waiting


def queue_counts(filters: QueueFilters = QueueFilters()) -> QueueCounts:
    """How many of each kind wait, under the age filter (the type filter chooses what is listed, not counted),
    in one query."""
    query, waiting = _waiting(filters.submitted_before)
    counted = query.subquery("counted")
    found = dict(db.session.execute(select(counted.c.kind, func.count()).group_by(counted.c.kind)).all())
    return QueueCounts([KindCount(kind, found.get(kind.name, 0)) for kind in kinds()])


def queue_page(filters: QueueFilters, page: int, per_page: int, total: int) -> Page:
    """One page of what the filters choose, oldest first; ``total`` is the count of that set (from the counts,
    so it is not counted twice)."""
    query, waiting = _waiting(filters.submitted_before)
    if filters.type:
        query = query.where(waiting.c.kind == filters.type)
    page = min(page, max(1, ceil(total / per_page)))
    rows = db.session.execute(
        query.order_by(waiting.c.submitted_at, waiting.c.kind, waiting.c.id).limit(per_page).offset((page - 1) * per_page)
    ).all()
    loaded = {}
    for kind in kinds():
        ids = [row.id for row in rows if row.kind == kind.name]
        loaded[kind.name] = kind.load(ids) if ids else {}
    items = [QueueItem(kind_named(row.kind), row.id, row.submitted_at, row.title, loaded[row.kind].get(row.id))
             for row in rows]
    return Page(items=[item for item in items if item.record is not None], page=page, per_page=per_page, total=total)


def waiting_count() -> int:
    """How many submissions wait for a decision (the number in the navigation): the whole unfiltered queue."""
    if not kinds():
        return 0
    query, _waiting_subquery = _waiting(None)
    return db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
