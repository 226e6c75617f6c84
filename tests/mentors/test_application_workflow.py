"""The mentor application over HTTP: draft → submit → returned → resubmit → approved; withdraw; revisions."""
import re

import pytest
from flask import current_app
from sqlalchemy import select

from mentorbank.accounts.models import Role
from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile, ProfileStatus
from mentorbank.moderation.decisions import approve_mentor_profile
from mentorbank.vocabularies.models import Vocabulary, terms_of

from ..search.conftest import found_ids
from .application_forms import BIO, own_profile, press, save_draft, submit_form

NEW = "/account/mentor-profiles/new"


def edit_url(profile) -> str:
    return f"/account/mentor-profiles/{profile.id}/edit"


def audit_actions(profile) -> list[str]:
    return list(db.session.scalars(
        select(AuditEntry.action).where(AuditEntry.target_id == profile.id, AuditEntry.target_type == "mentor_profile")
        .order_by(AuditEntry.id)
    ))


@pytest.fixture
def applicant(make, log_in):
    return log_in(make.user(full_name="Петрова Анна Сергеевна", email="anna.petrova@example.org"))


def test_the_form_offers_every_field_and_only_active_terms(client, applicant, make):
    retired = make.term(Vocabulary.DIRECTION, "ict")
    retired.is_active = False
    db.session.flush()
    html = client.get(NEW).get_data(as_text=True)
    for name in ("subjects", "experience_years", "achievements", "bio", "capacity", "accepting_requests", "phone",
                 "mentoring_consent", "publication_consent", "forms", "interaction_models", "kinds", "modes",
                 "directions", "tracks", "competences", "mentee_categories"):
        assert f'name="{name}"' in html, name
    assert 'name="team_name"' not in html
    for term in terms_of(Vocabulary.MODE):
        assert f'name="modes" type="checkbox" value="{term.id}"' in html
    assert f'value="{retired.id}"' not in html


def test_a_draft_is_saved_without_the_consents(client, applicant, make):
    remote = make.term(Vocabulary.MODE, "remote")
    response = save_draft(client, NEW, mentoring_consent=None, publication_consent=None, modes=str(remote.id),
                          forms=None, directions=None)
    profile = own_profile(applicant)
    assert response.status_code == 303 and response.location == edit_url(profile)
    assert profile.status == ProfileStatus.DRAFT
    assert profile.mentoring_consent_at is None and profile.publication_consent_at is None
    assert profile.bio == BIO and profile.capacity == 3
    assert profile.terms == [remote] and profile.organisation_id == applicant.organisation_id
    assert client.get(f"/mentors/{profile.id}").status_code == 404


@pytest.mark.parametrize("missing", ["mentoring_consent", "publication_consent"])
def test_submitting_needs_both_consents(client, applicant, missing):
    response = submit_form(client, NEW, **{missing: None})
    assert response.status_code == 422
    assert "Required to submit the profile for moderation." in response.get_data(as_text=True)
    assert db.session.scalars(select(MentorProfile).where(MentorProfile.user_id == applicant.id)).all() == []


def test_submitting_needs_a_confirmed_email(client, make, log_in):
    person = log_in(make.user(email="unconfirmed@example.org", confirmed=False))
    response = submit_form(client, NEW)
    assert response.status_code == 422
    assert "Confirm your e-mail address before submitting the profile." in response.get_data(as_text=True)

    save_draft(client, NEW)
    profile = own_profile(person)
    response = press(client, f"/account/mentor-profiles/{profile.id}/submit")
    assert response.status_code == 303 and response.location == edit_url(profile)
    page = client.get(response.location).get_data(as_text=True)
    assert "Confirm your e-mail address before submitting the profile." in page
    assert 'action="/auth/confirm/resend"' in page
    assert own_profile(person).status == ProfileStatus.DRAFT


