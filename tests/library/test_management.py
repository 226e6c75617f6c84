"""Moderators add, edit, withdraw and republish library items; nobody else can, and every change is audited."""
import pytest
from sqlalchemy import select

from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.library.models import LibraryItem

from ..conftest import ESCAPED_XSS, XSS, post_form, token_of
from .conftest import item_form


def stored_titles() -> list[str]:
    return list(db.session.scalars(select(LibraryItem.title).order_by(LibraryItem.id)))


def audit_actions(item) -> list[str]:
    return list(db.session.scalars(select(AuditEntry.action).where(
        AuditEntry.target_type == "library_item", AuditEntry.target_id == item.id).order_by(AuditEntry.id)))


@pytest.mark.parametrize("url", ["/library/new", "/library/manage"])
def test_a_visitor_is_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login?next=")


def test_a_participant_can_neither_open_nor_post_the_forms(client, log_in, participant, shelf):
    log_in(participant)
    assert client.get("/library/new").status_code == 403
    assert client.get("/library/manage").status_code == 403
    token = token_of(client, "/library")
    assert client.post("/library/new", data={"csrf_token": token, **item_form()}).status_code == 403
    item = shelf["law"]
    edited = client.post(f"/library/{item.id}/edit", data={"csrf_token": token, **item_form(title="Взлом")})
    assert edited.status_code == 403
    assert client.post(f"/library/{item.id}/unpublish", data={"csrf_token": token}).status_code == 403
    db.session.refresh(item)
    assert item.title.startswith("Федеральный закон") and item.is_published


def test_a_moderator_adds_a_link_that_shows_its_host(client, log_in, moderator):
    log_in(moderator)
    response = post_form(client, "/library/new", item_form(url="https://www.apkpro.ru/polozhenie?x=1&y=2"))
    assert response.status_code == 303
    item = db.session.scalar(select(LibraryItem).where(LibraryItem.title.startswith("Положение")))
    assert response.headers["Location"] == f"/library/{item.id}"
    assert item.created_by_id == moderator.id and item.is_published and item.published_at is not None
    assert audit_actions(item) == ["library_item.create"]
    page = client.get(f"/library/{item.id}").get_data(as_text=True)
    assert "Open on apkpro.ru" in page
    assert 'href="https://www.apkpro.ru/polozhenie?x=1&amp;y=2"' in page
    listed = client.get("/library").get_data(as_text=True)
    assert "Положение о наставничестве: примерная форма" in listed


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", " JavaScript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>",
    "//evil.example/x", "/library", "ftp://files.example.org/doc.pdf", "https://", "https://exa mple.org/",
])
def test_a_link_that_is_not_a_web_address_is_refused(client, log_in, moderator, url):
    log_in(moderator)
    response = post_form(client, "/library/new", item_form(url=url))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="error-summary"' in page and "http:// or https://" in page
    assert stored_titles() == []


def test_the_form_refuses_what_is_missing_and_a_date_outside_the_year(client, log_in, moderator):
    log_in(moderator)
    response = post_form(client, "/library/new", item_form(title="", year="2021", issued_on="2020-05-01"))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'href="#title"' in page and "The date must fall in the year given." in page
    assert stored_titles() == []


def test_a_form_without_the_csrf_token_is_refused(client, log_in, moderator, shelf):
    log_in(moderator)
    assert client.post("/library/new", data=item_form()).status_code == 400
    item = shelf["law"]
    assert client.post(f"/library/{item.id}/unpublish").status_code == 400
    assert client.post(f"/library/{item.id}/edit", data=item_form(title="Без токена")).status_code == 400
    db.session.refresh(item)
    assert item.is_published and item.title.startswith("Федеральный закон")
    assert "Положение о наставничестве: примерная форма" not in stored_titles()


def test_an_edit_is_saved_and_audited_with_what_changed(client, log_in, moderator, shelf):
    log_in(moderator)
    item = shelf["programme"]
    form_page = client.get(f"/library/{item.id}/edit").get_data(as_text=True)
    assert 'value="Персонализированная программа: конструктор"' in form_page
    response = post_form(client, f"/library/{item.id}/edit",
                         item_form(title="Программа наставничества: конструктор", rubric=str(item.rubric_id),
                                   url=item.url, description=item.description, source="", year="2023"))
    assert response.status_code == 303
    db.session.refresh(item)
    assert item.title == "Программа наставничества: конструктор" and item.updated_by_id == moderator.id
    assert audit_actions(item) == ["library_item.create", "library_item.update"]
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "library_item.update"))
    assert entry.details == {"changed": ["title"]}


def test_a_withdrawn_item_leaves_the_library_and_comes_back(client, log_in, moderator, shelf):
    item = shelf["webinar"]
    log_in(moderator)
    assert post_form(client, f"/library/{item.id}/unpublish", page_url="/library/manage").status_code == 303
    assert client.get(f"/library/{item.id}").status_code == 404
    assert client.get(f"/api/v1/library/{item.id}").status_code == 404
    assert "реверсивном" not in client.get("/library?q=реверсивное").get_data(as_text=True)
    manage = client.get("/library/manage").get_data(as_text=True)
    assert "Вебинар о реверсивном наставничестве" in manage and "Withdrawn from the library" in manage
    assert post_form(client, f"/library/{item.id}/publish", page_url="/library/manage").status_code == 303
    assert client.get(f"/library/{item.id}").status_code == 200
    assert "Вебинар о реверсивном наставничестве" in client.get("/library?q=реверсивное").get_data(as_text=True)
    assert audit_actions(item) == ["library_item.create", "library_item.unpublish", "library_item.publish"]


def test_user_text_is_escaped_everywhere_it_is_shown(client, log_in, moderator):
    log_in(moderator)
    post_form(client, "/library/new", item_form(title=XSS, description=XSS, source=XSS))
    item = db.session.scalar(select(LibraryItem))
    for url in ("/library", f"/library/{item.id}", "/library/manage"):
        page = client.get(url).get_data(as_text=True)
        assert XSS not in page and ESCAPED_XSS in page, url


def test_the_moderator_sees_the_management_links_a_visitor_does_not(client, log_in, moderator, shelf):
    assert "/library/manage" not in client.get("/library").get_data(as_text=True)
    log_in(moderator)
    assert "/library/manage" in client.get("/library").get_data(as_text=True)
