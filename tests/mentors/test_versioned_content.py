"""Versioned content as a declared pattern: core/content.py (one declaration → copy, diff, labels, form values)
and core/versioning.py (a record with published and pending version rows), proved on a type that exists only
in this test, and on the mentor profile's declaration."""
import pytest
from flask_babel import lazy_gettext as _l
from sqlalchemy import MetaData, String, func, inspect, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mentorbank.core.content import ContentField, ContentType
from mentorbank.core.versioning import (
    VersionedRecordMixin, VersionMixin, discard_pending, publish_pending, published, start_pending_version,
)
from mentorbank.extensions import db
from mentorbank.mentors.content import MENTOR_PROFILE_CONTENT
from mentorbank.mentors.models import MentorProfile
from mentorbank.mentors.revisions import copy_content


class NoteBase(DeclarativeBase):
    metadata = MetaData()  # not the app's: these tables exist only inside the test's transaction


class Note(VersionedRecordMixin, NoteBase):
    __tablename__ = "test_note"
    __version_model__ = "NoteVersion"
    __version_table__ = "test_note_version"

    slug: Mapped[str] = mapped_column(String(40))


class NoteVersion(VersionMixin, NoteBase):
    __tablename__ = "test_note_version"
    __record_table__ = "test_note"

    title: Mapped[str | None] = mapped_column(String(200))
    body: Mapped[str | None] = mapped_column(String(2000))


NOTE_CONTENT = ContentType(fields=(ContentField("title", _l("Title")), ContentField("body", _l("Text"), long_text=True)))


@pytest.fixture
def notes(app_context):
    NoteBase.metadata.create_all(db.session.connection())  # rolled back with the test's transaction
    yield
    db.session.rollback()


def public_titles() -> list[str]:
    return db.session.scalars(
        select(NoteVersion.title).join(Note, Note.published_version_id == NoteVersion.id)
        .where(Note.id.in_(published(Note).with_only_columns(Note.id)))
    ).all()


def test_the_published_version_stays_public_while_an_edit_waits(notes):
    note = Note(slug="first")
    db.session.add(note)
    db.session.flush()
    draft = start_pending_version(db.session, note, NoteVersion, NOTE_CONTENT)
    draft.title, draft.body = "Первая версия", "Текст."
    assert public_titles() == [] and not note.is_public  # nothing published yet

    publish_pending(note)
    db.session.flush()
    assert public_titles() == ["Первая версия"] and note.pending_version is None

    edit = start_pending_version(db.session, note, NoteVersion, NOTE_CONTENT)
    assert (edit.title, edit.body) == ("Первая версия", "Текст.") and edit.id != note.published_version_id
    assert start_pending_version(db.session, note, NoteVersion, NOTE_CONTENT) is edit  # one pending at a time
    edit.title = "Вторая версия"
    db.session.flush()
    assert public_titles() == ["Первая версия"]  # the edit waits; the public sees the published version
    assert NOTE_CONTENT.changes(note.published_version, edit) == {"title": ("Первая версия", "Вторая версия")}

    publish_pending(note)
    db.session.flush()
    assert public_titles() == ["Вторая версия"]
    assert db.session.scalar(select(func.count()).select_from(NoteVersion)) == 2  # the first is history


def test_discarding_an_edit_leaves_the_published_version(notes):
    note = Note(slug="second")
    db.session.add(note)
    db.session.flush()
    start_pending_version(db.session, note, NoteVersion, NOTE_CONTENT).title = "Опубликовано"
    publish_pending(note)
    start_pending_version(db.session, note, NoteVersion, NOTE_CONTENT).title = "Черновик"
    discard_pending(db.session, note)
    db.session.flush()
    assert public_titles() == ["Опубликовано"] and note.pending_version is None
    assert db.session.scalar(select(func.count()).select_from(NoteVersion)) == 1
    with pytest.raises(ValueError):
        publish_pending(note)


def test_labels_and_form_values_come_from_the_declaration(app, notes):
    with app.test_request_context():
        assert NOTE_CONTENT.label("body") == "Text" and NOTE_CONTENT.is_long_text("body")
        assert not NOTE_CONTENT.is_long_text("title")
    version = NoteVersion(title="Заголовок", body="Текст")
    assert NOTE_CONTENT.form_values(version) == {"title": "Заголовок", "body": "Текст"}


# Columns of mentor_profile that are not content: identity, workflow, moderation and publication.
NOT_CONTENT = {"id", "user_id", "status", "status_reason", "submitted_at", "decided_at", "decided_by_id",
               "revision_of_id", "published_at", "last_active_at", "created_at", "updated_at",
               # kept by mentoring: places taken in active mentorships, and a pause for silence
               "active_mentees", "silent_since"}


def test_every_mentor_profile_column_is_declared_content_or_known_not_to_be():
    columns = {column.key for column in inspect(MentorProfile).columns}
    assert columns - NOT_CONTENT == set(MENTOR_PROFILE_CONTENT.field_names)


def test_a_revision_copy_carries_every_declared_field_and_the_terms(make):
    source = make.mentor(subjects="физика", achievements="Призёры олимпиад.", phone="+7 900 000-00-00",
                         terms={"mode": ["remote"], "direction": ["methodical"]})
    target = MentorProfile(user_id=source.user_id)
    copy_content(source, target)
    assert all(getattr(target, name) == getattr(source, name) for name in MENTOR_PROFILE_CONTENT.field_names)
    assert set(target.terms) == set(source.terms)
    assert MENTOR_PROFILE_CONTENT.changes(source, target) == {}
    values = MENTOR_PROFILE_CONTENT.form_values(source)
    assert values["subjects"] == "физика" and values["modes"] == [term.id for term in source.terms_in(
        make.term("mode", "remote").vocabulary)]
