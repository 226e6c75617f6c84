"""The users pages: search, roles, blocking, and the admin's protection against locking themselves out."""
from sqlalchemy import select

from mentorbank.accounts.models import Role
from mentorbank.audit.models import AuditEntry
from mentorbank.extensions import db
from mentorbank.mentors.models import ProfileStatus

from ..conftest import Auth


def _audit(action: str, target) -> list[AuditEntry]:
    return list(db.session.scalars(select(AuditEntry).where(
        AuditEntry.action == action, AuditEntry.target_id == target.id
    )))


def _listed_ids(response) -> set[int]:
    html = response.get_data(as_text=True)
    return {int(part.split('"')[0]) for part in html.split('data-user-id="')[1:]}


def test_search_by_name_or_email_and_filter_by_role(admin_browser, make, moderator):
    ivanova = make.user(full_name="Иванова Мария Петровна", email="ivanova@school.example")
    petrov = make.user(full_name="Петров Олег Иванович", email="petrov@school.example")

    assert _listed_ids(admin_browser.get("/admin/users?q=Иванова")) == {ivanova.id}
    assert _listed_ids(admin_browser.get("/admin/users?q=ивАнова")) >= {ivanova.id}
    assert _listed_ids(admin_browser.get("/admin/users?q=PETROV@")) == {petrov.id}
    by_role = _listed_ids(admin_browser.get("/admin/users?role=moderator"))
    assert moderator.id in by_role and ivanova.id not in by_role
    participants = _listed_ids(admin_browser.get("/admin/users?role=participant"))
    assert {ivanova.id, petrov.id} <= participants and moderator.id not in participants
    # A role that does not exist is ignored, not an error; a % is a character, not a wildcard.
    assert admin_browser.get("/admin/users?role=king&page=x").status_code == 200
    assert _listed_ids(admin_browser.get("/admin/users?q=%25")) == set()


def test_cyrillic_names_match_in_any_case_and_with_yo_as_ye(admin_browser, make):
    fyodorova = make.user(full_name="Фёдорова Алёна Игоревна", email="fyodorova@school.example")

    for typed in ("ФЁДОРОВА", "федорова", "алена игор"):
        assert _listed_ids(admin_browser.get(f"/admin/users?q={typed}")) == {fyodorova.id}, typed


