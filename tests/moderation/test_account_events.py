"""Account events (accounts/signals.py) reach the mentor profiles: blocking a person empties their part of the
moderators' queue, as withdrawing the consent to publication does."""
from sqlalchemy import select

from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile, ProfileStatus

from .conftest import submitted


def queue_html(client, log_in, moderator) -> str:
    log_in(moderator)
    return client.get("/moderation").get_data(as_text=True)


def test_blocking_a_user_takes_their_pending_revision_and_profile_out_of_the_queue(
        client, log_in, admin_user, moderator, make, published_profile, pending_revision, post):
    team = submitted(make.mentor("Команда Орловой", user=published_profile.user, status=ProfileStatus.DRAFT,
                                 is_team=True, team_name="Команда Орловой"))
    other = submitted(make.mentor("Белова Ирина", status=ProfileStatus.DRAFT, email="belova@example.org"))
    db.session.commit()
    html = queue_html(client, log_in, moderator)
    for item in (pending_revision, team, other):
        assert f'data-queue-item="mentor_profile-{item.id}"' in html
    revision_id = pending_revision.id

    log_in(admin_user)
    response = post(f"/admin/users/{published_profile.user_id}/block", reason="Чужие данные.")
    assert response.status_code == 303
    assert "Mentor profiles withdrawn from the bank: 2." in client.get(response.location).get_data(as_text=True)

    html = queue_html(client, log_in, moderator)
    assert f'data-queue-item="mentor_profile-{revision_id}"' not in html
    assert f'data-queue-item="mentor_profile-{team.id}"' not in html
    assert f'data-queue-item="mentor_profile-{other.id}"' in html
    db.session.expire_all()
    assert db.session.get(MentorProfile, revision_id) is None
    assert db.session.get(MentorProfile, published_profile.id).status == ProfileStatus.WITHDRAWN
    assert db.session.get(MentorProfile, team.id).status == ProfileStatus.WITHDRAWN
    # The consent to publication is the person's own: blocking does not withdraw it for them.
    assert db.session.get(MentorProfile, published_profile.id).publication_consent_at is not None
    withdrawals = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "mentor_profile.withdraw")).all()
    assert {entry.target_id for entry in withdrawals} == {published_profile.id, team.id}
    assert {entry.actor_id for entry in withdrawals} == {admin_user.id}
