"""Approving and returning mentor profiles: new ones and revisions of published ones."""
import pytest
from sqlalchemy import select

from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile, ProfileStatus
from mentorbank.notifications.models import Notification
from mentorbank.organisations.models import OrganisationStatus

from .conftest import make_revision, propose_organisation, submitted


def audit_entries(action: str) -> list[AuditEntry]:
    return db.session.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()


def notifications_of(user) -> list[Notification]:
    return db.session.scalars(select(Notification).where(Notification.user_id == user.id)).all()


def test_detail_shows_every_field_the_author_and_the_organisation(client, as_moderator, make):
    profile = submitted(make.mentor(
        "Белова Ирина", status=ProfileStatus.DRAFT, email="irina.belova@example.org", phone="+7 900 111-22-33",
        subjects="химия; биология", experience_years=12, achievements="Автор пособия по химии.",
        bio="Веду практикум.", capacity=5, terms={"direction": ["methodical"]},
    ))
    html = client.get(f"/moderation/mentor-profiles/{profile.id}").get_data(as_text=True)
    for text in ("Белова Ирина", "irina.belova@example.org", "+7 900 111-22-33", "химия, биология", "12 years",
                 "Автор пособия по химии.", "Веду практикум.", profile.organisation.name, "Waiting for a decision",
                 "methodical"):
        assert text in html, text
    assert 'action="/moderation/mentor-profiles/%d/approve"' % profile.id in html
    assert 'name="reason"' in html


def test_approve_a_new_profile_publishes_it(client, as_moderator, moderator, pending_profile, post, outbox):
    response = post(f"/moderation/mentor-profiles/{pending_profile.id}/approve", confirm="y")

    assert response.status_code == 303
    assert response.headers["Location"] == f"/moderation/mentor-profiles/{pending_profile.id}"
    assert "The mentor profile is approved and published." in client.get(response.headers["Location"]).text
    assert pending_profile.status == ProfileStatus.APPROVED
    assert pending_profile.published_at and pending_profile.decided_at
    assert pending_profile.decided_by_id == moderator.id and pending_profile.status_reason is None
    [entry] = audit_entries("mentor_profile.approve")
    assert (entry.actor_id, entry.target_type, entry.target_id) == (moderator.id, "mentor_profile", pending_profile.id)
    [notification] = notifications_of(pending_profile.user)
    assert notification.kind == "mentor_profile.approved" and notification.is_unread
    [mail] = outbox()
    assert mail["To"] == "olga.smirnova@example.org"
    assert client.get(f"/mentors/{pending_profile.id}").status_code == 200


def test_approve_a_profile_of_a_proposed_organisation_approves_the_organisation(
        as_moderator, make, post, outbox):
    organisation = propose_organisation(make, "МБОУ «Лицей № 88»")
    profile = submitted(make.mentor("Зайцева Анна", status=ProfileStatus.DRAFT, org=organisation))

    post(f"/moderation/mentor-profiles/{profile.id}/approve", confirm="y")

    assert organisation.status == OrganisationStatus.APPROVED
    assert [e.target_id for e in audit_entries("organisation.approve")] == [organisation.id]
    proposer = db.session.get(type(profile.user), organisation.proposed_by_id)
    assert [n.kind for n in notifications_of(proposer)] == ["organisation.approved"]
    assert len(outbox()) == 2  # the author and the proposer


def test_approve_a_revision_that_moves_to_a_proposed_organisation_approves_it(
        client, as_moderator, make, published_profile, post):
    organisation = propose_organisation(make, "МБОУ «Лицей № 99»")
    revision = make_revision(published_profile, organisation_id=organisation.id)
    html = client.get(f"/moderation/mentor-profiles/{revision.id}").text
    assert 'data-changed-field="organisation_id"' in html and "<ins>МБОУ «Лицей № 99»</ins>" in html
    assert "data-organisation-proposed" in html

    post(f"/moderation/mentor-profiles/{revision.id}/approve", confirm="y")

    assert organisation.status == OrganisationStatus.APPROVED
    assert published_profile.organisation_id == organisation.id


def test_return_needs_a_reason_and_keeps_what_was_typed(client, as_moderator, pending_profile, post, outbox):
    response = post(f"/moderation/mentor-profiles/{pending_profile.id}/return", reason="   ")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'aria-invalid="true"' in html and "Write the reason" in html
    assert pending_profile.status == ProfileStatus.PENDING
    assert audit_entries("mentor_profile.return") == [] and outbox() == []

    too_long = "Слишком длинно. " * 200
    response = post(f"/moderation/mentor-profiles/{pending_profile.id}/return", reason=too_long)
    assert response.status_code == 422
    assert too_long.strip() in response.get_data(as_text=True)


