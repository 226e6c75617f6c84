"""Every admin route, GET and POST, by every kind of visitor: only administrators get in."""
import pytest

from mentorbank.accounts.models import Role
from mentorbank.extensions import db
from mentorbank.search.models import ThesaurusEntry

# (method, URL template, fields a valid POST would send). {user}, {grant}, {organisation}, {term}, {entry} are
# filled in.
ADMIN_ROUTES = {
    "admin.index": ("GET", "/admin", None),
    "admin.users": ("GET", "/admin/users?q=a&role=moderator", None),
    "admin.user": ("GET", "/admin/users/{user}", None),
    "admin.grant_role": ("POST", "/admin/users/{user}/roles", {"role": "moderator", "organisation": "0"}),
    "admin.revoke_role": ("POST", "/admin/users/{user}/roles/{grant}/revoke", {}),
    "admin.block_user": ("POST", "/admin/users/{user}/block", {"reason": "spam"}),
    "admin.unblock_user": ("POST", "/admin/users/{user}/unblock", {}),
    "admin.organisations": ("GET", "/admin/organisations?status=approved", None),
    "admin.create_organisation": ("GET", "/admin/organisations/new", None),
    "admin.edit_organisation": ("GET", "/admin/organisations/{organisation}/edit", None),
    "admin.vocabularies": ("GET", "/admin/vocabularies", None),
    "admin.vocabulary": ("GET", "/admin/vocabularies/mode", None),
    "admin.create_term": ("POST", "/admin/vocabularies/mode/terms", {"name": "гибридный", "name_en": "Hybrid"}),
    "admin.edit_term": ("GET", "/admin/vocabularies/mode/terms/{term}/edit", None),
    "admin.thesaurus": ("GET", "/admin/thesaurus", None),
    "admin.create_thesaurus_entry": ("POST", "/admin/thesaurus",
                                     {"term": "НОО", "expansion": "начальное общее образование", "kind": "abbreviation"}),
    "admin.edit_thesaurus_entry": ("GET", "/admin/thesaurus/{entry}/edit", None),
    "admin.delete_thesaurus_entry": ("POST", "/admin/thesaurus/{entry}/delete", {}),
}
# Routes that also take a POST (the form pages).
FORM_POSTS = {
    "admin.create_organisation": {"name": "Новая школа"},
    "admin.edit_organisation": {"name": "Переименованная школа"},
    "admin.edit_term": {"name": "очный", "name_en": "In person"},
    "admin.edit_thesaurus_entry": {"term": "СОШ", "expansion": "средняя школа", "kind": "abbreviation"},
}


def test_every_admin_route_is_listed(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint.startswith("admin.")}
    assert endpoints == set(ADMIN_ROUTES)


def _requests(make):
    target = make.user(email="target@example.org", roles=(Role.MODERATOR,))
    organisation = make.organisation()
    term = make.term("mode", "in-person")
    entry = ThesaurusEntry(term="ГЦРО", expansion="городской центр развития образования", kind="abbreviation")
    db.session.add(entry)
    db.session.flush()
    ids = {"user": target.id, "grant": target.role_grants[0].id, "organisation": organisation.id, "term": term.id,
           "entry": entry.id}
    for endpoint, (method, url, data) in ADMIN_ROUTES.items():
        yield endpoint, method, url.format(**ids), data
        if endpoint in FORM_POSTS:
            yield endpoint, "POST", url.format(**ids), FORM_POSTS[endpoint]


def _send(browser, method, url, data):
    return browser.get(url) if method == "GET" else browser.post(url, data)


def test_anonymous_visitors_are_sent_to_log_in(browser, make):
    for endpoint, method, url, data in _requests(make):
        response = _send(browser, method, url, data)
        assert response.status_code == 302, (endpoint, method)
        assert response.headers["Location"].startswith("/auth/login?next="), endpoint


@pytest.mark.parametrize("who", ["participant", "moderator", "mentor_user"])
def test_participants_moderators_and_mentors_get_403(browser, make, who, request):
    browser.login_as(request.getfixturevalue(who))
    for endpoint, method, url, data in _requests(make):
        assert _send(browser, method, url, data).status_code == 403, (endpoint, method)


def test_administrators_get_in(admin_browser, make):
    for endpoint, method, url, data in _requests(make):
        response = _send(admin_browser, method, url, data)
        expected = {200} if method == "GET" else {303, 422}
        assert response.status_code in expected, (endpoint, method, response.status_code)


def test_a_blocked_administrator_is_refused(browser, make):
    blocked_admin = make.user(email="former-admin@example.org", roles=(Role.ADMIN,))
    blocked_admin.is_blocked = True
    browser.login_as(blocked_admin)
    assert browser.get("/admin").headers["Location"].startswith("/auth/login")


def test_an_htmx_request_of_an_anonymous_visitor_gets_hx_redirect(browser):
    response = browser.get("/admin/users", headers={"HX-Request": "true"})
    assert response.headers["HX-Redirect"].startswith("/auth/login?next=")


@pytest.mark.parametrize("url", ["/admin/users/999999", "/admin/organisations/999999/edit",
                                 "/admin/vocabularies/no-such-vocabulary", "/admin/vocabularies/mode/terms/999999/edit",
                                 "/admin/thesaurus/999999/edit"])
def test_missing_records_are_404(admin_browser, url):
    assert admin_browser.get(url).status_code == 404


def test_a_term_of_another_vocabulary_is_404(admin_browser, make):
    term = make.term("mode", "in-person")
    assert admin_browser.get(f"/admin/vocabularies/form/terms/{term.id}/edit").status_code == 404


def test_every_admin_post_without_a_csrf_token_is_refused(admin_browser, make):
    for endpoint, method, url, data in _requests(make):
        if method == "POST":
            response = admin_browser.client.post(url, data=data)
            assert response.status_code == 400, endpoint
            htmx_response = admin_browser.client.post(url, data=data, headers={"HX-Request": "true"})
            assert htmx_response.status_code == 400, endpoint
