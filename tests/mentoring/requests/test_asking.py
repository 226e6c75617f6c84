"""Asking a chosen mentor, asking for suggestions, and a school's team request: what is filed, what is refused."""
from datetime import timedelta

import pytest

from mentorbank.accounts.models import Role
from mentorbank.core.models import utcnow
from mentorbank.mentoring.models import MAX_PENDING_REQUESTS, REQUEST_LIFETIME, RequestStatus

from ...conftest import XSS, ESCAPED_XSS, post_form
from .conftest import DIFFICULTIES, audit_actions, notifications_of, request_form, requests_of


def test_asking_a_mentor_sends_the_request_and_tells_them(client, log_in, make, mentee, profile, outbox):
    log_in(mentee)
    page = client.get(f"/mentors/{profile.id}/ask").get_data(as_text=True)
    assert "Ask Орлова Елена Николаевна for mentoring" in page and 'name="difficulties"' in page

    response = post_form(client, f"/mentors/{profile.id}/ask", request_form(make))

    [request] = requests_of(mentee)
    assert response.status_code == 303 and response.headers["Location"] == f"/account/requests/{request.id}"
    assert (request.status, request.mentor_profile_id) == (RequestStatus.SENT, profile.id)
    assert request.difficulties == DIFFICULTIES and [term.slug for term in request.directions] == ["methodical"]
    assert (request.form.slug, request.mode.slug, request.kind, request.period_months) == (
        "teacher-teacher", "remote", None, 6)
    assert request.organisation_id == mentee.organisation_id and not request.is_team
    assert abs(request.expires_at - (request.sent_at + REQUEST_LIFETIME)) < timedelta(seconds=1)
    assert audit_actions(request) == [("mentoring_request.send", mentee.id)]
    assert notifications_of(profile.user) == [("mentoring_request.received", None)]
    # The mentor reads the e-mail in the bank's language (they never chose another) and follows its link.
    [mail] = outbox()
    assert mail["To"] == "mentor@example.org" and "новый запрос" in mail["Subject"].lower()
    assert f"/account/requests/{request.id}" in mail.get_content()
    assert notifications_of(mentee) == []


def test_a_refused_form_keeps_what_was_typed(client, log_in, make, mentee, profile):
    log_in(mentee)
    response = post_form(client, f"/mentors/{profile.id}/ask",
                         request_form(make, difficulties=f"Мои трудности {XSS}", period_months="13"))
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and 'id="error-summary"' in html
    assert f"Мои трудности {ESCAPED_XSS}" in html and XSS not in html
    assert 'value="13"' in html and 'aria-invalid="true"' in html
    assert requests_of(mentee) == []


@pytest.mark.parametrize("months", ["2", "13", ""])
def test_the_period_is_three_to_twelve_months(client, log_in, make, mentee, profile, months):
    log_in(mentee)
    response = post_form(client, "/account/requests/new", request_form(make, period_months=months))
    assert response.status_code == 422 and requests_of(mentee) == []


def test_difficulties_are_required(client, log_in, make, mentee):
    log_in(mentee)
    response = post_form(client, "/account/requests/new", request_form(make, difficulties="   "))
    assert response.status_code == 422 and requests_of(mentee) == []


@pytest.mark.parametrize("change", [
    {"accepting_requests": False},
    {"active_mentees": 3},
    {"silent_since": "now"},
], ids=["not accepting", "full", "silent"])
def test_a_mentor_who_does_not_take_requests_gets_none(client, log_in, make, mentee, profile, change):
    for name, value in change.items():
        setattr(profile, name, utcnow() if value == "now" else value)
    log_in(mentee)
    page = client.get(f"/mentors/{profile.id}/ask")
    assert page.status_code == 409 and "is not taking new requests at the moment" in page.get_data(as_text=True)
    assert post_form(client, f"/mentors/{profile.id}/ask", request_form(make),
                     page_url="/account/requests/new").status_code == 409
    assert requests_of(mentee) == [] and notifications_of(profile.user) == []
    # The mentor's page offers no button that would lead there.
    assert f"/mentors/{profile.id}/ask" not in client.get(f"/mentors/{profile.id}").get_data(as_text=True)


def test_nobody_asks_themselves(client, log_in, make, profile):
    log_in(profile.user)
    page = client.get(f"/mentors/{profile.id}/ask")
    assert page.status_code == 409 and "you cannot send a request to yourself" in page.get_data(as_text=True)
    assert f"/mentors/{profile.id}/ask" not in client.get(f"/mentors/{profile.id}").get_data(as_text=True)


def test_a_profile_not_in_the_bank_cannot_be_asked(client, log_in, make, mentee):
    pending = make.mentor("Зайцева Ольга Павловна", status="pending")
    log_in(mentee)
    assert client.get(f"/mentors/{pending.id}/ask").status_code == 404


def test_the_mentor_page_offers_the_request_to_a_logged_in_person_and_log_in_to_a_visitor(
        client, english, log_in, mentee, profile):
    visitor_html = client.get(f"/mentors/{profile.id}").get_data(as_text=True)
    assert f"/mentors/{profile.id}/ask" not in visitor_html and "Log in to ask for mentoring" in visitor_html
    assert f'href="/auth/login?next=/mentors/{profile.id}"' in visitor_html
    log_in(mentee)
    html = client.get(f"/mentors/{profile.id}").get_data(as_text=True)
    assert f'href="/mentors/{profile.id}/ask"' in html and "/auth/login?next" not in html