def test_return_with_a_reason(client, as_moderator, moderator, pending_profile, post, outbox):
    reason = "Опишите, с какими затруднениями молодых педагогов вы работаете."
    response = post(f"/moderation/mentor-profiles/{pending_profile.id}/return", reason=f"  {reason}\n")

    assert response.status_code == 303 and response.headers["Location"] == "/moderation"
    assert pending_profile.status == ProfileStatus.RETURNED
    assert pending_profile.status_reason == reason and pending_profile.decided_by_id == moderator.id
    [entry] = audit_entries("mentor_profile.return")
    assert (entry.actor_id, entry.reason, entry.target_id) == (moderator.id, reason, pending_profile.id)
    [notification] = notifications_of(pending_profile.user)
    assert (notification.kind, notification.message) == ("mentor_profile.returned", reason)
    [mail] = outbox()
    assert mail["To"] == "olga.smirnova@example.org" and reason in mail.get_content()
    assert client.get(f"/mentors/{pending_profile.id}").status_code == 404


def test_revision_detail_shows_what_changed(client, as_moderator, make, published_profile):
    revision = make_revision(published_profile, bio="Веду кружок астрономии.", capacity=7, accepting_requests=False)
    revision.set_terms("mode", [make.term("mode", "blended")])
    db.session.flush()

    html = client.get(f"/moderation/mentor-profiles/{revision.id}").get_data(as_text=True)

    assert "Changes to a published mentor profile." in html
    assert f'href="/mentors/{published_profile.id}"' in html
    assert 'data-changed-field="bio"' in html
    assert "Веду кружок робототехники." in html and "Веду кружок астрономии." in html
    assert 'data-changed-field="capacity"' in html and "<del>3</del> → <ins>7</ins>" in html
    assert "<del>yes</del> → <ins>no</ins>" in html
    assert 'data-changed-field="subjects"' not in html
    assert 'data-changed-terms="Mode"' in html
    assert "Added: <ins>blended</ins>" in html and "Removed: <del>remote</del>" in html


def test_approving_a_revision_publishes_its_content_on_the_profile(
        client, as_moderator, moderator, published_profile, pending_revision, post, outbox):
    revision_id = pending_revision.id
    response = post(f"/moderation/mentor-profiles/{revision_id}/approve", confirm="y")

    assert response.headers["Location"] == f"/moderation/mentor-profiles/{published_profile.id}"
    assert db.session.get(MentorProfile, revision_id) is None
    assert published_profile.bio == "Веду кружок астрономии и телескопостроения."
    assert published_profile.status == ProfileStatus.APPROVED and published_profile.decided_by_id == moderator.id
    [entry] = audit_entries("mentor_profile.approve")
    assert entry.target_id == published_profile.id
    assert entry.details["revision_id"] == revision_id and entry.details["changed"] == ["bio"]
    assert [n.kind for n in notifications_of(published_profile.user)] == ["mentor_profile.revision_approved"]
    assert len(outbox()) == 1


def test_a_returned_revision_keeps_the_published_version_public(
        client, as_moderator, published_profile, pending_revision, post):
    post(f"/moderation/mentor-profiles/{pending_revision.id}/return", reason="Уточните, что за телескопы.")

    assert pending_revision.status == ProfileStatus.RETURNED
    assert published_profile.status == ProfileStatus.APPROVED
    html = client.get(f"/mentors/{published_profile.id}").get_data(as_text=True)
    assert "Веду кружок робототехники." in html and "телескоп" not in html
    [entry] = audit_entries("mentor_profile.return")
    assert entry.target_id == published_profile.id and entry.details["revision_id"] == pending_revision.id
    assert [n.kind for n in notifications_of(published_profile.user)] == ["mentor_profile.revision_returned"]


def test_history_shows_earlier_decisions(client, as_moderator, published_profile, pending_revision, post):
    post(f"/moderation/mentor-profiles/{pending_revision.id}/return", reason="Первое замечание.")
    submitted(pending_revision)

    html = client.get(f"/moderation/mentor-profiles/{pending_revision.id}").get_data(as_text=True)
    assert 'data-audit-action="mentor_profile.return"' in html and "Первое замечание." in html
    assert "Соколова Ирина Викторовна" in html


@pytest.mark.parametrize("status", [ProfileStatus.APPROVED, ProfileStatus.RETURNED, ProfileStatus.DRAFT,
                                    ProfileStatus.WITHDRAWN])
def test_only_pending_profiles_can_be_decided(client, as_moderator, make, post, outbox, status):
    profile = make.mentor(status=status)
    for action, data in (("approve", {}), ("return", {"reason": "Поздно."})):
        response = post(f"/moderation/mentor-profiles/{profile.id}/{action}", **data)
        assert response.status_code == 303 and response.headers["Location"] == "/moderation"
    assert profile.status == status
    assert db.session.scalars(select(AuditEntry)).all() == [] and outbox() == []
    assert "already been decided" in client.get("/moderation").get_data(as_text=True)
    assert 'name="reason"' not in client.get(f"/moderation/mentor-profiles/{profile.id}").get_data(as_text=True)


def test_a_second_approval_of_the_same_profile_is_refused(as_moderator, pending_profile, post):
    post(f"/moderation/mentor-profiles/{pending_profile.id}/approve", confirm="y")
    response = post(f"/moderation/mentor-profiles/{pending_profile.id}/approve", confirm="y")
    assert response.headers["Location"] == "/moderation"
    assert len(audit_entries("mentor_profile.approve")) == 1
