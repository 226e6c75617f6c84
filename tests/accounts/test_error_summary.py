"""Every refused form opens with one error summary: focusable and focused, each message a link to its field, the
field marked invalid and described by its message, and what was typed kept (passwords excepted)."""
import pytest

from tests.conftest import post_form
from tests.factories import PASSWORD
from tests.page_parts import error_summary, parse, summary_links

from .conftest import registration_data


def test_a_refused_registration_sums_up_its_errors_with_links_and_keeps_the_typed_values(client, make, english):
    school = make.organisation()
    response = post_form(client, "/auth/register",
                         registration_data(school, full_name="", password_repeat="другой пароль", consent=None))

    assert response.status_code == 422
    html = response.get_data(as_text=True)
    summary = error_summary(html)
    assert summary.attrs["role"] == "alert" and summary.attrs["tabindex"] == "-1" and "autofocus" in summary.attrs
    links = summary_links(html)
    assert set(links) == {"#full_name", "#password_repeat", "#consent"}
    assert "The passwords do not match." in links["#password_repeat"]
    # Each linked field exists, is marked invalid and is described by its own message.
    page = parse(html)
    for href in links:
        [field] = page.find_all(id=href[1:])
        assert field.attrs["aria-invalid"] == "true"
        message_ids = field.attrs["aria-describedby"].split()
        assert any(page.find(id=message_id) is not None and "error" in message_id for message_id in message_ids)
    # What was typed comes back, the passwords do not.
    for typed in ("new.teacher@example.org", "учитель физики"):
        assert f'value="{typed}"' in html
    assert f'value="{school.id}" checked' in html
    assert PASSWORD not in html and "другой пароль" not in html
    # The summary stands before the first field of the form.
    assert html.index("data-error-summary") < html.index('id="email"')


def test_a_missing_organisation_links_to_the_organisation_search(client, english):
    html = post_form(client, "/auth/register", registration_data(None)).get_data(as_text=True)
    assert "#q" in summary_links(html), "the picker's choices come and go: the link goes to its search box"


def test_an_untouched_form_shows_no_summary(client, english):
    for url in ("/auth/register", "/auth/login", "/auth/reset"):
        assert error_summary(client.get(url).get_data(as_text=True)) is None


@pytest.mark.parametrize("url, data, field", [
    ("/auth/login", {"email": "", "password": ""}, "email"),
    ("/auth/reset", {"email": ""}, "email"),
])
def test_the_log_in_and_reset_forms_share_the_summary(client, english, url, data, field):
    response = post_form(client, url, data)
    assert response.status_code in (200, 422)
    assert f"#{field}" in summary_links(response.get_data(as_text=True))


def test_a_failed_log_in_message_takes_the_focus(client, make, english):
    user = make.user(email="teacher@example.org")
    response = post_form(client, "/auth/login", {"email": user.email, "password": "не тот пароль"})
    summary = error_summary(response.get_data(as_text=True))
    assert summary.attrs["id"] == "login-error" and "autofocus" in summary.attrs
    assert 'value="teacher@example.org"' in response.get_data(as_text=True)


def test_the_account_profile_keeps_the_typed_position_beside_the_summary(client, log_in, participant):
    log_in(participant, locale="ru")
    response = post_form(client, "/account/profile", {"full_name": "", "position": "завуч по УВР",
                                                      "organisation_id": str(participant.organisation_id or "")})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Форма не отправлена" in html and "#full_name" in summary_links(html)
    assert 'value="завуч по УВР"' in html


def test_the_admin_thesaurus_form_shares_the_summary(client, log_in, admin_user):
    log_in(admin_user)
    response = post_form(client, "/admin/thesaurus", {"term": "", "expansion": "", "kind": "abbreviation"},
                         page_url="/admin/thesaurus")
    assert response.status_code == 422
    assert {"#term", "#expansion"} <= set(summary_links(response.get_data(as_text=True)))


def test_the_consent_page_links_the_refused_form_to_its_own_box(client, log_in, participant):
    log_in(participant)
    response = post_form(client, "/account/consent", {"processing-submit": "1"})
    assert response.status_code == 422
    assert set(summary_links(response.get_data(as_text=True))) == {"#processing-confirm"}