def test_submit_returned_then_resubmitted(client, applicant, moderator):
    response = submit_form(client, NEW)
    assert response.status_code == 303 and response.location == "/account/mentor-profiles"
    profile = own_profile(applicant)
    assert profile.status == ProfileStatus.PENDING and profile.submitted_at is not None
    assert audit_actions(profile) == ["mentor_profile.submit"]

    # The moderator returns it with a reason (the moderation area does this; here directly).
    profile.status, profile.status_reason, profile.decided_by_id, profile.decided_at = (
        ProfileStatus.RETURNED, "Опишите достижения подробнее.", moderator.id, profile.submitted_at)
    db.session.flush()
    for page in ("/account/mentor-profiles", edit_url(profile), "/account/submissions"):
        html = client.get(page).get_data(as_text=True)
        assert "Опишите достижения подробнее." in html and 'data-status="returned"' in html, page

    response = submit_form(client, edit_url(profile), achievements="Автор пособия по геометрии.")
    assert response.status_code == 303
    profile = own_profile(applicant)
    assert profile.status == ProfileStatus.PENDING and profile.achievements == "Автор пособия по геометрии."
    assert audit_actions(profile) == ["mentor_profile.submit", "mentor_profile.submit"]


def test_a_draft_is_submitted_from_the_list(client, applicant):
    save_draft(client, NEW)
    profile = own_profile(applicant)
    response = press(client, f"/account/mentor-profiles/{profile.id}/submit")
    assert response.status_code == 303
    assert own_profile(applicant).status == ProfileStatus.PENDING
    # Once waiting, it is not submitted twice.
    press(client, f"/account/mentor-profiles/{profile.id}/submit")
    assert audit_actions(profile) == ["mentor_profile.submit"]


def test_saving_a_pending_profile_takes_it_back_to_draft(client, applicant):
    submit_form(client, NEW)
    profile = own_profile(applicant)
    save_draft(client, edit_url(profile), bio="Исправленный текст.")
    assert own_profile(applicant).status == ProfileStatus.DRAFT


def test_withdrawal_takes_the_card_out_of_the_bank_and_the_search_at_once(client, applicant, make):
    profile = make.mentor(user=applicant, bio="Робототехника и конструирование.")
    db.session.commit()
    assert client.get(f"/mentors/{profile.id}").status_code == 200
    assert found_ids("робототехника") == [profile.id]

    response = press(client, f"/account/mentor-profiles/{profile.id}/withdraw")

    assert response.status_code == 303
    assert client.get(f"/mentors/{profile.id}").status_code == 404
    assert found_ids("робототехника") == []
    profile = own_profile(applicant)
    assert profile.status == ProfileStatus.WITHDRAWN and profile.publication_consent_at is None
    assert audit_actions(profile) == ["mentor_profile.withdraw"]


def test_a_withdrawn_profile_is_edited_and_submitted_again(client, applicant, make):
    profile = make.mentor(user=applicant, status=ProfileStatus.WITHDRAWN)
    profile.publication_consent_at = None
    # The consent to publication was withdrawn with the profile: it must be given again.
    assert press(client, f"/account/mentor-profiles/{profile.id}/submit").status_code == 303
    assert own_profile(applicant).status == ProfileStatus.WITHDRAWN
    assert submit_form(client, edit_url(profile)).status_code == 303
    profile = own_profile(applicant)
    assert profile.status == ProfileStatus.PENDING and profile.publication_consent_at is not None


