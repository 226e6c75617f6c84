"""attach / attachments_of / copy_attachments / detach, and the stored files following the transaction."""
import pytest
from sqlalchemy import event, func, select

from mentorbank.attachments import (
    MAX_ATTACHMENTS_PER_OWNER, Attachment, UploadRefused, attach, attach_all, attachments_of, copy_attachments,
    detach,
)
from mentorbank.attachments.storage import path_of
from mentorbank.extensions import db

from . import files
from .conftest import NOTE, PUBLIC_NOTE, stored_files, upload


def rows() -> int:
    return db.session.scalar(select(func.count(Attachment.id)))


def test_an_attached_file_is_stored_under_a_random_name_outside_static(app, russian, participant, upload_dir):
    attachment = attach(NOTE, PUBLIC_NOTE, upload("Положение.pdf", files.MINIMAL_PDF), participant)
    db.session.commit()
    stored = path_of(attachment.storage_key)
    assert stored.read_bytes() == files.MINIMAL_PDF
    assert stored.parent.parent == upload_dir and stored.parent.name == attachment.storage_key[:2]
    assert "Положение" not in str(stored) and "static" not in str(stored.relative_to(upload_dir))
    assert (attachment.original_name, attachment.media_type, attachment.size, attachment.uploaded_by_id) == (
        "Положение.pdf", "application/pdf", len(files.MINIMAL_PDF), participant.id)
    assert stored_files(upload_dir) == [stored]  # no temporary file left beside it
    assert attachments_of(NOTE, PUBLIC_NOTE) == [attachment]


@pytest.mark.parametrize("name, content", [
    ("Положение.pdf", files.ELF_EXECUTABLE),
    ("фото.png", files.HTML_PAGE),
    ("../../bomb.docx", files.zip_bomb()),
    ("\x00\u202eотчёт.exe", files.PE_EXECUTABLE),
])
def test_a_refused_upload_stores_nothing(russian, participant, upload_dir, name, content):
    before = rows()
    with pytest.raises(UploadRefused):
        attach(NOTE, PUBLIC_NOTE, upload(name, content), participant)
    assert rows() == before
    assert stored_files(upload_dir) == []


def test_the_eleventh_attachment_is_refused(russian, participant, upload_dir):
    attach_all(NOTE, PUBLIC_NOTE, [upload(f"{n}.png", files.png()) for n in range(MAX_ATTACHMENTS_PER_OWNER)],
               participant)
    db.session.commit()
    with pytest.raises(UploadRefused, match="не больше 10 файлов"):
        attach(NOTE, PUBLIC_NOTE, upload("11.png", files.png()), participant)
    with pytest.raises(UploadRefused):
        attach_all(NOTE, PUBLIC_NOTE + 1, [upload(f"{n}.png", files.png()) for n in range(11)], participant)
    assert len(attachments_of(NOTE, PUBLIC_NOTE)) == 10 and attachments_of(NOTE, PUBLIC_NOTE + 1) == []
    assert len(stored_files(upload_dir)) == 10


def test_a_rolled_back_transaction_takes_its_files_with_it(russian, participant, upload_dir):
    attach(NOTE, PUBLIC_NOTE, upload("a.pdf", files.MINIMAL_PDF), participant)
    assert len(stored_files(upload_dir)) == 1
    db.session.rollback()
    assert stored_files(upload_dir) == []


def test_a_failed_commit_deletes_the_file(app, russian, participant, upload_dir):
    attachment = attach(NOTE, PUBLIC_NOTE, upload("a.pdf", files.MINIMAL_PDF), participant)

    def refuse(_session):
        raise RuntimeError("the database refused the commit")

    session = db.session()
    event.listen(session, "before_commit", refuse)
    try:
        with pytest.raises(RuntimeError):
            db.session.commit()
    finally:
        event.remove(session, "before_commit", refuse)
    db.session.rollback()
    assert stored_files(upload_dir) == []
    assert db.session.get(Attachment, attachment.id) is None


def test_an_unregistered_kind_cannot_have_attachments(russian, participant):
    with pytest.raises(ValueError):
        attach("no_such_kind", 1, upload("a.pdf", files.MINIMAL_PDF), participant)


def test_copies_share_the_file_which_goes_with_the_last_row(russian, participant, upload_dir):
    original = attach(NOTE, PUBLIC_NOTE, upload("Отчёт.odt", files.odf("text")), participant)
    db.session.commit()
    [copy] = copy_attachments(NOTE, PUBLIC_NOTE, NOTE, 42)
    db.session.commit()
    assert (copy.owner_id, copy.original_name, copy.storage_key) == (42, "Отчёт.odt", original.storage_key)
    assert copy.id != original.id

    detach(original)
    db.session.commit()
    assert path_of(copy.storage_key).exists()  # the copy still needs it
    detach(copy)
    db.session.rollback()
    assert path_of(copy.storage_key).exists()  # not committed: the row and the file stay
    detach(copy)
    db.session.commit()
    assert not path_of(copy.storage_key).exists()
    assert stored_files(upload_dir) == []
