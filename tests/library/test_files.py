"""A library item can be a file: attached through the attachments area (checked by content), listed with the
item, served to everyone while the item is published and only to moderators once it is withdrawn."""
import io
import re

from sqlalchemy import func, select

from mentorbank.attachments import Attachment
from mentorbank.extensions import db
from mentorbank.library.models import LibraryItem

from ..attachments.files import MINIMAL_PDF, PE_EXECUTABLE
from ..conftest import token_of
from .conftest import item_form

FILE_NAME = "Памятка куратора.pdf"


def send(client, path: str, *uploads, **fields):
    data = {"csrf_token": token_of(client, path), **item_form(**{"url": "", **fields}),
            "files": [(io.BytesIO(content), name) for name, content in uploads]}
    return client.post(path, data=data, content_type="multipart/form-data")


def only_item() -> LibraryItem:
    return db.session.scalar(select(LibraryItem))


def file_link(html: str) -> str:
    return re.search(r'href="(/files/\d+/[^"]+)"', html).group(1)


def test_a_file_item_is_listed_served_and_found_by_the_file_name(client, log_in, moderator):
    log_in(moderator)
    response = send(client, "/library/new", (FILE_NAME, MINIMAL_PDF), title="Примерная форма")
    assert response.status_code == 303
    item = only_item()
    assert item.url is None
    page = client.get(f"/library/{item.id}").get_data(as_text=True)
    assert FILE_NAME in page and "PDF" in page
    served = client.get(file_link(page))
    body = served.data
    served.close()  # the response holds the stored file open
    assert served.status_code == 200 and body == MINIMAL_PDF
    assert served.headers["Content-Type"] == "application/pdf"
    assert FILE_NAME in client.get("/library?q=памятку").get_data(as_text=True)
    files = client.get(f"/api/v1/library/{item.id}").get_json()["files"]
    assert [(f["name"], f["media_type"], f["size"]) for f in files] == [(FILE_NAME, "application/pdf", len(MINIMAL_PDF))]
    assert files[0]["url"].startswith("http://localhost/files/")


def test_an_item_needs_a_link_or_a_file(client, log_in, moderator):
    log_in(moderator)
    response = send(client, "/library/new")
    assert response.status_code == 422
    assert "Give a link or attach a file." in response.get_data(as_text=True)
    assert only_item() is None


def test_an_executable_named_pdf_is_refused_and_nothing_is_stored(client, log_in, moderator):
    log_in(moderator)
    response = send(client, "/library/new", ("приказ.pdf", PE_EXECUTABLE))
    assert response.status_code == 422
    assert 'id="error-summary"' in response.get_data(as_text=True)
    assert only_item() is None and db.session.scalar(select(func.count(Attachment.id))) == 0


def test_a_withdrawn_items_file_is_only_the_moderators(app, client, log_in, moderator):
    log_in(moderator)
    send(client, "/library/new", (FILE_NAME, MINIMAL_PDF))
    item = only_item()
    link = file_link(client.get(f"/library/{item.id}").get_data(as_text=True))
    client.post(f"/library/{item.id}/unpublish", data={"csrf_token": token_of(client, "/library/manage")})
    moderators_copy = client.get(link)
    moderators_copy.close()
    assert moderators_copy.status_code == 200
    visitor = app.test_client()
    assert visitor.get(link).status_code == 404


def test_an_edit_removes_a_file_and_gives_a_link_instead(client, log_in, moderator):
    log_in(moderator)
    send(client, "/library/new", (FILE_NAME, MINIMAL_PDF))
    item = only_item()
    attachment = db.session.scalar(select(Attachment))
    # Removing the only file without giving a link would leave an empty item.
    refused = send(client, f"/library/{item.id}/edit", remove_files=str(attachment.id))
    assert refused.status_code == 422 and "Give a link or attach a file." in refused.get_data(as_text=True)
    response = send(client, f"/library/{item.id}/edit", remove_files=str(attachment.id),
                    url="https://apkpro.ru/pamyatka")
    assert response.status_code == 303
    db.session.refresh(item)
    assert item.url == "https://apkpro.ru/pamyatka"
    assert db.session.scalar(select(func.count(Attachment.id))) == 0
