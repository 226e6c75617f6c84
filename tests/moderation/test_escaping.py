"""What authors and moderators type is shown as text on the moderation pages, never run as markup."""
from mentorbank.audit.models import record
from mentorbank.extensions import db
from mentorbank.mentors.models import ProfileStatus

from .conftest import make_revision, propose_organisation, submitted

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
SHORT_PAYLOAD = "<b onclick=alert(1)>7</b>"  # fits the phone column


def assert_escaped(html: str) -> None:
    assert PAYLOAD not in html and "<img src=x" not in html and ESCAPED in html


def test_profile_fields_are_escaped_in_the_queue_and_the_detail(client, as_moderator, make):
    author = make.user(full_name=PAYLOAD, position=PAYLOAD, email="xss@example.org")
    profile = submitted(make.mentor(
        user=author, status=ProfileStatus.DRAFT, is_team=True, team_name=PAYLOAD, subjects=PAYLOAD,
        achievements=PAYLOAD, bio=PAYLOAD, phone=SHORT_PAYLOAD,
    ))
    assert_escaped(client.get("/moderation").get_data(as_text=True))
    html = client.get(f"/moderation/mentor-profiles/{profile.id}").get_data(as_text=True)
    assert_escaped(html)
    assert html.count(ESCAPED) >= 6
    assert SHORT_PAYLOAD not in html and "&lt;b onclick=alert(1)&gt;7&lt;/b&gt;" in html


def test_a_revision_diff_is_escaped(client, as_moderator, published_profile):
    revision = make_revision(published_profile, bio=PAYLOAD, subjects=PAYLOAD)
    assert_escaped(client.get(f"/moderation/mentor-profiles/{revision.id}").get_data(as_text=True))


def test_a_reason_is_escaped_on_return_history_and_the_audit_log(client, as_moderator, pending_profile, post):
    response = post(f"/moderation/mentor-profiles/{pending_profile.id}/return", reason=PAYLOAD)
    assert response.status_code == 303
    assert_escaped(client.get(f"/moderation/mentor-profiles/{pending_profile.id}").get_data(as_text=True))
    assert_escaped(client.get("/moderation/audit").get_data(as_text=True))


def test_a_typed_reason_is_escaped_when_the_form_comes_back(as_moderator, pending_profile, post):
    response = post(f"/moderation/mentor-profiles/{pending_profile.id}/return", reason=PAYLOAD + "x" * 2000)
    assert response.status_code == 422
    assert_escaped(response.get_data(as_text=True))


def test_an_organisation_and_its_proposer_are_escaped(client, as_moderator, make):
    organisation = propose_organisation(make, PAYLOAD)
    organisation.website = PAYLOAD
    db.session.flush()
    assert_escaped(client.get("/moderation").get_data(as_text=True))
    assert_escaped(client.get(f"/moderation/organisations/{organisation.id}").get_data(as_text=True))


def test_recorded_names_are_escaped_in_the_audit_log(client, as_moderator, moderator, make):
    gone = make.organisation("Временная")
    record("organisation.reject", gone, actor=moderator, reason=PAYLOAD, details={"name": PAYLOAD})
    db.session.flush()
    db.session.delete(gone)
    db.session.flush()
    assert_escaped(client.get("/moderation/audit").get_data(as_text=True))
