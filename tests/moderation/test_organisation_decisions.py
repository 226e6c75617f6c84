"""Proposed organisations: the detail, approval into the directory, rejection with a reason."""
from sqlalchemy import select

from mentorbank.accounts.models import User
from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.mentors.models import ProfileStatus
from mentorbank.notifications.models import Notification
from mentorbank.organisations.models import Organisation, OrganisationStatus

from .conftest import submitted


def proposer_of(organisation) -> User:
    return db.session.get(User, organisation.proposed_by_id)


def test_detail_shows_the_organisation_and_who_proposed_it(client, as_moderator, proposed_organisation):
    html = client.get(f"/moderation/organisations/{proposed_organisation.id}").get_data(as_text=True)
    assert "МБОУ «Школа № 777»" in html and "г. Казань" in html and "Республика Татарстан" in html
    assert "Новикова Дарья Олеговна" in html and proposer_of(proposed_organisation).email in html
    assert 'data-status="proposed"' in html
    assert f'action="/moderation/organisations/{proposed_organisation.id}/approve"' in html
    assert f'action="/moderation/organisations/{proposed_organisation.id}/reject"' in html


def test_approve_adds_it_to_the_public_directory_and_the_index(
        client, as_moderator, moderator, proposed_organisation, post, outbox):
    assert client.get(f"/organisations/{proposed_organisation.id}").status_code == 404

    response = post(f"/moderation/organisations/{proposed_organisation.id}/approve")

    assert response.status_code == 303 and response.headers["Location"] == "/moderation"
    assert proposed_organisation.status == OrganisationStatus.APPROVED
    assert client.get(f"/organisations/{proposed_organisation.id}").status_code == 200
    assert f'href="/organisations/{proposed_organisation.id}"' in client.get("/search?q=777").get_data(as_text=True)
    [entry] = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "organisation.approve")).all()
    assert (entry.actor_id, entry.target_id) == (moderator.id, proposed_organisation.id)
    [notification] = db.session.scalars(select(Notification)).all()
    assert (notification.user_id, notification.kind) == (proposed_organisation.proposed_by_id, "organisation.approved")
    assert [mail["To"] for mail in outbox()] == [proposer_of(proposed_organisation).email]


def test_reject_needs_a_reason(as_moderator, proposed_organisation, post):
    response = post(f"/moderation/organisations/{proposed_organisation.id}/reject", reason="", confirm="y")
    assert response.status_code == 422 and 'aria-invalid="true"' in response.get_data(as_text=True)
    assert proposed_organisation.status == OrganisationStatus.PROPOSED


def test_reject_removes_it_and_leaves_its_people_without_an_organisation(
        as_moderator, moderator, proposed_organisation, post, outbox):
    organisation_id, proposer = proposed_organisation.id, proposer_of(proposed_organisation)
    reason = "Такая школа уже есть в справочнике: МБОУ «Школа № 77»."

    response = post(f"/moderation/organisations/{organisation_id}/reject", reason=reason, confirm="y")

    assert response.status_code == 303
    assert db.session.get(Organisation, organisation_id) is None
    assert proposer.organisation_id is None
    [entry] = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "organisation.reject")).all()
    assert (entry.actor_id, entry.reason, entry.target_id) == (moderator.id, reason, organisation_id)
    assert entry.details["name"] == "МБОУ «Школа № 777»"
    [notification] = db.session.scalars(select(Notification).where(Notification.user_id == proposer.id)).all()
    assert (notification.kind, notification.message) == ("organisation.rejected", reason)
    [mail] = outbox()
    assert mail["To"] == proposer.email and "МБОУ «Школа № 77»" in mail.get_content()


def test_an_organisation_named_by_a_mentor_profile_cannot_be_rejected(
        client, as_moderator, make, proposed_organisation, post):
    submitted(make.mentor("Автор Анкеты", status=ProfileStatus.DRAFT, org=proposed_organisation))
    url = f"/moderation/organisations/{proposed_organisation.id}"
    assert "data-organisation-in-use" in client.get(url).get_data(as_text=True)

    response = post(f"{url}/reject", reason="Нет такой школы.", confirm="y")

    assert response.status_code == 303 and response.headers["Location"] == url
    assert db.session.get(Organisation, proposed_organisation.id) is not None
    assert db.session.scalars(select(AuditEntry)).all() == []


def test_an_approved_organisation_cannot_be_decided_again(as_moderator, make, post, outbox):
    organisation = make.organisation("МБОУ «Гимназия № 1»")
    for action in ("approve", "reject"):
        response = post(f"/moderation/organisations/{organisation.id}/{action}", reason="Повтор.")
        assert response.status_code == 303 and response.headers["Location"] == "/moderation"
    assert db.session.get(Organisation, organisation.id).status == OrganisationStatus.APPROVED
    assert db.session.scalars(select(AuditEntry)).all() == [] and outbox() == []
