"""The queue: what waits, oldest first, filtered by type and age, with counts; the badge agrees with it."""
import re

import pytest

from mentorbank.mentors.models import ProfileStatus
from mentorbank.moderation.queue import waiting_count

from .conftest import make_revision, propose_organisation, submitted


@pytest.fixture
def waiting(make, published_profile):
    """Four submissions of different ages, and records that do not wait (approved, draft, returned)."""
    new = submitted(make.mentor("Новый Наставник", status=ProfileStatus.DRAFT), days_ago=5)
    revision = make_revision(published_profile, days_ago=0.5, bio="Новая версия.")
    organisation = propose_organisation(make, "МБОУ «Школа № 501»", days_ago=10)
    fresh_organisation = propose_organisation(make, "МБОУ «Школа № 502»", days_ago=2)
    make.mentor("Черновик Черновиков", status=ProfileStatus.DRAFT)
    make.mentor("Возвращённый Автор", status=ProfileStatus.RETURNED)
    return {"new": new, "revision": revision, "organisation": organisation, "fresh_organisation": fresh_organisation}


def listed(html: str) -> list[str]:
    return re.findall(r'data-queue-item="([a-z_]+-\d+)"', html)


def key(kind: str, record) -> str:
    return f"{kind}-{record.id}"


def test_queue_lists_pending_profiles_and_proposed_organisations_oldest_first(client, as_moderator, waiting):
    html = client.get("/moderation").get_data(as_text=True)
    assert listed(html) == [
        key("organisation", waiting["organisation"]), key("mentor_profile", waiting["new"]),
        key("organisation", waiting["fresh_organisation"]), key("mentor_profile", waiting["revision"]),
    ]
    assert 'data-waiting="4"' in html
    assert "2 mentor profiles" in html and "2 proposed organisations" in html
    assert "Changes to a published profile" in html and "New mentor profile" in html


def test_filter_by_type(client, as_moderator, waiting):
    profiles = listed(client.get("/moderation?type=mentor_profile").get_data(as_text=True))
    organisations = listed(client.get("/moderation?type=organisation").get_data(as_text=True))
    assert profiles == [key("mentor_profile", waiting["new"]), key("mentor_profile", waiting["revision"])]
    assert organisations == [key("organisation", waiting["organisation"]),
                             key("organisation", waiting["fresh_organisation"])]


@pytest.mark.parametrize("age, expected", [
    ("older_than_1_day", ["organisation", "new", "fresh_organisation"]),
    ("older_than_3_days", ["organisation", "new"]),
    ("older_than_7_days", ["organisation"]),
])
def test_filter_by_age_with_counts(client, as_moderator, waiting, age, expected):
    html = client.get(f"/moderation?age={age}").get_data(as_text=True)
    kinds = {"organisation": "organisation", "fresh_organisation": "organisation", "new": "mentor_profile"}
    assert listed(html) == [key(kinds[name], waiting[name]) for name in expected]
    assert f'data-waiting="{len(expected)}"' in html


def test_filters_combine_and_the_form_reflects_them(client, as_moderator, waiting):
    html = client.get("/moderation?type=organisation&age=older_than_3_days").get_data(as_text=True)
    assert listed(html) == [key("organisation", waiting["organisation"])]
    assert '<option value="organisation" selected>' in html
    assert '<option value="older_than_3_days" selected>' in html


def test_unknown_filter_values_show_the_whole_queue(client, as_moderator, waiting):
    response = client.get("/moderation?type=<script>&age=forever")
    assert response.status_code == 200
    assert len(listed(response.get_data(as_text=True))) == 4


def test_htmx_gets_only_the_queue(client, as_moderator, waiting):
    response = client.get("/moderation?type=organisation", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.lstrip().startswith("<section") and 'id="moderation-queue"' in html
    assert "<html" not in html and 'id="queue-filters"' not in html
    assert "HX-Request" in response.headers["Vary"]


def test_the_filter_form_works_without_javascript(client, as_moderator, waiting):
    html = client.get("/moderation").get_data(as_text=True)
    form = re.search(r'<form id="queue-filters"[^>]*>', html).group(0)
    assert 'method="get"' in form and 'action="/moderation"' in form
    assert 'hx-push-url="true"' in form
    assert 'name="type"' in html and 'name="age"' in html and 'type="submit"' in html


def test_empty_queue_says_so(client, as_moderator):
    html = client.get("/moderation").get_data(as_text=True)
    assert "Nothing waits for a decision here." in html and 'data-waiting="0"' in html


def test_navigation_badge_counts_the_queue(client, as_moderator, waiting):
    html = client.get("/moderation").get_data(as_text=True)
    assert waiting_count() == 4
    assert re.search(r'Moderation <span class="badge"[^>]*>4</span>', html)


def test_badge_drops_after_a_decision(client, as_moderator, waiting, post):
    post(f"/moderation/mentor-profiles/{waiting['new'].id}/approve", confirm="y")
    assert waiting_count() == 3
    assert re.search(r'Moderation <span class="badge"[^>]*>3</span>', client.get("/moderation").get_data(as_text=True))