def test_editing_an_approved_profile_goes_through_a_revision(client, applicant, make):
    published = make.mentor(user=applicant, bio="Старый текст о себе.")
    db.session.commit()

    response = save_draft(client, edit_url(published), bio="Новый текст о себе. " + BIO)
    assert response.status_code == 303 and response.location == edit_url(published)
    published = own_profile(applicant)
    revision = published.pending_revision
    assert revision is not None and revision.status == ProfileStatus.DRAFT and revision.bio.startswith("Новый текст о себе.")
    assert published.status == ProfileStatus.APPROVED and published.bio == "Старый текст о себе."
    # The form shows the revision, the public page the approved version.
    assert "Новый текст о себе." in client.get(edit_url(published)).get_data(as_text=True)
    public = client.get(f"/mentors/{published.id}").get_data(as_text=True)
    assert "Старый текст о себе." in public and "Новый текст о себе." not in public

    assert press(client, f"/account/mentor-profiles/{revision.id}/submit").status_code == 303
    published = own_profile(applicant)
    assert published.pending_revision.status == ProfileStatus.PENDING
    assert published.status == ProfileStatus.APPROVED
    assert "Старый текст о себе." in client.get(f"/mentors/{published.id}").get_data(as_text=True)

    moderator = make.user("Модератор Пётр", email="moderator@example.org", roles=(Role.MODERATOR,))
    with current_app.test_request_context():  # the author's notification renders a mail
        approve_mentor_profile(published.pending_revision, moderator)
    db.session.commit()
    public = client.get(f"/mentors/{published.id}").get_data(as_text=True)
    assert "Новый текст о себе." in public and "Старый текст о себе." not in public
    assert found_ids("текст") == [published.id]


def test_withdrawing_an_approved_profile_keeps_its_unsubmitted_changes(client, applicant, make):
    published = make.mentor(user=applicant, bio="Старый текст.")
    save_draft(client, edit_url(published), bio="Новый текст.")
    press(client, f"/account/mentor-profiles/{published.id}/withdraw")
    profile = own_profile(applicant)
    assert profile.status == ProfileStatus.WITHDRAWN and profile.bio == "Новый текст."
    assert profile.pending_revision is None


def test_one_personal_profile_per_person(client, applicant):
    save_draft(client, NEW)
    profile = own_profile(applicant)
    response = client.get(NEW)
    assert response.status_code == 303 and response.location == edit_url(profile)
    assert save_draft(client, NEW).status_code == 303
    assert len(db.session.scalars(select(MentorProfile).where(MentorProfile.user_id == applicant.id)).all()) == 1


def test_a_team_profile_belongs_to_the_speakers_organisation(client, applicant):
    assert 'name="team_name"' in client.get(f"{NEW}?team=1").get_data(as_text=True)
    assert save_draft(client, f"{NEW}?team=1").status_code == 422  # a team needs its name
    response = save_draft(client, f"{NEW}?team=1", team_name="Команда наставников лицея")
    team = own_profile(applicant, team=True)
    assert response.status_code == 303
    assert team.team_name == "Команда наставников лицея" and team.organisation_id == applicant.organisation_id
    assert client.get(f"{NEW}?team=1").location == edit_url(team)
    # The personal profile is still free to create.
    assert client.get(NEW).status_code == 200


def test_a_failed_form_keeps_everything_typed(client, applicant, make):
    remote = make.term(Vocabulary.MODE, "remote")
    response = save_draft(
        client, NEW, capacity="25", experience_years="много", subjects="химия; биология",
        bio="Мой текст о себе.", achievements="Мои достижения.", modes=str(remote.id), phone="+7 900 000-00-00",
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'aria-invalid="true"' in html
    for typed in ('value="25"', 'value="много"', 'value="химия; биология"', "Мой текст о себе.", "Мои достижения.",
                  'value="+7 900 000-00-00"'):
        assert typed in html, typed
    assert _is_checked(html, "modes", remote.id)
    assert db.session.scalars(select(MentorProfile).where(MentorProfile.user_id == applicant.id)).all() == []


def _is_checked(html: str, name: str, value: int) -> bool:
    return any("checked" in tag for tag in re.findall(rf'<input[^>]*name="{name}"[^>]*value="{value}"[^>]*>', html))


def test_a_term_that_is_not_offered_is_refused(client, applicant, make):
    wrong_vocabulary = make.term(Vocabulary.ORGANISATION_KIND, "school")
    assert save_draft(client, NEW, modes=str(wrong_vocabulary.id)).status_code == 422
    assert save_draft(client, NEW, modes="not-a-number").status_code == 422
