"""The curator keeps the organisation's public page: published at once, escaped, audited; only the curators of
that organisation and admins may change it."""
import pytest
from sqlalchemy import select

from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from tests.conftest import ESCAPED_XSS, XSS, post_form

from .conftest import log_out, page_form_url, public_url

PAGE = {
    "description": f"Стажировочная площадка по наставничеству молодых учителей.\r\n\r\nПроводим открытые уроки {XSS}",
    "website": "https://lyceum58.example.ru",
    "contact_email": "priem@lyceum58.example.ru",
    "contact_phone": "+7 (843) 200-58-58",
    "address": "420000, г. Казань, ул. Школьная, 58",
}


def test_the_curator_publishes_the_page_escaped_and_audited(client, log_in, curator_a, school_a):
    log_in(curator_a)
    form = client.get(page_form_url(school_a)).get_data(as_text=True)
    assert "Never a person's e-mail or phone" in form

    response = post_form(client, page_form_url(school_a), PAGE)
    assert response.status_code == 303
    assert response.location == f"/account/organisations/{school_a.id}"

    log_out(client)
    html = client.get(public_url(school_a)).get_data(as_text=True)
    assert "<p class=\"prose\">Стажировочная площадка по наставничеству молодых учителей.</p>" in html
    assert f"Проводим открытые уроки {ESCAPED_XSS}</p>" in html and XSS not in html
    assert 'href="https://lyceum58.example.ru"' in html
    assert 'href="mailto:priem@lyceum58.example.ru"' in html
    assert "+7 (843) 200-58-58" in html and "ул. Школьная, 58" in html

    [entry] = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "organisation.page_update")).all()
    assert (entry.actor_id, entry.target_type, entry.target_id) == (curator_a.id, "organisation", school_a.id)
    assert entry.details["changed"]["website"] == [None, "https://lyceum58.example.ru"]


def test_saving_the_same_page_again_records_nothing_new(client, log_in, curator_a, school_a):
    log_in(curator_a)
    post_form(client, page_form_url(school_a), PAGE)
    post_form(client, page_form_url(school_a), PAGE)
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "organisation.page_update")).all()
    assert len(entries) == 1


def test_an_admin_may_edit_any_organisation_page(client, log_in, admin_user, school_a):
    log_in(admin_user)
    assert client.get(page_form_url(school_a)).status_code == 200
    # An admin follows the school but does not speak for it: no team profile of theirs.
    assert "team=1" not in client.get(f"/account/organisations/{school_a.id}").get_data(as_text=True)
    assert post_form(client, page_form_url(school_a), PAGE).status_code == 303
    assert school_a.contact_email == "priem@lyceum58.example.ru"


@pytest.mark.parametrize("who", ["curator_b", "participant", "moderator"])
def test_anyone_but_its_curators_is_refused(client, log_in, request, school_a, curator_a, who):
    log_in(request.getfixturevalue(who))
    assert client.get(page_form_url(school_a)).status_code == 403
    assert client.get(f"/account/organisations/{school_a.id}").status_code == 403
    # A token of a page they may open: the refusal is the permission's, not the CSRF check's.
    response = post_form(client, page_form_url(school_a), PAGE, page_url="/account")
    assert response.status_code == 403
    assert school_a.description is None and school_a.website is None


def test_a_visitor_is_sent_to_log_in(client, school_a):
    for url in (page_form_url(school_a), f"/account/organisations/{school_a.id}"):
        response = client.get(url)
        assert response.status_code == 302 and response.location.startswith("/auth/login")
    assert client.post(page_form_url(school_a), data=PAGE).status_code in (302, 400)
    assert school_a.description is None


def test_a_post_without_the_csrf_token_is_refused(client, log_in, curator_a, school_a):
    log_in(curator_a)
    response = client.post(page_form_url(school_a), data=PAGE)
    assert response.status_code == 400
    assert school_a.description is None


@pytest.mark.parametrize("website", ["javascript:alert(1)", "ftp://lyceum58.example.ru", "лицей 58", "https://"])
def test_a_bad_web_address_is_refused_and_what_was_typed_kept(client, log_in, curator_a, school_a, website):
    log_in(curator_a)
    typed = {**PAGE, "description": "Открытые уроки по математике.", "website": website}
    response = post_form(client, page_form_url(school_a), typed)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'aria-invalid="true"' in html and 'id="website-error"' in html
    assert "Открытые уроки по математике." in html and 'value="priem@lyceum58.example.ru"' in html
    assert school_a.website is None and school_a.description is None


def test_a_bad_email_or_phone_is_refused(client, log_in, curator_a, school_a):
    log_in(curator_a)
    response = post_form(client, page_form_url(school_a), {**PAGE, "contact_email": "priem(at)lyceum",
                                                            "contact_phone": "звоните директору"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="contact_email-error"' in html and 'id="contact_phone-error"' in html
    assert school_a.contact_email is None


def test_the_audit_log_names_the_curators_change(client, log_in, curator_a, school_a, moderator):
    log_in(curator_a)
    post_form(client, page_form_url(school_a), PAGE)
    log_in(moderator)
    html = client.get("/moderation/audit").get_data(as_text=True)
    assert "Organisation&#39;s public page changed in its curator&#39;s cabinet" in html


def test_a_persons_account_email_is_not_accepted_as_the_schools(client, log_in, curator_a, school_a):
    log_in(curator_a)
    response = post_form(client, page_form_url(school_a), {**PAGE, "contact_email": " Curator.A@example.org "})
    assert response.status_code == 422
    assert "This is a person's e-mail; give the organisation's own address." in response.get_data(as_text=True)
    assert school_a.contact_email is None
