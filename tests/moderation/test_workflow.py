"""The one submission workflow (core/workflow.py): the transition table, the compare-and-set claim, the stamps,
and the rule that nobody decides on their own record."""
import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from mentorbank.accounts.models import Role, RoleGrant, User
from mentorbank.audit.models import AuditEntry
from mentorbank.core.models import utcnow
from mentorbank.core.workflow import AlreadyDecided, OwnRecord, TransitionRefused, transition
from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile, ProfileStatus
from mentorbank.organisations.models import Organisation, OrganisationStatus

from .conftest import make_revision, propose_organisation, submitted


@pytest.fixture
def in_request(app):
    """The services called directly, as a route calls them (the author's notification renders a mail)."""
    with app.test_request_context():
        yield


def actions() -> list[str]:
    return db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()


def test_a_moderator_cannot_approve_or_return_their_own_profile(client, log_in, make, post, outbox):
    own = submitted(make.mentor("Соколова Ирина Викторовна", status=ProfileStatus.DRAFT, email="moderator@example.org"))
    own.user.role_grants.append(RoleGrant(role=Role.MODERATOR))
    db.session.flush()
    log_in(own.user)
    for action, data in (("approve", {"confirm": "y"}), ("return", {"reason": "Сама себе."})):
        response = post(f"/moderation/mentor-profiles/{own.id}/{action}", **data)
        assert response.status_code == 303 and response.location == f"/moderation/mentor-profiles/{own.id}"
        assert "You cannot decide on your own submission" in client.get(response.location).get_data(as_text=True)
    assert db.session.get(MentorProfile, own.id).status == ProfileStatus.PENDING
    assert actions() == [] and outbox() == []


def test_a_moderator_cannot_decide_on_their_own_revision(client, log_in, make, post):
    published = make.mentor("Соколова Ирина Викторовна", email="moderator@example.org")
    published.user.role_grants.append(RoleGrant(role=Role.MODERATOR))
    revision = make_revision(published, bio="Новый текст.")
    log_in(published.user)
    response = post(f"/moderation/mentor-profiles/{revision.id}/approve", confirm="y")
    assert response.location == f"/moderation/mentor-profiles/{revision.id}"
    assert db.session.get(MentorProfile, published.id).bio != "Новый текст."
    assert db.session.get(MentorProfile, revision.id).status == ProfileStatus.PENDING


def test_a_moderator_cannot_approve_or_reject_an_organisation_they_proposed(client, log_in, make, post):
    organisation = propose_organisation(make)
    proposer = db.session.get(User, organisation.proposed_by_id)
    proposer.role_grants.append(RoleGrant(role=Role.MODERATOR))
    db.session.flush()
    log_in(proposer)
    for action in ("approve", "reject"):
        response = post(f"/moderation/organisations/{organisation.id}/{action}", reason="Моя.", confirm="y")
        assert response.location == f"/moderation/organisations/{organisation.id}"
    assert db.session.get(Organisation, organisation.id).status == OrganisationStatus.PROPOSED
    assert actions() == []


def test_another_moderator_decides_and_the_decision_is_stamped(in_request, moderator, pending_profile):
    transition(pending_profile, ProfileStatus.RETURNED, moderator, "  Уточните направления.  ")
    assert pending_profile.status == ProfileStatus.RETURNED
    assert pending_profile.decided_by_id == moderator.id and pending_profile.decided_at is not None
    assert pending_profile.status_reason == "Уточните направления."
    assert actions() == ["mentor_profile.return"]


def test_steps_outside_the_table_are_refused_before_anything_changes(in_request, moderator, make, pending_profile):
    draft = make.mentor(status=ProfileStatus.DRAFT, email="draft@example.org")
    with pytest.raises(AlreadyDecided):  # a decision on what does not wait for one
        transition(draft, ProfileStatus.APPROVED, moderator)
    with pytest.raises(TransitionRefused):
        transition(draft, ProfileStatus.RETURNED, draft.user, "?")
    with pytest.raises(TransitionRefused):  # a return needs a reason
        transition(pending_profile, ProfileStatus.RETURNED, moderator, "   ")
    with pytest.raises(TransitionRefused):  # publishing on the registry's word is the site's step only
        transition(draft, ProfileStatus.APPROVED, draft.user)
    assert draft.status == ProfileStatus.DRAFT and pending_profile.status == ProfileStatus.PENDING
    assert actions() == []


def test_a_decision_another_moderator_took_a_moment_ago_is_a_conflict(in_request, moderator, make, pending_profile):
    # Another worker returned it: the row changed in the database, this session still sees it pending.
    other = make.user("Другой Модератор", email="other@example.org")
    db.session.execute(update(MentorProfile).where(MentorProfile.id == pending_profile.id).values(
        status=ProfileStatus.RETURNED, status_reason="Поздно.", decided_at=pending_profile.submitted_at,
        decided_by_id=other.id).execution_options(synchronize_session=False))
    assert pending_profile.status == ProfileStatus.PENDING
    with pytest.raises(AlreadyDecided):
        transition(pending_profile, ProfileStatus.APPROVED, moderator)
    assert actions() == []


def test_self_decision_is_refused_in_the_service_too(in_request, make, pending_profile):
    with pytest.raises(OwnRecord):
        transition(pending_profile, ProfileStatus.APPROVED, pending_profile.user)


@pytest.mark.parametrize("values", [
    {"status": "returned", "status_reason": None, "decided_at": None},
    {"status": "returned", "status_reason": "  ", "decided_at": utcnow()},
    {"status": "approved", "decided_at": None},
])
def test_the_database_holds_the_invariants(pending_profile, values):
    with pytest.raises(IntegrityError):
        with db.session.begin_nested():
            db.session.execute(update(MentorProfile).where(MentorProfile.id == pending_profile.id).values(**values))
