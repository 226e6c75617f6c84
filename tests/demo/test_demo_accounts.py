"""The demo log-ins: created by ``flask demo load``, printed by ``flask demo accounts``, and the only demo
people who can log in."""
from sqlalchemy import select

from mentorbank.accounts.models import User
from mentorbank.demo.accounts import ACCOUNTS, DEMO_PASSWORD
from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile, ProfileStatus
from mentorbank.moderation.queue import waiting_count

from ..conftest import Auth

SMALL_BANK = ["--organisations", "12", "--mentors", "30", "--unpublished", "12"]


def _demo_user(key: str) -> User:
    return db.session.scalar(select(User).where(User.email == f"{key}@demo.mentorbank.local"))


def test_demo_load_creates_the_accounts_and_prints_them(runner, app_context):
    loaded = runner.invoke(args=["demo", "load", *SMALL_BANK])
    assert loaded.exit_code == 0, loaded.output

    admin, moderator, curator = _demo_user("admin"), _demo_user("moderator"), _demo_user("curator")
    mentor, applicant, participant = _demo_user("mentor"), _demo_user("applicant"), _demo_user("participant")
    assert admin.is_admin and moderator.is_moderator and not moderator.is_admin
    [mentor_profile] = db.session.scalars(select(MentorProfile).where(MentorProfile.user_id == mentor.id))
    assert mentor_profile.status == ProfileStatus.APPROVED
    assert curator.is_curator_of(mentor_profile.organisation_id)
    [application] = db.session.scalars(select(MentorProfile).where(MentorProfile.user_id == applicant.id))
    assert application.status == ProfileStatus.PENDING and application.submitted_at is not None
    assert waiting_count() >= 1
    assert not participant.role_grants and participant.organisation_id is not None
    for person in (admin, moderator, curator, mentor, applicant, participant):
        assert person.is_confirmed and person.processing_consent_version and person.check_password(DEMO_PASSWORD)

    printed = runner.invoke(args=["demo", "accounts"])
    assert printed.exit_code == 0 and DEMO_PASSWORD in printed.output
    for account in ACCOUNTS:
        assert account.email in printed.output

    # A second load finds the database full and leaves everything as it is.
    again = runner.invoke(args=["demo", "load", *SMALL_BANK])
    assert again.exit_code == 0
    assert db.session.scalar(select(User.id).where(User.email == "admin@demo.mentorbank.local")) == admin.id


def test_demo_log_ins_work_and_generated_people_cannot_log_in(runner, client, app_context):
    assert runner.invoke(args=["demo", "load", *SMALL_BANK]).exit_code == 0
    auth = Auth(client)
    admin_login = auth.login(_demo_user("admin"), password=DEMO_PASSWORD)
    assert admin_login.status_code == 303
    assert client.get("/admin").status_code == 200
    auth.logout()

    generated = db.session.scalar(select(User).where(User.email.like("%@example.org")).order_by(User.id).limit(1))
    assert generated.password_hash is None
    for password in ("", DEMO_PASSWORD):
        assert auth.login(generated, password=password).status_code != 303


def test_an_empty_database_has_no_demo_accounts(runner, app_context):
    printed = runner.invoke(args=["demo", "accounts"])
    assert printed.exit_code == 0 and DEMO_PASSWORD not in printed.output


def test_the_demo_curator_has_a_filled_school_page(runner, client, app_context):
    assert runner.invoke(args=["demo", "load", *SMALL_BANK]).exit_code == 0
    curator = _demo_user("curator")
    [school_id] = curator.curated_organisation_ids
    html = client.get(f"/organisations/{school_id}").get_data(as_text=True)
    assert "«школа – школе»" in html and "priem@demo.mentorbank.local" in html and "ул. Школьная" in html
    Auth(client).login(curator, password=DEMO_PASSWORD)
    cabinet = client.get(f"/account/organisations/{school_id}")
    assert cabinet.status_code == 200 and _demo_user("mentor").full_name in cabinet.get_data(as_text=True)