def test_the_list_is_paginated_and_htmx_gets_only_the_results(admin_browser, make):
    for number in range(35):
        make.user(full_name=f"Участник {number:02d}", email=f"many{number}@example.org")
    first, second = admin_browser.get("/admin/users?q=Участник"), admin_browser.get("/admin/users?q=Участник&page=2")
    assert len(_listed_ids(first)) == 30 and len(_listed_ids(second)) == 5
    assert 'rel="next"' in first.get_data(as_text=True)
    partial = admin_browser.get("/admin/users?q=Участник", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert partial.lstrip().startswith('<section id="user-results"') and "<html" not in partial


def test_grant_and_revoke_moderator(admin_browser, admin_user, participant):
    response = admin_browser.post(f"/admin/users/{participant.id}/roles", {"role": "moderator", "organisation": "0"})
    assert response.status_code == 303 and response.headers["Location"] == f"/admin/users/{participant.id}"
    db.session.refresh(participant)
    assert participant.is_moderator
    [entry] = _audit("role.grant", participant)
    assert entry.actor_id == admin_user.id and entry.details["role"] == "moderator"

    again = admin_browser.post(f"/admin/users/{participant.id}/roles", {"role": "moderator"})
    assert again.status_code == 303 and len(_audit("role.grant", participant)) == 1

    grant = participant.role_grants[0]
    assert admin_browser.post(f"/admin/users/{participant.id}/roles/{grant.id}/revoke").status_code == 303
    db.session.refresh(participant)
    assert not participant.is_moderator
    assert [e.actor_id for e in _audit("role.revoke", participant)] == [admin_user.id]
    # A second click finds nothing to revoke: says so, changes nothing.
    repeated = admin_browser.post(f"/admin/users/{participant.id}/roles/{grant.id}/revoke", follow_redirects=True)
    assert "does not have this role" in repeated.get_data(as_text=True)


def test_a_curator_needs_an_approved_organisation(admin_browser, make, participant):
    school = make.organisation(name="МБОУ «Лицей № 7»")
    missing = admin_browser.post(f"/admin/users/{participant.id}/roles", {"role": "curator", "organisation": "0"})
    assert missing.status_code == 422 and 'aria-invalid="true"' in missing.get_data(as_text=True)
    unknown = admin_browser.post(f"/admin/users/{participant.id}/roles", {"role": "curator", "organisation": "999999"})
    assert unknown.status_code == 422
    granted = admin_browser.post(f"/admin/users/{participant.id}/roles", {"role": "curator", "organisation": school.id})
    assert granted.status_code == 303
    db.session.refresh(participant)
    assert participant.is_curator_of(school.id)
    assert "curator of МБОУ «Лицей № 7»" in admin_browser.get(f"/admin/users/{participant.id}").get_data(as_text=True)


def test_a_grant_of_another_user_cannot_be_revoked_through_this_one(admin_browser, participant, moderator):
    grant = moderator.role_grants[0]
    admin_browser.post(f"/admin/users/{participant.id}/roles/{grant.id}/revoke")
    db.session.refresh(moderator)
    assert moderator.is_moderator


def test_an_admin_cannot_revoke_their_own_admin_role_nor_block_themselves(admin_browser, admin_user):
    grant = admin_user.role_grants[0]
    revoked = admin_browser.post(f"/admin/users/{admin_user.id}/roles/{grant.id}/revoke", follow_redirects=True)
    assert "cannot revoke your own administrator role" in revoked.get_data(as_text=True)
    blocked = admin_browser.post(f"/admin/users/{admin_user.id}/block", {"reason": ""})
    assert blocked.status_code == 422 and "cannot block yourself" in blocked.get_data(as_text=True)
    db.session.refresh(admin_user)
    assert admin_user.is_admin and not admin_user.is_blocked
    assert not _audit("role.revoke", admin_user) and not _audit("user.block", admin_user)


def test_another_admin_can_be_demoted(admin_browser, make):
    colleague = make.user(email="colleague@example.org", roles=(Role.ADMIN,))
    admin_browser.post(f"/admin/users/{colleague.id}/roles/{colleague.role_grants[0].id}/revoke")
    db.session.refresh(colleague)
    assert not colleague.is_admin


def test_blocking_stops_log_in_and_withdraws_published_profiles(admin_browser, admin_user, make, client):
    profile = make.mentor(full_name="Орлова Елена Николаевна", email="orlova@example.org")
    db.session.commit()  # the bank's index follows commits
    assert "Орлова Елена Николаевна" in client.get("/mentors").get_data(as_text=True)

    response = admin_browser.post(f"/admin/users/{profile.user_id}/block", {"reason": "fake profile"})
    assert response.status_code == 303
    db.session.refresh(profile)
    assert profile.user.is_blocked and profile.status == ProfileStatus.WITHDRAWN
    [entry] = _audit("user.block", profile.user)
    assert entry.actor_id == admin_user.id and entry.reason == "fake profile"
    assert entry.details["withdrawn"] == [f"mentor_profile:{profile.id}"]
    assert "Орлова Елена Николаевна" not in client.get("/mentors").get_data(as_text=True)
    assert client.get(f"/mentors/{profile.id}").status_code == 404

    admin_browser.client.get("/admin")  # keep the admin's session; log in as the blocked user in a new client
    other = Auth(client.application.test_client())
    refused = other.login(profile.user)
    assert refused.status_code == 422, refused.get_data(as_text=True)[-1500:]

    # Unblocking lets them in again but does not republish: the author resubmits.
    assert admin_browser.post(f"/admin/users/{profile.user_id}/unblock").status_code == 303
    db.session.refresh(profile)
    assert not profile.user.is_blocked and profile.status == ProfileStatus.WITHDRAWN
    assert _audit("user.unblock", profile.user)
    assert other.login(profile.user).status_code == 303


def test_a_blocked_users_open_session_ends(browser, admin_browser, make):
    person = make.user(email="session@example.org")
    other = type(browser)(browser.client.application.test_client()).login_as(person)
    assert other.get("/").status_code == 200
    admin_browser.post(f"/admin/users/{person.id}/block")
    assert other.get("/admin").headers["Location"].startswith("/auth/login")


def test_the_block_reason_is_limited_and_kept_on_error(admin_browser, participant):
    response = admin_browser.post(f"/admin/users/{participant.id}/block", {"reason": "причина " * 300})
    assert response.status_code == 422 and "причина причина" in response.get_data(as_text=True)
    db.session.refresh(participant)
    assert not participant.is_blocked


def test_names_are_escaped(admin_browser, make):
    payload = '<script>alert("x")</script>'
    person = make.user(full_name=payload, email="xss@example.org", position=payload)
    for url in ("/admin/users?q=script", f"/admin/users/{person.id}"):
        html = admin_browser.get(url).get_data(as_text=True)
        assert payload not in html and "&lt;script&gt;" in html
