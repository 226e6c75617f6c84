"""``flask users create|grant|revoke|list``: what an operator types and what they are told."""
import pytest
from sqlalchemy import select

from mentorbank.accounts.models import User
from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db

PASSWORD = "operator-set-password"


@pytest.fixture
def users(runner, app_context):
    """Run ``flask users …``; the command commits into the test's rolled-back transaction."""

    def invoke(*args, password: str | None = PASSWORD, **kwargs):
        env = {"MENTORBANK_PASSWORD": password} if password else {}
        return runner.invoke(args=["users", *args], env=env, **kwargs)

    return invoke


def _user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


def _actions(user: User) -> list[tuple[str, int | None]]:
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.target_id == user.id,
                                                          AuditEntry.target_type == "user_account"))
    return [(entry.action, entry.actor_id) for entry in entries]


def test_create_a_moderator_from_the_environment_password(users, app):
    result = users("create", "--email", " Sokolova@Example.org ", "--name", "Соколова Ирина Викторовна",
                   "--role", "moderator", "--position", "методист")
    assert result.exit_code == 0, result.output
    created = _user("sokolova@example.org")
    assert created.check_password(PASSWORD) and created.is_moderator and created.is_confirmed
    assert created.processing_consent_at is not None
    assert created.processing_consent_version == app.config["PROCESSING_CONSENT_VERSION"]
    assert created.position == "методист"
    assert _actions(created) == [("user.create", None), ("role.grant", None)]
    assert "sokolova@example.org" in result.output


def test_the_password_can_be_typed_twice_at_a_hidden_prompt(users):
    result = users("create", "--email", "typed@example.org", "--name", "Петров Олег", password=None,
                   input="typed-password-1\ntyped-password-1\n")
    assert result.exit_code == 0, result.output
    assert "typed-password-1" not in result.output
    assert _user("typed@example.org").check_password("typed-password-1")


def test_a_mistyped_confirmation_asks_again(users):
    result = users("create", "--email", "retry@example.org", "--name", "Петров Олег", password=None,
                   input="first-password\nother-password\nfinal-password\nfinal-password\n")
    assert result.exit_code == 0, result.output
    assert _user("retry@example.org").check_password("final-password")


def test_refusals_exit_with_1_and_say_why(users, make):
    make.user(email="taken@example.org")
    duplicate = users("create", "--email", "TAKEN@example.org", "--name", "Двойник")
    assert duplicate.exit_code == 1 and "taken@example.org" in duplicate.output

    curator = users("create", "--email", "curator@example.org", "--name", "Куратор", "--role", "curator")
    assert curator.exit_code == 1 and "--organisation" in curator.output
    unknown_org = users("create", "--email", "curator@example.org", "--name", "Куратор", "--role", "curator",
                        "--organisation", "999999")
    assert unknown_org.exit_code == 1 and "999999" in unknown_org.output
    short = users("create", "--email", "short@example.org", "--name", "Коротко", password="short")
    assert short.exit_code == 1
    bad_role = users("create", "--email", "king@example.org", "--name", "Король", "--role", "king")
    assert bad_role.exit_code == 2
    assert not any(_user(email) for email in ("curator@example.org", "short@example.org", "king@example.org"))


def test_create_a_curator_of_an_organisation(users, make):
    school = make.organisation()
    result = users("create", "--email", "curator@example.org", "--name", "Куратор Анна", "--role", "curator",
                   "--organisation", str(school.id))
    assert result.exit_code == 0, result.output
    created = _user("curator@example.org")
    assert created.is_curator_of(school.id) and created.organisation_id == school.id


def test_grant_and_revoke_are_idempotent_and_audited(users, participant):
    first = users("grant", "--email", participant.email, "--role", "admin")
    second = users("grant", "--email", participant.email, "--role", "admin")
    assert first.exit_code == second.exit_code == 0
    assert first.output != second.output
    db.session.refresh(participant)
    assert participant.is_admin and len(participant.role_grants) == 1

    revoked = users("revoke", "--email", participant.email, "--role", "admin")
    not_granted = users("revoke", "--email", participant.email, "--role", "admin")
    assert revoked.exit_code == not_granted.exit_code == 0
    assert revoked.output != not_granted.output
    db.session.refresh(participant)
    assert not participant.is_admin
    assert _actions(participant) == [("role.grant", None), ("role.revoke", None)]


def test_curator_grants_name_their_organisation(users, participant, make):
    school = make.organisation()
    assert users("grant", "--email", participant.email, "--role", "curator").exit_code == 1
    assert users("grant", "--email", participant.email, "--role", "moderator",
                 "--organisation", str(school.id)).exit_code == 1
    assert users("grant", "--email", participant.email, "--role", "curator",
                 "--organisation", str(school.id)).exit_code == 0
    db.session.refresh(participant)
    assert participant.is_curator_of(school.id)
    assert users("revoke", "--email", participant.email, "--role", "curator",
                 "--organisation", str(school.id)).exit_code == 0
    db.session.refresh(participant)
    assert not participant.curated_organisation_ids


def test_an_unknown_email_is_an_error(users):
    result = users("grant", "--email", "nobody@example.org", "--role", "moderator")
    assert result.exit_code == 1 and "nobody@example.org" in result.output


def test_list_users_by_role(users, participant, moderator):
    everyone = users("list").output
    assert participant.email in everyone and moderator.email in everyone
    moderators = users("list", "--role", "moderator").output
    assert moderator.email in moderators and participant.email not in moderators
