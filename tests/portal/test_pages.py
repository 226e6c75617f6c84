"""About, help and contacts: admins write them in Markdown under /admin/pages; what they write is sanitised, each
edit is a new version and an audit entry; nobody else may edit; the demo fills them."""
import re

import pytest
from sqlalchemy import select

from mentorbank.audit.models import AuditEntry
from mentorbank.demo.portal_pages import DEMO_PAGES, create_portal_pages
from mentorbank.extensions import db
from mentorbank.portal.models import PageSlug, PortalPage

from ..conftest import post_form, token_of

HOSTILE_HELP = """\
## Как найти наставника

Откройте **«Наставники»** и выберите [фильтры](https://mentors.example.ru/mentors).

<script>alert("x")</script>
<img src="x" onerror="alert(1)">
<a href="javascript:alert(2)" onclick="alert(3)">ссылка</a>
<p style="color:red">Текст</p>
"""


def edit(client, slug: str, body: str, version: str = ""):
    return post_form(client, f"/admin/pages/{slug}", {"body": body, "version": version})


def test_an_admin_writes_the_help_page_in_markdown_and_what_could_run_is_stripped(client, log_in, admin_user):
    log_in(admin_user)
    assert client.get("/help").get_data(as_text=True).count("This page has not been written yet.") == 1

    response = edit(client, "help", HOSTILE_HELP)

    assert response.status_code == 303 and response.location == "/help"
    page = client.get("/help").get_data(as_text=True)
    text = page.split('<div class="portal-page__text" lang="ru">', 1)[1].split("</div>", 1)[0]
    assert "<h2>Как найти наставника</h2>" in text
    assert "<strong>«Наставники»</strong>" in text
    assert '<a href="https://mentors.example.ru/mentors" rel="noopener noreferrer nofollow">фильтры</a>' in text
    assert "<p>Текст</p>" in text
    for dangerous in ("<script", "alert", "onerror", "onclick", "javascript:", "style="):
        assert dangerous not in text
    assert "Version 1 of" in page


def test_each_edit_is_a_new_version_with_an_audit_entry(client, log_in, admin_user):
    log_in(admin_user)
    edit(client, "about", "Первый текст.")
    response = edit(client, "about", "Второй текст.", version="1")

    assert response.status_code == 303
    page = client.get("/about").get_data(as_text=True)
    assert "<p>Второй текст.</p>" in page and "Первый текст." not in page and "Version 2 of" in page
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "portal_page.edit")
                                 .order_by(AuditEntry.id)).all()
    assert [(entry.actor_id, entry.details["version"]) for entry in entries] == [(admin_user.id, 1), (admin_user.id, 2)]
    audit_log = client.get("/moderation/audit").get_data(as_text=True)
    rows = re.sub(r"<[^>]+>", " ", audit_log.split("<tbody", 1)[1])  # what the reader sees of the entries
    assert "Site page edited" in rows and "About the bank" in rows and "portal_page" not in rows
    listing = client.get("/admin/pages").get_data(as_text=True)
    assert "Кузнецов Андрей Павлович" in listing and 'href="/admin/pages/about"' in listing


def test_a_save_over_a_newer_version_is_refused_and_keeps_the_text(client, log_in, admin_user):
    log_in(admin_user)
    edit(client, "contacts", "Текст первого администратора.")
    edit(client, "contacts", "Текст второго администратора.", version="1")

    response = edit(client, "contacts", "Опоздавший текст.", version="1")

    assert response.status_code == 409
    assert "Someone saved this page after you opened it" in response.get_data(as_text=True)
    assert edit(client, "contacts", "Подделанная версия.", version="2abc").status_code == 409
    assert "Текст второго администратора." in client.get("/contacts").get_data(as_text=True)


def test_an_empty_text_is_refused(client, log_in, admin_user):
    log_in(admin_user)
    response = edit(client, "help", "   ")
    assert response.status_code == 422 and 'aria-invalid="true"' in response.get_data(as_text=True)
    assert db.session.scalar(select(PortalPage)) is None


@pytest.mark.parametrize("who", ["participant", "moderator"])
def test_nobody_but_an_admin_may_edit(client, log_in, request, who):
    log_in(request.getfixturevalue(who))
    assert client.get("/admin/pages").status_code == 403
    assert client.get("/admin/pages/help").status_code == 403
    assert post_form(client, "/admin/pages/help", {"body": "Взлом"}, page_url="/").status_code == 403
    assert db.session.scalar(select(PortalPage)) is None


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    for response in (client.get("/admin/pages/help"),
                     client.post("/admin/pages/help", data={"body": "Взлом", "csrf_token": token_of(client)})):
        assert response.status_code == 302
        assert response.location.startswith("/auth/login?next=/admin/pages/help")
    assert db.session.scalar(select(PortalPage)) is None


def test_an_edit_without_the_csrf_token_is_refused(client, log_in, admin_user):
    log_in(admin_user)
    response = client.post("/admin/pages/help", data={"body": "Подделка"})
    assert response.status_code == 400
    assert db.session.scalar(select(PortalPage)) is None


def test_an_unknown_page_is_not_found(client, log_in, admin_user):
    log_in(admin_user)
    assert client.get("/admin/pages/privacy").status_code == 404
    assert client.get("/faq").status_code == 404


def test_the_admin_sees_an_edit_link_and_a_visitor_does_not(client, log_in, admin_user):
    assert 'href="/admin/pages/help"' not in client.get("/help").get_data(as_text=True)
    log_in(admin_user)
    assert 'href="/admin/pages/help"' in client.get("/help").get_data(as_text=True)
    assert 'href="/admin/pages"' in client.get("/admin").get_data(as_text=True)


@pytest.mark.parametrize("locale, title", [("ru", "Помощь"), ("en", "Help")])
def test_the_demo_fills_the_pages_and_the_chrome_follows_the_locale(client, locale, title):
    from ..conftest import set_locale

    create_portal_pages(db.session)
    set_locale(client, locale)
    help_page = client.get("/help").get_data(as_text=True)
    assert f"<h1>{title}</h1>" in help_page
    for heading in ("Как найти наставника", "Как стать наставником", "Как проходит модерация", "Как отозвать согласие"):
        assert f"<h2>{heading}</h2>" in help_page
    assert "<h2>Кто ведёт банк</h2>" in client.get("/about").get_data(as_text=True)
    contacts = client.get("/contacts").get_data(as_text=True)
    assert "<h2>Вопросы о работе банка</h2>" in contacts and "mailto:nastavniki@riro.example" in contacts


def test_the_demo_never_overwrites_an_admins_text(client, log_in, admin_user):
    log_in(admin_user)
    edit(client, "help", "Наш собственный текст.")
    create_portal_pages(db.session)
    assert db.session.scalar(select(PortalPage.body).where(PortalPage.slug == PageSlug.HELP)) == "Наш собственный текст."
    assert db.session.scalar(select(PortalPage.body).where(PortalPage.slug == PageSlug.ABOUT)) == DEMO_PAGES[PageSlug.ABOUT]


def test_demo_load_writes_the_pages(runner, app_context):
    result = runner.invoke(args=["demo", "load", "--organisations", "6", "--mentors", "12", "--unpublished", "2"])
    assert result.exit_code == 0, result.output
    assert set(db.session.scalars(select(PortalPage.slug))) == set(PageSlug)
