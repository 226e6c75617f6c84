"""My notifications: newest first, unread marked, paginated; mark all as read."""
from datetime import timedelta

from mentorbank.core.models import utcnow
from mentorbank.extensions import db
from mentorbank.notifications.models import Notification

from tests.conftest import ESCAPED_XSS, XSS, post_form


def notify(user, kind="mentor_profile.returned", minutes_ago=0, **fields) -> Notification:
    notification = Notification(user_id=user.id, kind=kind, created_at=utcnow() - timedelta(minutes=minutes_ago),
                                **fields)
    db.session.add(notification)
    db.session.flush()
    return notification


def test_notifications_newest_first_with_text_message_and_link(client, log_in, participant):
    log_in(participant)
    older = notify(participant, "mentor_profile.returned", minutes_ago=10, message=f"Уточните {XSS}")
    newer = notify(participant, "mentor_profile.approved", minutes_ago=1)
    html = client.get("/account/notifications").get_data(as_text=True)
    assert html.index(f'data-notification-id="{newer.id}"') < html.index(f'data-notification-id="{older.id}"')
    assert "Your mentor profile was returned for changes" in html
    assert "Your mentor profile is approved and published in the bank" in html
    assert "/account/submissions" in html
    assert "<script>alert" not in html and ESCAPED_XSS in html
    assert html.count('data-unread="true"') == 2


def test_only_my_notifications_are_shown(client, make, log_in, participant):
    someone = make.user()
    theirs = notify(someone, message="Чужое сообщение")
    log_in(participant)
    html = client.get("/account/notifications").get_data(as_text=True)
    assert f'data-notification-id="{theirs.id}"' not in html and "Чужое сообщение" not in html


def test_mark_all_read(client, make, log_in, participant):
    someone = make.user()
    theirs = notify(someone)
    mine = [notify(participant), notify(participant)]
    log_in(participant)
    assert 'class="badge"' in client.get("/account").get_data(as_text=True)

    response = post_form(client, "/account/notifications/read", {}, page_url="/account/notifications")

    assert response.status_code == 303 and response.location == "/account/notifications"
    db.session.expire_all()
    assert all(n.read_at is not None for n in mine) and theirs.read_at is None
    html = client.get("/account/notifications").get_data(as_text=True)
    assert 'data-unread="true"' not in html and 'action="/account/notifications/read"' not in html


def test_notifications_are_paginated(client, log_in, participant):
    log_in(participant)
    made = [notify(participant, minutes_ago=minutes) for minutes in range(25)]
    first = client.get("/account/notifications").get_data(as_text=True)
    second = client.get("/account/notifications?page=2").get_data(as_text=True)
    assert first.count("data-notification-id=") == 20 and second.count("data-notification-id=") == 5
    assert f'data-notification-id="{made[0].id}"' in first and f'data-notification-id="{made[-1].id}"' in second
    assert 'href="/account/notifications?page=2"' in first


def test_htmx_gets_only_the_list(client, log_in, participant):
    log_in(participant)
    notify(participant)
    response = client.get("/account/notifications", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith('<div id="notifications">') and "<html" not in html
    assert "HX-Request" in response.headers["Vary"]
