"""Only moderators and admins reach moderation: every route, GET and POST, refuses everyone else."""
import pytest

from mentorbank.mentors.models import ProfileStatus
from tests.conftest import token_of


@pytest.fixture
def urls(pending_profile, proposed_organisation, make):
    profile, organisation = pending_profile.id, proposed_organisation.id
    practice = make.practice(status="submitted").id
    programme = make.programme_template(status="submitted", author=make.user()).id
    return {
        "get": ["/moderation", "/moderation?type=organisation", f"/moderation/mentor-profiles/{profile}",
                f"/moderation/organisations/{organisation}", "/moderation/audit", f"/moderation/practices/{practice}",
                f"/moderation/programmes/{programme}"],
        "post": [f"/moderation/mentor-profiles/{profile}/approve", f"/moderation/mentor-profiles/{profile}/return",
                 f"/moderation/organisations/{organisation}/approve",
                 f"/moderation/organisations/{organisation}/reject",
                 f"/moderation/practices/{practice}/approve", f"/moderation/practices/{practice}/return",
                 f"/moderation/programmes/{programme}/approve", f"/moderation/programmes/{programme}/return"],
    }


def test_every_moderation_route_is_listed(app, urls):
    """Fails when a route is added to the blueprint without being covered here."""
    rules = {rule.rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("moderation.")}
    assert len(rules) == 14
    assert len(urls["get"]) - 1 + len(urls["post"]) == len(rules)


def test_anonymous_visitors_are_sent_to_log_in(client, urls):
    for url in urls["get"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.headers["Location"].startswith("/auth/login?next=")
    for url in urls["post"]:
        response = client.post(url, data={"csrf_token": token_of(client), "reason": "x"})
        assert response.status_code == 302, url


def test_anonymous_htmx_requests_get_an_hx_redirect(client, urls):
    response = client.get(urls["get"][0], headers={"HX-Request": "true"})
    assert response.headers["HX-Redirect"].startswith("/auth/login?next=")


@pytest.mark.parametrize("who", ["participant", "mentor_user"])
def test_participants_and_mentors_are_refused(request, log_in, urls, post, client, pending_profile, who):
    log_in(request.getfixturevalue(who))
    for url in urls["get"]:
        assert client.get(url).status_code == 403, url
    for url in urls["post"]:
        assert post(url, reason="Хочу вмешаться").status_code == 403, url
    assert pending_profile.status == ProfileStatus.PENDING


@pytest.mark.parametrize("who", ["moderator", "admin_user"])
def test_moderators_and_admins_get_every_page(request, log_in, urls, client, who):
    log_in(request.getfixturevalue(who))
    for url in urls["get"]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("htmx", [False, True])
def test_every_post_without_a_csrf_token_gets_400(client, as_moderator, urls, pending_profile, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    for url in urls["post"]:
        response = client.post(url, data={"reason": "Без токена"}, headers=headers)
        assert response.status_code == 400, url
    assert pending_profile.status == ProfileStatus.PENDING


def test_missing_records_are_404(client, as_moderator, post):
    assert client.get("/moderation/mentor-profiles/999999").status_code == 404
    assert client.get("/moderation/organisations/999999").status_code == 404
    assert post("/moderation/mentor-profiles/999999/approve").status_code == 404
    assert post("/moderation/organisations/999999/reject", reason="нет").status_code == 404
