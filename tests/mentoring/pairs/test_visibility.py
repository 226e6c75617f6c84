"""A mentorship is seen only by its members, the curators of either school and moderators; its members see each
other's contacts, and the mentor's contacts open to the mentee on the mentor's page too."""
from mentorbank.core.workflow import transition
from mentorbank.mentoring.completion import complete
from mentorbank.mentoring.models import CompletionReason

from .conftest import detail_url


def test_members_curators_and_moderators_see_the_mentorship(client, log_in, pair, mentor, mentee, mentee_curator,
                                                            mentor_curator, moderator):
    for person in (mentor, mentee, mentee_curator, mentor_curator, moderator):
        log_in(person)
        page = client.get(detail_url(pair))
        assert page.status_code == 200, person.full_name
        assert "Смирнова Ольга Игоревна" in page.get_data(as_text=True)


def test_anyone_else_is_told_it_does_not_exist(client, log_in, pair, outsider, make):
    response = client.get(detail_url(pair))
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    log_in(outsider)
    assert client.get(detail_url(pair)).status_code == 404
    assert client.get(f"{detail_url(pair)}/print/order").status_code == 404
    assert client.get(f"{detail_url(pair)}/meetings.ics").status_code == 404
    # A curator of a third school is an outsider here.
    other_curator = make.user("Третьякова Вера", org=make.organisation("МБОУ СОШ № 99"), roles=("curator",))
    log_in(other_curator)
    assert client.get(detail_url(pair)).status_code == 404


def test_the_members_see_each_others_contacts(client, log_in, pair, mentor, mentee):
    log_in(mentee)
    page = client.get(detail_url(pair)).get_data(as_text=True)
    assert mentor.email in page and "+7 900 111-22-33" in page
    log_in(mentor)
    assert mentee.email in client.get(detail_url(pair)).get_data(as_text=True)


def test_the_mentors_page_opens_their_contacts_to_their_mentees_only(app, client, log_in, pair, mentee, outsider):
    profile_url = f"/mentors/{pair.mentor_profile_id}"
    log_in(outsider)
    assert pair.mentor.email not in client.get(profile_url).get_data(as_text=True)
    log_in(mentee)
    assert pair.mentor.email in client.get(profile_url).get_data(as_text=True)
    with app.test_request_context():
        complete(pair, pair.mentor, CompletionReason.PLAN_DONE)
    # A former mentee keeps them.
    assert pair.mentor.email in client.get(profile_url).get_data(as_text=True)


def test_my_mentorships_lists_only_mine(client, log_in, pair, mentee, make, outsider):
    someone_elses = make.mentorship()
    log_in(mentee)
    page = client.get("/account/mentorships").get_data(as_text=True)
    assert detail_url(pair) in page and detail_url(someone_elses) not in page
    assert "My mentorships" in page
    log_in(outsider)
    assert "You have no mentorships yet" in client.get("/account/mentorships").get_data(as_text=True)


def test_a_curator_sees_the_organisations_mentorships_and_requests(client, log_in, pair, mentee_curator, make,
                                                                   mentee_school, outsider):
    waiting = make.mentoring_request(mentee=make.user("Белова Дарья", org=mentee_school))
    elsewhere = make.mentorship()
    log_in(mentee_curator)
    account = client.get("/account").get_data(as_text=True)
    assert f"/account/organisations/{mentee_school.id}/mentoring" in account
    page = client.get(f"/account/organisations/{mentee_school.id}/mentoring")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert detail_url(pair) in text and detail_url(elsewhere) not in text
    assert "Белова Дарья" in text and waiting.mentor_profile.display_name in text
    assert "Waiting for the mentor" in text
    log_in(outsider)
    assert client.get(f"/account/organisations/{mentee_school.id}/mentoring").status_code == 403


def test_a_curator_reads_but_does_not_write_the_programme(client, log_in, pair, mentee_curator):
    log_in(mentee_curator)
    page = client.get(detail_url(pair)).get_data(as_text=True)
    assert "Edit the programme" not in page and 'id="plan-form"' not in page
    assert client.get(f"{detail_url(pair)}/programme").status_code == 403
    assert client.get(f"{detail_url(pair)}/extend").status_code == 403
