"""My account: overview, profile, submissions; log-in, CSRF and escaping."""
import pytest

from mentorbank.extensions import db
from mentorbank.mentors.models import ProfileStatus
from mentorbank.organisations.models import OrganisationStatus

from tests.conftest import ESCAPED_XSS, XSS, post_form, token_of

ACCOUNT_PAGES = ["/account", "/account/profile", "/account/submissions", "/account/notifications",
                 "/account/consent"]


@pytest.mark.parametrize("url", ACCOUNT_PAGES)
def test_account_pages_need_a_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.location == f"/auth/login?next={url}"


@pytest.mark.parametrize("url", ["/account/profile", "/account/notifications/read", "/account/consent"])
def test_account_posts_need_a_log_in(client, url):
    response = client.post(url, data={"csrf_token": token_of(client, "/")})
    assert response.status_code == 302 and response.location.startswith("/auth/login")


@pytest.mark.parametrize("url", ACCOUNT_PAGES)
def test_account_pages_open_for_the_owner(client, log_in, participant, url):
    log_in(participant)
    response = client.get(url)
    assert response.status_code == 200
    assert 'aria-current="page"' in response.get_data(as_text=True)


def test_the_overview_links_everything_and_warns_while_unconfirmed(client, make, log_in):
    person = log_in(make.user(full_name="Новикова Дарья", email="daria@example.org", confirmed=False))
    html = client.get("/account").get_data(as_text=True)
    assert "Новикова Дарья" in html and "daria@example.org" in html
    for link in ("/account/profile", "/account/mentor-profiles", "/account/submissions", "/account/notifications",
                 "/account/consent"):
        assert f'href="{link}' in html, link
    assert 'action="/auth/confirm/resend"' in html
    person.email_confirmed_at = person.created_at
    db.session.flush()
    assert 'action="/auth/confirm/resend"' not in client.get("/account").get_data(as_text=True)


@pytest.mark.parametrize("url", ["/account/profile", "/account/notifications/read", "/account/consent"])
def test_account_posts_without_a_csrf_token_are_refused(client, log_in, participant, url):
    log_in(participant)
    response = client.post(url, data={"full_name": "Подмена", "processing-confirm": "y", "processing-submit": "y"})
    assert response.status_code == 400
    db.session.expire_all()
    assert participant.full_name != "Подмена" and not participant.is_blocked


def test_profile_is_saved(client, make, log_in, participant):
    log_in(participant)
    other = make.organisation("МАОУ «Гимназия № 7»")
    response = post_form(client, "/account/profile", {
        "full_name": "Петрова Анна Ивановна", "position": "заместитель директора", "organisation_id": str(other.id),
    })
    assert response.status_code == 303 and response.location == "/account/profile"
    db.session.expire_all()
    assert (participant.full_name, participant.position, participant.organisation_id) == (
        "Петрова Анна Ивановна", "заместитель директора", other.id)


def test_profile_offers_approved_organisations_grouped_by_municipality(client, make, log_in, participant):
    log_in(participant)
    proposed = make.organisation("МБОУ «Предложенная школа»")
    proposed.status = OrganisationStatus.PROPOSED
    db.session.flush()
    html = client.get("/account/profile").get_data(as_text=True)
    assert '<optgroup label="г. Казань, Республика Татарстан">' in html
    assert f'<option selected value="{participant.organisation_id}">' in html
    assert "Предложенная школа" not in html
    response = post_form(client, "/account/profile", {"full_name": "Петрова", "organisation_id": str(proposed.id)})
    assert response.status_code == 422
    db.session.expire_all()
    assert participant.organisation_id != proposed.id


def test_a_failed_profile_form_keeps_what_was_typed(client, log_in, participant):
    log_in(participant)
    response = post_form(client, "/account/profile", {
        "full_name": "", "position": "учитель музыки", "organisation_id": str(participant.organisation_id),
    })
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'value="учитель музыки"' in html and 'aria-invalid="true"' in html


def test_typed_html_is_escaped_on_the_account_pages(client, log_in, participant):
    log_in(participant)
    post_form(client, "/account/profile", {
        "full_name": f"Имя {XSS}", "position": f"Должность {XSS}", "organisation_id": str(participant.organisation_id),
    })
    for page in ("/account", "/account/profile"):
        html = client.get(page).get_data(as_text=True)
        assert "<script>alert" not in html and ESCAPED_XSS in html, page


def test_submissions_show_profiles_revisions_comments_and_my_organisation(client, make, log_in, participant):
    log_in(participant)
    published = make.mentor(user=participant, bio="Текст.")
    from mentorbank.mentors.revisions import start_revision

    with db.session.no_autoflush:
        revision = start_revision(published)
    revision.status, revision.status_reason = ProfileStatus.RETURNED, "Уточните направления."
    revision.decided_at = published.decided_at
    proposed = make.organisation("МБОУ «Школа № 777»")
    proposed.status, proposed.proposed_by_id = OrganisationStatus.PROPOSED, participant.id
    db.session.flush()

    html = client.get("/account/submissions").get_data(as_text=True)
    assert f'data-profile-id="{published.id}"' in html and f'data-profile-id="{revision.id}"' in html
    assert 'data-status="approved"' in html and 'data-status="returned"' in html
    assert "Уточните направления." in html
    assert f'data-organisation-id="{proposed.id}"' in html and "waiting for a moderator" in html
