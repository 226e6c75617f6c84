"""GET /files/<id>/<name>: only for whoever may see the owner, with the detected type, the original name and
headers that keep the browser from running the file."""
from urllib.parse import quote

import pytest

from mentorbank.attachments import attach, url_for_attachment
from mentorbank.extensions import db

from . import files
from .conftest import HIDDEN_NOTE, NOTE, PRIVATE_NOTE, PUBLIC_NOTE, upload


def fetch(client, url):
    """GET and read the whole response, closing the served file (as a WSGI server does)."""
    response = client.get(url)
    response.get_data()
    response.close()
    return response


@pytest.fixture
def stored(russian, participant):
    """Attach ``content`` as ``name`` to a note and commit; returns the attachment's URL."""

    def stored(name, content, owner_id=PUBLIC_NOTE, kind=NOTE):
        attachment = attach(kind, owner_id, upload(name, content, content_type="text/html"), participant)
        db.session.commit()
        return url_for_attachment(attachment)

    return stored


def test_a_document_is_downloaded_under_its_cyrillic_name_with_its_detected_type(client, stored):
    docx = files.ALLOWED_FILES["План.docx"]
    url = stored("Положение о наставничестве.docx", docx)
    assert url.endswith("/" + quote("Положение о наставничестве.docx"))
    response = fetch(client, url)
    assert response.status_code == 200
    assert response.data == docx
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''" + quote("Положение о наставничестве.docx") in disposition
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert response.cache_control.public and response.cache_control.max_age == 3600


def test_an_image_may_be_shown_inline_and_the_upload_s_claimed_type_is_ignored(client, stored):
    response = fetch(client, stored("Схема.png", files.png()))  # uploaded as text/html
    assert response.mimetype == "image/png"
    assert response.headers["Content-Disposition"].startswith("inline;")


def test_a_public_file_stays_cacheable_for_a_logged_in_visitor(client, stored, log_in, participant):
    url = stored("План.pdf", files.MINIMAL_PDF)
    log_in(participant)
    response = fetch(client, url)
    assert response.cache_control.public and not response.cache_control.no_store


def test_a_private_owner_s_file_is_private_and_never_cached(client, stored, log_in, participant):
    url = stored("План.pdf", files.MINIMAL_PDF, owner_id=PRIVATE_NOTE)
    assert fetch(client, url).status_code == 404  # a visitor may not see the note
    log_in(participant)
    response = fetch(client, url)
    assert response.status_code == 200
    assert response.cache_control.private and response.cache_control.no_store
    assert not response.cache_control.public


def test_a_hidden_owner_s_file_is_not_found(client, stored, log_in, participant):
    url = stored("План.pdf", files.MINIMAL_PDF, owner_id=HIDDEN_NOTE)
    log_in(participant)
    assert fetch(client, url).status_code == 404


def test_a_file_of_a_kind_no_longer_registered_is_not_found(client, stored, note_kind):
    from mentorbank.attachments import service

    url = stored("План.pdf", files.MINIMAL_PDF)
    service._OWNERS.pop(NOTE)
    assert fetch(client, url).status_code == 404


def test_an_unknown_attachment_is_not_found(client):
    assert client.get("/files/999999/x.pdf").status_code == 404
    assert client.get("/files/99999999999999/x.pdf").status_code == 404


def test_another_name_in_the_address_redirects_to_the_real_one(client, stored):
    url = stored("План.pdf", files.MINIMAL_PDF)
    attachment_id = url.split("/")[2]
    response = client.get(f"/files/{attachment_id}/..%2F..%2Fetc%2Fpasswd")
    assert response.status_code == 308 and response.location.endswith(url)


def test_a_request_over_the_limit_gets_a_russian_page_saying_the_limits(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    try:
        response = client.post("/locale/ru", data={"file": (__import__("io").BytesIO(b"x" * 4096), "a.pdf")},
                               content_type="multipart/form-data")
    finally:
        app.config["MAX_CONTENT_LENGTH"] = 50 * 1024 * 1024
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "Файл слишком большой" in page
    assert "вместе могут весить не больше 1 КБ, а каждый — не больше 20 МБ" in page
