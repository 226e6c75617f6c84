"""One registry of record types: where a record (a model instance, or a kind and an id) is shown.

Each domain registers its types (``<area>/registrations.py``); the audit log, the API, notifications and
search ask here instead of keeping their own maps. A kind is the model's table name ("mentor_profile", as the
audit log and notifications store it); ``aliases`` name the same type elsewhere (the search type "mentor").
Every endpoint named here must exist: ``tests/test_endpoints.py`` builds each one.
"""
from collections.abc import Iterable
from dataclasses import dataclass, field

from flask import url_for
from sqlalchemy import select

from ..extensions import db


@dataclass(frozen=True)
class Page:
    endpoint: str
    argument: str | None = None  # the name of the record's id in the URL rule; None for a page of no one record

    def url(self, record_id: int, external: bool = False) -> str:
        values = {self.argument: record_id} if self.argument else {}
        return url_for(self.endpoint, _external=external, **values)


@dataclass(frozen=True)
class RecordType:
    kind: str
    model: type
    title_attribute: str
    public: Page | None = None  # what a visitor sees (only for public records)
    moderator: Page | None = None  # where a moderator or an admin opens it
    owner: Page | None = None  # where its author follows it ("my submissions")
    aliases: tuple[str, ...] = field(default=())

    def title(self, record) -> str | None:
        return getattr(record, self.title_attribute)


_TYPES: dict[str, RecordType] = {}
_ALIASES: dict[str, str] = {}


def register(record_type: RecordType) -> None:
    _TYPES[record_type.kind] = record_type
    for alias in record_type.aliases:
        _ALIASES[alias] = record_type.kind


def registered() -> list[RecordType]:
    return list(_TYPES.values())


def record_type(kind_or_record) -> RecordType | None:
    """The type of a kind ("mentor_profile"), an alias ("mentor") or a model instance; None if unregistered."""
    if not isinstance(kind_or_record, str):
        kind_or_record = type(kind_or_record).__tablename__
    return _TYPES.get(_ALIASES.get(kind_or_record, kind_or_record))


def _page_url(which: str, kind_or_record, record_id: int | None, external: bool) -> str | None:
    found = record_type(kind_or_record)
    page = getattr(found, which) if found else None
    if page is None:
        return None
    return page.url(record_id if record_id is not None else kind_or_record.id, external)


def public_url(kind_or_record, record_id: int | None = None, *, external: bool = False) -> str | None:
    return _page_url("public", kind_or_record, record_id, external)


def moderator_url(kind_or_record, record_id: int | None = None, *, external: bool = False) -> str | None:
    return _page_url("moderator", kind_or_record, record_id, external)


def owner_url(kind_or_record, record_id: int | None = None, *, external: bool = False) -> str | None:
    return _page_url("owner", kind_or_record, record_id, external)


def load(kind: str, ids: Iterable[int]) -> dict[int, object]:
    """id → record of one registered kind, in one query; ids of records that are gone are absent."""
    found = record_type(kind)
    ids = set(ids)
    if found is None or not ids:
        return {}
    model = found.model
    return {record.id: record for record in db.session.scalars(select(model).where(model.id.in_(ids)))}
