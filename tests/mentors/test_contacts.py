"""A mentor's contacts on the public profile: never for visitors and participants (DESIGN §2); moderators,
admins and the curators of the mentor's organisation see them in a marked block."""
import pytest

from mentorbank.accounts.models import Role

EMAIL = "elena.sidorova@school.example"
PHONE = "+7 (912) 345-67-89"


@pytest.fixture
def profile(make):
    return make.mentor("Сидорова Елена Викторовна", email=EMAIL, phone=PHONE)


def main_of(html: str) -> str:
    """The page's content: the footer's contact links are the operator's, not the mentor's."""
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def contacts_shown(html: str) -> bool:
    return 'id="mentor-contacts"' in html and EMAIL in html and PHONE in html


def test_a_visitor_gets_a_log_in_link_back_to_the_profile(client, profile):
    html = client.get(f"/mentors/{profile.id}").get_data(as_text=True)
    assert f'href="/auth/login?next=/mentors/{profile.id}"' in html
    assert EMAIL not in html and "345-67-89" not in html
    assert "mailto:" not in main_of(html) and "tel:" not in main_of(html)


def test_a_participant_sees_the_request_button_but_no_contacts(client, log_in, participant, profile):
    log_in(participant)
    html = client.get(f"/mentors/{profile.id}").get_data(as_text=True)
    assert "Ask for mentoring" in html and "/auth/login" not in html.split('id="ask-for-mentoring"')[1][:600]
    assert not contacts_shown(html)
    assert EMAIL not in html and "345-67-89" not in html and "mailto:" not in main_of(html)


def test_the_mentor_does_not_see_their_own_contacts_as_public(client, log_in, profile):
    log_in(profile.user)
    assert not contacts_shown(client.get(f"/mentors/{profile.id}").get_data(as_text=True))


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.ADMIN])
def test_moderators_and_admins_see_the_contacts(client, make, log_in, profile, role):
    log_in(make.user(roles=(role,)))
    html = client.get(f"/mentors/{profile.id}").get_data(as_text=True)
    assert contacts_shown(html)
    assert f'href="mailto:{EMAIL}"' in html and "Not public." in html


def test_a_curator_of_the_mentors_organisation_sees_the_contacts(client, make, log_in, profile):
    log_in(make.user(org=profile.organisation, roles=(Role.CURATOR,)))
    assert contacts_shown(client.get(f"/mentors/{profile.id}").get_data(as_text=True))


def test_a_curator_of_another_organisation_does_not(client, make, log_in, profile):
    log_in(make.user(org=make.organisation("МБОУ «Другая школа»"), roles=(Role.CURATOR,)))
    html = client.get(f"/mentors/{profile.id}").get_data(as_text=True)
    assert not contacts_shown(html) and EMAIL not in html


def test_contacts_are_escaped(client, make, log_in):
    profile = make.mentor(phone='12345"><script>alert(1)</script>')
    log_in(make.user(roles=(Role.MODERATOR,)))
    html = client.get(f"/mentors/{profile.id}").get_data(as_text=True)
    assert "<script>alert(1)" not in html
