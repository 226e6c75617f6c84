"""The record + version-row pattern for NEW versioned types (best practices first).

A record (e.g. ``practice``) holds what does not change between versions and two pointers: the published
version, which stays public while an edit waits for moderation, and the pending one, the author's draft or
submission. Each version row carries the content (declared once with core/content.py) and the workflow
status. Public queries join the published version: they never need a "not a revision" filter.

Use: ``class Practice(VersionedRecordMixin, db.Model)`` with ``__version_model__ = "PracticeVersion"`` and
``class PracticeVersion(VersionMixin, db.Model)`` with ``__record_table__ = "practice"``.
"""
from sqlalchemy import ForeignKey, select
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from .content import ContentType


class VersionMixin:
    """One version of a record's content. ``__record_table__`` names the record's table."""

    __record_table__: str

    id: Mapped[int] = mapped_column(primary_key=True)

    @declared_attr
    def record_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey(f"{cls.__record_table__}.id", ondelete="CASCADE"), index=True)


class VersionedRecordMixin:
    """A record with ``published_version`` (public) and ``pending_version`` (in the author's hands or the
    moderators' queue). ``__version_model__`` names the version class, ``__version_table__`` its table."""

    __version_model__: str
    __version_table__: str

    id: Mapped[int] = mapped_column(primary_key=True)

    @declared_attr
    def published_version_id(cls) -> Mapped[int | None]:
        # use_alter: the version table points back at the record, so one of the two keys comes second.
        return mapped_column(ForeignKey(f"{cls.__version_table__}.id", use_alter=True, ondelete="SET NULL"))

    @declared_attr
    def pending_version_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey(f"{cls.__version_table__}.id", use_alter=True, ondelete="SET NULL"))

    @declared_attr
    def published_version(cls):
        return relationship(cls.__version_model__, foreign_keys=[cls.published_version_id], post_update=True)

    @declared_attr
    def pending_version(cls):
        return relationship(cls.__version_model__, foreign_keys=[cls.pending_version_id], post_update=True)

    @property
    def is_public(self) -> bool:
        return self.published_version_id is not None


def published(record_model):
    """The public rule's start for a versioned type: records that have a published version."""
    return select(record_model).where(record_model.published_version_id.is_not(None))


def start_pending_version(session, record, version_model, content: ContentType):
    """The pending version, started as a copy of the published one (or empty for a new record) if there is
    none: the published version is never edited in place."""
    if record.pending_version is not None:
        return record.pending_version
    version = version_model(record_id=record.id)
    if record.published_version is not None:
        content.copy(record.published_version, version)
    session.add(version)
    record.pending_version = version
    session.flush()
    return version


def publish_pending(record) -> None:
    """The pending version becomes the public one (an approval's hook calls this); the old one stays as
    history."""
    if record.pending_version is None:
        raise ValueError("nothing to publish")
    record.published_version, record.pending_version = record.pending_version, None


def discard_pending(session, record) -> None:
    """Drop the author's unpublished version (withdrawing an edit): the published one stays as it is."""
    version, record.pending_version = record.pending_version, None
    if version is not None:
        session.flush()
        session.delete(version)
