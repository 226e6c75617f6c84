"""One public rule per type, used by every surface: a profile a visitor may not see is absent from the home
page, the bank, its own page, the organisation's page, /search, the admin dashboard's count and the JSON API."""
import pytest

from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile, ProfileStatus, public_profiles
from mentorbank.search import rebuild

SUBJECT = "астрономия"


@pytest.fixture
def bank(make):
    """One public mentor and one of each kind that must stay hidden, all of one organisation and subject."""
    school = make.organisation("МБОУ «Обсерватория № 1»")
    public = make.mentor("Видимова Вера", org=school, subjects=SUBJECT)
    blocked = make.mentor("Блокова Бела", org=school, subjects=SUBJECT)
    blocked.user.is_blocked = True  # still "approved": the rule, not the status, must hide it
    no_consent = make.mentor("Бессогласова Белла", org=school, subjects=SUBJECT)
    no_consent.publication_consent_at = None
    pending = make.mentor("Ожидаева Ольга", org=school, subjects=SUBJECT, status=ProfileStatus.PENDING)
    withdrawn = make.mentor("Отозванова Ольга", org=school, subjects=SUBJECT, status=ProfileStatus.WITHDRAWN)
    revision = make.mentor("Правкина Полина", org=school, subjects=SUBJECT, revision_of_id=public.id,
                           user=public.user, status=ProfileStatus.APPROVED)
    db.session.flush()
    rebuild()
    hidden = {"blocked": blocked, "no_consent": no_consent, "pending": pending, "withdrawn": withdrawn,
              "revision": revision}
    return school, public, hidden


def names(hidden) -> dict[str, str]:
    return {kind: profile.user.full_name.split()[0] if kind != "revision" else "Правкина"
            for kind, profile in hidden.items()}


def test_the_rule_in_python_and_in_sql_agree(bank):
    _school, public, hidden = bank
    assert db.session.scalars(public_profiles()).all() == [public]
    assert public.is_public and not any(profile.is_public for profile in hidden.values())
    assert db.session.scalar(
        db.select(db.func.count(MentorProfile.id)).where(MentorProfile.is_public)
    ) == 1


@pytest.mark.parametrize("url", [
    "/", "/mentors", f"/mentors?q={SUBJECT}", "/organisations/{school}", f"/search?q={SUBJECT}",
    "/api/v1/mentors", f"/api/v1/mentors?q={SUBJECT}", f"/api/v1/search?q={SUBJECT}",
])
def test_a_hidden_profile_is_on_no_public_page(client, bank, url):
    school, public, hidden = bank
    page = client.get(url.format(school=school.id)).get_data(as_text=True)
    assert "Видимова" in page, "the public mentor, shown beside them, proves the page lists mentors"
    for kind, name in names(hidden).items():
        assert name not in page, f"the {kind} profile is shown on {url}"
        assert f"/mentors/{hidden[kind].id}\"" not in page


@pytest.mark.parametrize("kind", ["blocked", "no_consent", "pending", "withdrawn", "revision"])
def test_a_hidden_profile_has_no_page_and_no_api_record(client, bank, kind):
    profile = bank[2][kind]
    assert client.get(f"/mentors/{profile.id}").status_code == 404
    assert client.get(f"/api/v1/mentors/{profile.id}").status_code == 404


def test_the_home_counters_and_the_admin_dashboard_count_only_public_profiles(client, bank, auth, admin_user):
    assert "<strong>1</strong> одобренный наставник" in client.get("/").get_data(as_text=True)
    auth.login(admin_user)
    dashboard = client.get("/admin").get_data(as_text=True)
    assert 'data-count="mentors"><strong>1</strong>' in dashboard
