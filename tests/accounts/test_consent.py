"""Withdrawing consent: to publication (the profiles leave the bank and the search), and to processing
(the account is closed and the personal data erased)."""
from sqlalchemy import select

from mentorbank.accounts.models import Role, User
from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.mentors.models import ProfileStatus
from mentorbank.notifications.models import Notification

from tests.conftest import post_form
from ..search.conftest import found_ids


def audit_actions(user) -> list[str]:
    return list(db.session.scalars(select(AuditEntry.action).where(AuditEntry.actor_id == user.id)
                                   .order_by(AuditEntry.id)))


def test_withdrawing_the_publication_consent_withdraws_the_profiles(client, make, log_in, participant):
    personal = make.mentor(user=participant, bio="Робототехника.")
    team = make.mentor(user=participant, is_team=True, team_name="Команда", bio="Робототехника.")
    db.session.commit()
    assert set(found_ids("робототехника")) == {personal.id, team.id}
    log_in(participant)

    response = post_form(client, "/account/consent", {"publication-confirm": "y", "publication-submit": "y"})

    assert response.status_code == 303
    assert found_ids("робототехника") == []
    for profile in (personal, team):
        assert client.get(f"/mentors/{profile.id}").status_code == 404
        db.session.refresh(profile)
        assert profile.status == ProfileStatus.WITHDRAWN and profile.publication_consent_at is None
    assert audit_actions(participant) == [
        "mentor_profile.withdraw", "mentor_profile.withdraw", "consent.publication_withdraw"]
    assert client.get("/account").status_code == 200  # the account stays


def test_each_withdrawal_needs_the_confirmation_box(client, make, log_in, participant):
    profile = make.mentor(user=participant)
    log_in(participant)
    for prefix in ("publication", "processing"):
        response = post_form(client, "/account/consent", {f"{prefix}-submit": "y"})
        assert response.status_code == 422
        assert 'aria-invalid="true"' in response.get_data(as_text=True)
    db.session.expire_all()
    assert profile.status == ProfileStatus.APPROVED and not participant.is_blocked


def test_closing_the_account_erases_the_personal_data(client, make, log_in):
    person = make.user(full_name="Орлова Елена Николаевна", email="elena.orlova@example.org", position="учитель",
                       roles=(Role.MODERATOR,))
    profile = make.mentor(user=person, phone="+7 900 123-45-67", bio="Робототехника.")
    db.session.add(Notification(user_id=person.id, kind="mentor_profile.approved"))
    db.session.commit()
    log_in(person)

    response = post_form(client, "/account/consent", {"processing-confirm": "y", "processing-submit": "y"})

    assert response.status_code == 303 and response.location == "/"
    db.session.expire_all()
    assert person.full_name == "Удалённый пользователь" and person.position is None
    assert person.email.endswith(".invalid") and "orlova" not in person.email
    assert person.password_hash is None and person.is_blocked and person.processing_consent_at is None
    assert person.role_grants == []
    assert profile.status == ProfileStatus.WITHDRAWN and profile.phone is None
    assert db.session.scalars(select(Notification).where(Notification.user_id == person.id)).all() == []
    assert found_ids("робототехника") == []
    assert "account.close" in audit_actions(person)
    # Logged out: the account pages ask for a log-in again, and the old password no longer works.
    assert client.get("/account").status_code == 302
    assert db.session.scalars(select(User).where(User.email == "elena.orlova@example.org")).first() is None
    assert not person.check_password("correct horse battery staple")


def test_two_closed_accounts_get_different_placeholders(client, make, log_in):
    emails = set()
    for number in range(2):
        person = log_in(make.user(email=f"closing{number}@example.org"))
        post_form(client, "/account/consent", {"processing-confirm": "y", "processing-submit": "y"})
        db.session.expire_all()
        emails.add(person.email)
    assert len(emails) == 2
