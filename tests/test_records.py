"""core.records: one map from a record to its public, moderator and owner pages, read by the audit log, the
API and notifications."""
from mentorbank.core import records
from mentorbank.notifications.models import Notification
from mentorbank.notifications.texts import describe


def test_a_record_leads_to_its_pages_by_instance_kind_or_alias(app, make):
    profile = make.mentor()
    with app.test_request_context():
        assert records.public_url(profile) == f"/mentors/{profile.id}"
        assert records.public_url("mentor", profile.id) == records.public_url("mentor_profile", profile.id)
        assert records.moderator_url(profile) == f"/moderation/mentor-profiles/{profile.id}"
        assert records.public_url(profile.organisation) == f"/organisations/{profile.organisation.id}"
        assert records.public_url(profile.user) is None, "a person has no public page"
        assert records.moderator_url(profile.user) == f"/admin/users/{profile.user.id}"
        assert records.public_url("vocabulary_term", 1) is None, "an unregistered kind has no page"


def test_load_reads_one_kind_in_one_query_and_skips_what_is_gone(make):
    first, second = make.mentor("Первова Ольга"), make.mentor("Вторая Анна")
    assert records.load("mentor_profile", {first.id, second.id, 999_999}) == {first.id: first, second.id: second}


def test_a_notification_links_to_where_its_reader_follows_the_record(app, make):
    profile = make.mentor()
    about_profile = Notification(user_id=profile.user_id, kind="mentor_profile.approved",
                                 target_type="mentor_profile", target_id=profile.id)
    about_organisation = Notification(user_id=profile.user_id, kind="organisation.approved",
                                      target_type="organisation", target_id=profile.organisation_id)
    with app.test_request_context():
        assert describe(about_profile).url == "http://localhost/account/submissions"
        assert describe(about_organisation).url == "http://localhost/account/profile"
        assert describe(Notification(user_id=profile.user_id, kind="x.y")).url is None
