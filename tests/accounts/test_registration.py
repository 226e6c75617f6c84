"""Registration: the account, the consent, the organisation picker, proposing an organisation, and never
telling whether an e-mail is already registered."""
import re

from sqlalchemy import select

from mentorbank.accounts.models import User
from mentorbank.extensions import db
from mentorbank.organisations.models import Organisation, OrganisationStatus
from tests.conftest import csrf_token_from, post_form
from tests.factories import PASSWORD

from .conftest import link_in, registration_data

XSS = '<script>alert("x")</script>'


def user_named(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


def register(client, organisation, **changes):
    return post_form(client, "/auth/register", registration_data(organisation, **changes))


def test_registration_creates_the_account_records_consent_and_mails_a_working_link(client, make, outbox, app):
    school = make.organisation(name="МБОУ «Лицей № 2»")
    response = register(client, school, email="New.Teacher@Example.org")

    assert response.status_code == 303
    user = user_named("new.teacher@example.org")
    assert user is not None and user.organisation_id == school.id
    assert user.full_name == "Смирнова Ольга Игоревна" and user.position == "учитель физики"
    assert user.password_hash and PASSWORD not in user.password_hash and user.check_password(PASSWORD)
    assert user.processing_consent_at is not None
    assert user.processing_consent_version == app.config["PROCESSING_CONSENT_VERSION"]
    assert not user.is_confirmed and user.last_login_at is None, "nobody is logged in before confirming"
    assert client.get("/account").status_code == 302

    [message] = outbox()
    assert message["To"] == "new.teacher@example.org"
    confirmed = client.get(link_in(message, "/auth/confirm/"))
    assert confirmed.status_code == 303 and confirmed.headers["Location"] == "/account"
    assert user.is_confirmed and user.last_login_at is not None, "the first click on the link logs the owner in"
    assert 'id="confirm-email-banner"' not in client.get("/").get_data(as_text=True)

    client.post("/auth/logout", data={"csrf_token": csrf_token_from(client.get("/").get_data(as_text=True))})
    again = client.get(link_in(message, "/auth/confirm/"))
    assert again.headers["Location"] == "/auth/login", "a second click logs nobody in"


def test_a_refused_form_keeps_what_was_typed_but_never_the_password(client, make, english):
    school = make.organisation()
    response = register(client, school, password_repeat="something else", consent=None)

    assert response.status_code == 422
    html = response.get_data(as_text=True)
    for typed in ("new.teacher@example.org", "Смирнова Ольга Игоревна", "учитель физики"):
        assert f'value="{typed}"' in html
    assert f'value="{school.id}" checked' in html, "the chosen organisation stays chosen"
    assert PASSWORD not in html
    assert "The passwords do not match." in html
    assert 'id="consent-errors"' in html and 'aria-invalid="true"' in html
    assert user_named("new.teacher@example.org") is None


def test_short_password_and_bad_email_are_refused(client, make, english):
    response = register(client, make.organisation(), email="not-an-email", password="short", password_repeat="short")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Enter a valid e-mail address." in html
    assert "at least 8 characters" in html
    assert db.session.scalar(select(User).where(User.full_name == "Смирнова Ольга Игоревна")) is None


def test_an_organisation_must_be_chosen_from_the_approved_directory(client, make, english):
    proposed = make.organisation(name="Школа, которую ещё не проверили")
    proposed.status = OrganisationStatus.PROPOSED
    for chosen in ("", "999999", "abc", str(proposed.id)):
        response = register(client, None, organisation_id=chosen)
        assert response.status_code == 422, chosen
        assert 'id="organisation_id-errors"' in response.get_data(as_text=True)
    assert user_named("new.teacher@example.org") is None


def test_typed_markup_comes_back_escaped(client, make):
    response = register(client, make.organisation(), full_name=XSS, position=XSS, email=XSS, consent=None)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert XSS not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_registered_markup_is_stored_as_text_and_shown_escaped(client, make, outbox):
    register(client, make.organisation(), full_name=XSS, position=XSS)
    assert user_named("new.teacher@example.org").full_name == XSS
    assert XSS not in client.get("/").get_data(as_text=True)


def test_a_registered_email_is_not_revealed_and_its_owner_is_told(client, app, make, outbox):
    owner = make.user(email="owner@example.org")
    newcomer, intruder = client, app.test_client()
    first = register(newcomer, make.organisation(), email="someone.new@example.org")
    again = register(intruder, make.organisation(), email="Owner@Example.org", full_name="Злоумышленник")

    assert again.status_code == first.status_code == 303
    assert again.headers["Location"] == first.headers["Location"]
    # The Russian UI, the default.
    expected = "Мы отправили письмо на адрес {}. Откройте ссылку из него, чтобы подтвердить адрес."
    assert _flashes(newcomer) == [expected.format("someone.new@example.org")]
    assert _flashes(intruder) == [expected.format("owner@example.org")]
    assert db.session.scalars(select(User).where(User.email == "owner@example.org")).all() == [owner]
    assert owner.full_name != "Злоумышленник"

    to_owner = [m for m in outbox() if m["To"] == "owner@example.org"]
    assert len(to_owner) == 1, "the owner hears of the attempt, and no confirmation of someone else's account"
    assert "/auth/confirm/" not in to_owner[0].get_content()
    reset_page = intruder.get(link_in(to_owner[0], "/auth/reset/"))
    assert reset_page.status_code == 200, "the mail carries a working reset link"


def test_proposing_an_organisation_creates_it_for_the_moderator(client, make, english):
    municipality = make.municipality("г. Абакан", "Республика Хакасия")
    kind = make.term("organisation_kind", "kindergarten")
    response = register(client, None, not_listed="y", proposed_name="МБДОУ «Детский сад № 7 „Ромашка“»",
                        proposed_kind=str(kind.id), proposed_municipality=str(municipality.id))

    assert response.status_code == 303
    user = user_named("new.teacher@example.org")
    proposed = user.organisation
    assert proposed.status == OrganisationStatus.PROPOSED
    assert proposed.proposed_by_id == user.id
    assert (proposed.name, proposed.kind_id, proposed.municipality_id) == (
        "МБДОУ «Детский сад № 7 „Ромашка“»", kind.id, municipality.id)
    lookup = client.get("/auth/organisations?q=ромашка", headers={"HX-Request": "true"})
    assert "Ромашка" not in lookup.get_data(as_text=True), "proposed organisations wait for the moderator"


def test_a_proposal_needs_name_kind_and_municipality(client, make, english):
    response = register(client, None, not_listed="y", proposed_name="", proposed_kind="",
                        proposed_municipality="424242")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    for field in ("proposed_name", "proposed_kind", "proposed_municipality"):
        assert f'id="{field}-errors"' in html
    assert db.session.scalar(select(Organisation).where(Organisation.status == OrganisationStatus.PROPOSED)) is None


def test_a_logged_in_person_is_not_offered_registration(client, participant, auth):
    auth.login(participant)
    assert client.get("/auth/register").status_code == 303


def _flashes(client) -> list[str]:
    with client.session_transaction() as session:
        return [message for _category, message in session.get("_flashes", [])]


def test_a_new_address_and_a_taken_one_cannot_be_told_apart(app, make, outbox):
    """Same status, same page, same cookies' effect: nobody is logged in either way (review finding 5)."""
    make.user(email="owner@example.org")
    school = make.organisation()
    answers = []
    for email in ("someone.new@example.org", "owner@example.org"):
        browser = app.test_client()
        response = register(browser, school, email=email)
        page = browser.get(response.headers["Location"]).get_data(as_text=True).replace(email, "EMAIL")
        page = re.sub(r'"X-CSRFToken": "[^"]+"|name="csrf_token" value="[^"]+"', "CSRF", page)
        answers.append((response.status_code, response.headers["Location"], page,
                        browser.get("/account").status_code))
    assert answers[0] == answers[1]
    assert answers[0][3] == 302, "not logged in"
    assert sorted(message["To"] for message in outbox()) == ["owner@example.org", "someone.new@example.org"]
