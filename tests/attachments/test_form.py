"""AttachmentsField through real HTTP: a test-only page of a «note» with the field, as a domain would write it
(an app of its own, so the test blueprint is registered before any request)."""
import io
import re

import pytest
from flask import Blueprint, redirect, render_template_string, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import func, select

from mentorbank import create_app
from mentorbank.attachments import Attachment, AttachmentsField, attach_all, attachments_of
from mentorbank.extensions import db

from ..conftest import csrf_token_from, put_in_session
from . import files
from .conftest import NOTE, PUBLIC_NOTE, stored_files

PAGE = """{% from "_error_summary.html" import error_summary %}
{% from "attachments/_field.html" import attachments_field %}
<form method="post" enctype="multipart/form-data">
  {{ error_summary(form) }}{{ form.csrf_token }}{{ attachments_field(form.attachments, existing) }}
</form>
{% with attachments = existing %}{% include "attachments/_list.html" %}{% endwith %}"""


class NoteFilesForm(FlaskForm):
    attachments = AttachmentsField(_l("Files"))


notes = Blueprint("test_notes", __name__)


@notes.route("/test-notes/<int:note_id>/files", methods=["GET", "POST"])
def note_files(note_id):
    form = NoteFilesForm()
    form.attachments.existing_count = len(attachments_of(NOTE, note_id))
    if form.validate_on_submit():
        attach_all(NOTE, note_id, form.attachments.uploads, current_user)
        db.session.commit()
        return redirect(url_for(".note_files", note_id=note_id), 303)
    page = render_template_string(PAGE, form=form, existing=attachments_of(NOTE, note_id))
    return page, 422 if form.errors else 200


@pytest.fixture(scope="module")
def notes_app(app):
    keys = ("TESTING", "ENV_NAME", "SECRET_KEY", "SQLALCHEMY_DATABASE_URI", "SEARCH_INDEX_DIR", "SERVER_NAME",
            "PUBLIC_URL")
    notes_app = create_app({key: app.config[key] for key in keys})
    notes_app.register_blueprint(notes)
    return notes_app


@pytest.fixture
def notes_client(notes_app, app, participant):
    notes_app.config["UPLOAD_DIR"] = app.config["UPLOAD_DIR"]
    client = notes_app.test_client()
    put_in_session(client, participant)
    return client


URL = f"/test-notes/{PUBLIC_NOTE}/files"


def send(client, *uploads):
    token = csrf_token_from(client.get(URL).get_data(as_text=True))
    data = {"csrf_token": token, "attachments": [(io.BytesIO(content), name) for name, content in uploads]}
    return client.post(URL, data=data, content_type="multipart/form-data")


def rows() -> int:
    return db.session.scalar(select(func.count(Attachment.id)))


def test_the_field_lists_the_kinds_and_limits_in_russian(notes_client):
    page = notes_client.get(URL).get_data(as_text=True)
    field = re.search(r"<input[^>]*type=\"file\"[^>]*>", page).group(0)
    assert "multiple" in field
    accept = re.search(r'accept="([^"]+)"', field).group(1).split(",")
    assert {".pdf", ".docx", ".odp", ".jpg", ".png", "application/pdf"} <= set(accept)
    assert ".html" not in accept and ".exe" not in accept
    assert "PDF, DOC, DOCX, PPT, PPTX, XLS, XLSX, ODT, ODS, ODP, JPG, PNG; каждый файл — до 20 МБ, " \
           "всего не больше 10 файлов." in page


def test_files_sent_through_the_form_are_attached_and_listed(notes_client, upload_dir):
    response = send(notes_client, ("Положение.pdf", files.MINIMAL_PDF), ("Схема.png", files.png()))
    assert response.status_code == 303
    assert [a.original_name for a in attachments_of(NOTE, PUBLIC_NOTE)] == ["Положение.pdf", "Схема.png"]
    assert len(stored_files(upload_dir)) == 2
    page = notes_client.get(URL).get_data(as_text=True)
    assert "Прикреплённые файлы" in page and "Положение.pdf" in page and f"(PDF, {len(files.MINIMAL_PDF)} Б)" in page


def test_a_form_without_a_file_attaches_nothing(notes_client, upload_dir):
    assert send(notes_client).status_code == 303
    assert attachments_of(NOTE, PUBLIC_NOTE) == [] and stored_files(upload_dir) == []


def test_every_refused_file_is_named_in_the_error_summary_and_nothing_is_stored(notes_client, upload_dir):
    before = rows()
    response = send(
        notes_client,
        ("Положение.pdf", files.MINIMAL_PDF),  # a good one: not kept either, the form is refused as a whole
        ("Программа.pdf", files.ELF_EXECUTABLE),
        ("фото.png", files.HTML_PAGE),
        ("../../../etc/cron.d/план\x07.docx", files.zip_bomb()),
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    summary = re.search(r'<div class="error-summary".*?</div>', page, re.S).group(0)
    assert "«Программа.pdf» — это не PDF, хотя так названо" in summary
    assert "«фото.png» — это не PNG, хотя так названо" in summary
    assert "«план.docx» распаковывается во много раз больше своего размера" in summary
    assert "Положение.pdf" not in summary
    assert rows() == before and stored_files(upload_dir) == []


def test_the_eleventh_file_is_refused(notes_client, upload_dir):
    assert send(notes_client, *[(f"{n}.png", files.png()) for n in range(10)]).status_code == 303
    response = send(notes_client, ("11.png", files.png()))
    assert response.status_code == 422
    assert "Можно прикрепить не больше 10 файлов; уже прикреплено: 10." in response.get_data(as_text=True)
    assert len(attachments_of(NOTE, PUBLIC_NOTE)) == 10 and len(stored_files(upload_dir)) == 10


def test_a_file_over_the_limit_is_refused_with_nothing_stored(notes_app, notes_client, upload_dir):
    notes_app.config["UPLOAD_MAX_FILE_SIZE"] = 1024
    try:
        response = send(notes_client, ("Большой.pdf", files.MINIMAL_PDF + b" " * 2000))
    finally:
        notes_app.config["UPLOAD_MAX_FILE_SIZE"] = 20 * 1024 * 1024
    assert response.status_code == 422
    assert "«Большой.pdf» больше 1 КБ" in response.get_data(as_text=True)
    assert rows() == 0 and stored_files(upload_dir) == []


def test_a_hostile_name_comes_back_escaped(notes_client):
    from ..conftest import XSS

    # The name is quoted in the refusal: flask-babel's lazy strings would print it unescaped (their __html__).
    response = send(notes_client, ("<img src=x onerror=alert(1)>.pdf", files.HTML_PAGE), (XSS + ".png", b"x"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "<img src=x" not in page and "<script>" not in page
    assert "«&lt;img src=x onerror=alert(1)&gt;.pdf» — это не PDF" in page


def test_an_upload_folder_under_static_stops_the_start(app, tmp_path):
    with pytest.raises(RuntimeError, match="UPLOAD_DIR"):
        create_app({"TESTING": True, "ENV_NAME": "testing", "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://",
                    "SEARCH_INDEX_DIR": str(tmp_path), "UPLOAD_DIR": app.static_folder + "/uploads"})
