"""The mentor application asks for what a useful card needs before it goes to moderation (a form, a direction,
subjects, a bio of at least BIO_MIN_LENGTH characters), says so in Russian, and explains each vocabulary."""
import pytest
from sqlalchemy import select

from mentorbank.demo.generator import populate
from mentorbank.extensions import db
from mentorbank.mentors.application import BIO_MIN_LENGTH, card_gaps
from mentorbank.mentors.forms import TERM_FIELDS, TERM_SECTIONS
from mentorbank.mentors.models import MentorProfile, ProfileStatus
from mentorbank.vocabularies.models import Vocabulary
from tests.page_parts import parse, summary_links

from .application_forms import own_profile, press, save_draft, submit_form

NEW = "/account/mentor-profiles/new"
MESSAGES_RU = {
    "#forms-0": "Отметьте хотя бы одну форму наставничества",
    "#directions-0": "Отметьте хотя бы одно направление",
    "#subjects": "Укажите хотя бы один предмет",
    "#bio": f"Напишите о себе как о наставнике не меньше {BIO_MIN_LENGTH} символов (сейчас 18)",
}


@pytest.fixture
def applicant(make, log_in):
    return log_in(make.user(full_name="Петрова Анна Сергеевна", email="anna.petrova@example.org"), locale="ru")


def test_submitting_a_near_empty_profile_is_refused_with_what_to_fix(client, applicant):
    response = submit_form(client, NEW, forms=None, directions=None, subjects="", bio="Учитель математики")

    assert response.status_code == 422
    html = response.get_data(as_text=True)
    links = summary_links(html)
    for href, message in MESSAGES_RU.items():
        assert message in links[href], href
    assert list(links)[:4] == ["#subjects", "#bio", "#forms-0", "#directions-0"], "listed in the page's order"
    assert parse(html).find("textarea", name="bio").all_text == "Учитель математики", "the bio is kept"
    assert db.session.scalars(select(MentorProfile)).all() == [], "nothing is saved from a refused submission"


@pytest.mark.parametrize("missing, href", [
    ({"forms": None}, "#forms-0"), ({"directions": None}, "#directions-0"), ({"subjects": " "}, "#subjects"),
    ({"bio": "x" * (BIO_MIN_LENGTH - 1)}, "#bio"),
])
def test_each_requirement_alone_refuses_the_submission(client, applicant, missing, href):
    response = submit_form(client, NEW, **missing)
    assert response.status_code == 422
    assert set(summary_links(response.get_data(as_text=True))) == {href}


def test_a_complete_profile_of_exactly_the_minimum_bio_is_submitted(client, applicant):
    response = submit_form(client, NEW, bio="я" * BIO_MIN_LENGTH)
    assert response.status_code == 303
    assert own_profile(applicant).status == ProfileStatus.PENDING


def test_a_draft_is_kept_incomplete_but_the_list_button_will_not_submit_it(client, applicant):
    assert save_draft(client, NEW, forms=None, directions=None, subjects="", bio="Коротко.").status_code == 303
    profile = own_profile(applicant)

    response = press(client, f"/account/mentor-profiles/{profile.id}/submit")
    assert response.status_code == 303 and own_profile(applicant).status == ProfileStatus.DRAFT
    assert "Отметьте хотя бы одну форму наставничества" in client.get(response.location).get_data(as_text=True)


def test_the_form_groups_the_vocabularies_and_explains_each_in_a_sentence(client, applicant):
    page = parse(client.get(NEW).get_data(as_text=True))
    sections = page.find_all("fieldset", **{"class": "term-section"})
    assert len(sections) == len(TERM_SECTIONS) == 3
    groups = [group for section in sections for group in section.find_all("fieldset", **{"class": "term-group"})]
    assert [group.attrs["id"] for group in groups] == [name for _, names in TERM_SECTIONS for name in names]
    assert sorted(group.attrs["id"] for group in groups) == sorted(TERM_FIELDS), "every vocabulary is asked"
    for group in groups:
        hint = page.find(id=f"{group.attrs['id']}-hint")
        assert hint is not None and len(hint.all_text) > 40, group.attrs["id"]
        assert f"{group.attrs['id']}-hint" in group.attrs["aria-describedby"]
    forms_hint = page.find(id="forms-hint").all_text
    assert "кто кого наставляет" in forms_hint
    assert f"Не меньше {BIO_MIN_LENGTH} символов" in page.find(id="bio-hint").all_text


def test_the_demo_bank_holds_only_cards_the_application_would_accept(app_context):
    populate(db.session, organisations=6, mentors=25, unpublished=0, seed=3, commit=False)
    profiles = db.session.scalars(select(MentorProfile).where(MentorProfile.status == ProfileStatus.APPROVED)).all()
    assert len(profiles) == 25
    for profile in profiles:
        gaps = card_gaps(profile.subjects, profile.bio, len(profile.terms_in(Vocabulary.FORM)),
                         len(profile.terms_in(Vocabulary.DIRECTION)))
        assert not gaps, (profile.id, sorted(gaps), profile.bio)
    db.session.rollback()