def test_a_fourth_pending_request_is_refused(client, log_in, make, mentee, profile):
    make.mentoring_request(mentee=mentee, status=RequestStatus.OPEN)
    make.mentoring_request(mentee=mentee)
    make.mentoring_request(mentee=mentee)
    make.mentoring_request(mentee=mentee, status=RequestStatus.DECLINED)  # answered: no longer pending
    log_in(mentee)

    response = post_form(client, f"/mentors/{profile.id}/ask", request_form(make))

    html = response.get_data(as_text=True)
    assert response.status_code == 422 and f"wait for answers to {MAX_PENDING_REQUESTS} requests" in html
    assert DIFFICULTIES.split(":")[0] in html  # the typed text is kept
    assert len(requests_of(mentee)) == 4 and notifications_of(profile.user) == []
    assert post_form(client, "/account/requests/new", request_form(make)).status_code == 422


def test_once_one_is_answered_another_may_be_filed(client, log_in, make, mentee, profile):
    waiting = [make.mentoring_request(mentee=mentee) for _ in range(MAX_PENDING_REQUESTS)]
    waiting[0].status = RequestStatus.EXPIRED
    log_in(mentee)
    assert post_form(client, f"/mentors/{profile.id}/ask", request_form(make)).status_code == 303


def test_an_open_request_is_saved_for_suggestions(client, log_in, make, mentee, profile):
    log_in(mentee)
    response = post_form(client, "/account/requests/new", request_form(make))
    [request] = requests_of(mentee)
    assert response.status_code == 303 and response.headers["Location"] == f"/account/requests/{request.id}"
    assert (request.status, request.mentor_profile_id, request.sent_at) == (RequestStatus.OPEN, None, None)
    assert request.expires_at > utcnow() + REQUEST_LIFETIME - timedelta(minutes=1)
    # Filing is not a transition: nobody is told yet.
    assert audit_actions(request) == [] and notifications_of(profile.user) == []


# --- a school's team request («команда – команда») ---

@pytest.fixture
def curator(make, mentee):
    return make.user(full_name="Сидорова Ольга Ивановна", org=mentee.organisation, roles=(Role.CURATOR,))


def test_a_curator_asks_for_a_group_of_their_school(client, log_in, make, curator):
    organisation_id = curator.organisation_id
    log_in(curator)
    assert client.get(f"/account/organisations/{organisation_id}/requests/new").status_code == 200

    response = post_form(client, f"/account/organisations/{organisation_id}/requests/new", request_form(
        make, group_size="4", group_members="Иванов И. И., учитель физики\nПетров П. П., учитель химии"))

    [request] = requests_of(curator)
    assert response.status_code == 303 and response.headers["Location"] == f"/account/requests/{request.id}"
    assert (request.is_team, request.group_size, request.organisation_id) == (True, 4, organisation_id)
    assert "Петров П. П., учитель химии" in request.group_members and request.status == RequestStatus.OPEN


def test_a_team_request_needs_its_group(client, log_in, make, curator):
    log_in(curator)
    url = f"/account/organisations/{curator.organisation_id}/requests/new"
    response = post_form(client, url, request_form(make, group_size="1", group_members=""))
    assert response.status_code == 422 and requests_of(curator) == []


def test_only_the_schools_curators_file_its_team_request(client, log_in, make, mentee, curator):
    other_school = make.organisation("МБОУ «Гимназия № 9»")
    log_in(curator)
    assert client.get(f"/account/organisations/{other_school.id}/requests/new").status_code == 403
    log_in(mentee)  # a teacher of the curator's own school
    assert client.get(f"/account/organisations/{curator.organisation_id}/requests/new").status_code == 403
    assert client.get("/account/organisations/999999/requests/new").status_code == 404


def test_the_curators_cabinet_leads_to_the_team_request(client, log_in, curator, admin_user):
    url = f"/account/organisations/{curator.organisation_id}"
    log_in(curator)
    assert f'href="{url}/requests/new"' in client.get(url).get_data(as_text=True)
    log_in(admin_user)  # follows the school in the cabinet, but does not ask for it
    assert f'href="{url}/requests/new"' not in client.get(url).get_data(as_text=True)


def test_a_curators_own_requests_and_their_schools_team_requests_are_counted_apart(app, client, log_in, make,
                                                                                    curator, profile):
    """Three requests of their own do not stop a curator asking for a group, and accepting the group's request
    withdraws none of their own."""
    from mentorbank.mentoring.answers import accept

    own = [make.mentoring_request(mentee=curator, status=RequestStatus.OPEN) for _ in range(3)]
    log_in(curator)
    response = post_form(client, f"/account/organisations/{curator.organisation_id}/requests/new", request_form(
        make, group_size="2", group_members="Иванов И. И.\nПетров П. П."))
    assert response.status_code == 303
    [team] = [request for request in requests_of(curator) if request.is_team]
    team.mentor_profile, team.status = profile, RequestStatus.SENT
    with app.test_request_context():
        accept(team, profile.user)
    assert team.status == RequestStatus.ACCEPTED
    assert [request.status for request in own] == [RequestStatus.OPEN] * 3
