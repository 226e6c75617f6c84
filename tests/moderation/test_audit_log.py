"""/moderation/audit: newest first, filtered by action and actor, paginated, with links to live targets."""
import re
from datetime import timedelta

import pytest

from mentorbank.audit.models import AuditEntry, record
from mentorbank.core.models import utcnow
from mentorbank.extensions import db
from mentorbank.moderation import routes


def entry_ids(html: str) -> list[int]:
    return [int(number) for number in re.findall(r'data-audit-entry="(\d+)"', html)]


@pytest.fixture
def log(make, moderator, admin_user, pending_profile, proposed_organisation):
    """Three entries by two people, oldest first; one names an organisation that no longer exists."""
    gone = make.organisation("МБОУ «Закрытая школа»")
    entries = [
        record("organisation.reject", gone, actor=admin_user, reason="Дубликат.", details={"name": gone.name}),
        record("mentor_profile.return", pending_profile, actor=moderator, reason="Добавьте стаж."),
        record("organisation.approve", proposed_organisation, actor=moderator),
    ]
    for age, entry in zip((3, 2, 1), entries):
        entry.created_at = utcnow() - timedelta(days=age)
    db.session.flush()
    db.session.delete(gone)
    db.session.flush()
    return entries


def test_newest_first_with_who_what_when_why(client, as_moderator, log, pending_profile, proposed_organisation):
    html = client.get("/moderation/audit").get_data(as_text=True)
    assert entry_ids(html) == [entry.id for entry in reversed(log)]
    assert "Соколова Ирина Викторовна" in html and "Кузнецов Андрей Павлович" in html
    assert "Mentor profile returned" in html and "Добавьте стаж." in html
    assert f'<a href="/moderation/mentor-profiles/{pending_profile.id}">Смирнова Ольга Игоревна</a>' in html
    assert f'<a href="/moderation/organisations/{proposed_organisation.id}">' in html
    # The deleted organisation keeps its recorded name, without a link.
    assert "<td>МБОУ «Закрытая школа»</td>" in html
    assert re.search(r'<time datetime="[\d\-T:.]+Z">', html)


@pytest.mark.parametrize("action, expected", [
    ("organisation", [2, 0]), ("organisation.reject", [0]), ("mentor_profile", [1]), ("role", []),
])
def test_filter_by_action_or_its_prefix(client, as_moderator, log, action, expected):
    html = client.get(f"/moderation/audit?action={action}").get_data(as_text=True)
    assert entry_ids(html) == [log[i].id for i in expected]


def test_filter_by_actor(client, as_moderator, log, admin_user, moderator):
    html = client.get(f"/moderation/audit?actor={admin_user.id}").get_data(as_text=True)
    assert entry_ids(html) == [log[0].id]
    assert f'<option value="{admin_user.id}" selected>' in html
    assert f'<option value="{moderator.id}">' in html


def test_bad_filter_values_are_ignored(client, as_moderator, log):
    response = client.get("/moderation/audit?action=%25&actor=abc&page=-3")
    assert response.status_code == 200 and len(entry_ids(response.get_data(as_text=True))) == 3


def test_pages(client, as_moderator, moderator, pending_profile, monkeypatch):
    monkeypatch.setattr(routes, "AUDIT_PER_PAGE", 2)
    entries = [record("mentor_profile.approve", pending_profile, actor=moderator) for _ in range(3)]
    db.session.flush()
    first = client.get("/moderation/audit").get_data(as_text=True)
    second = client.get("/moderation/audit?page=2").get_data(as_text=True)
    assert entry_ids(first) == [entries[2].id, entries[1].id] and entry_ids(second) == [entries[0].id]
    assert 'href="/moderation/audit?page=2"' in first


def test_htmx_gets_only_the_entries(client, as_moderator, log):
    html = client.get("/moderation/audit?action=organisation", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert html.lstrip().startswith("<section") and "<html" not in html and len(entry_ids(html)) == 2


def test_decisions_made_through_the_site_are_logged(client, as_moderator, pending_profile, post):
    post(f"/moderation/mentor-profiles/{pending_profile.id}/return", reason="Нужна фотография диплома.")
    html = client.get("/moderation/audit").get_data(as_text=True)
    assert len(entry_ids(html)) == 1 and "Нужна фотография диплома." in html
    assert db.session.query(AuditEntry).one().actor.email == "moderator@example.org"
