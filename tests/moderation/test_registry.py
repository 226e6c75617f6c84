"""The registry of moderated kinds: a new kind is one registration, and the queue, its counts, its filter, the
badge, "my submissions" and the audit labels all pick it up. The kind here exists only in this test: blocked
accounts asking to be unblocked, over the existing user table."""
import re
from datetime import timedelta

import pytest
from flask_babel import lazy_gettext as _l, ngettext
from jinja2 import ChoiceLoader, DictLoader
from sqlalchemy import literal, select

from mentorbank.accounts.models import User
from mentorbank.audit.labels import action_label
from mentorbank.core.models import utcnow
from mentorbank.extensions import db
from mentorbank.mentors.models import ProfileStatus
from mentorbank.moderation.queue import waiting_count
from mentorbank.moderation.registry import ModeratedKind, register, unregister

from .conftest import propose_organisation, submitted

APPEAL_TEMPLATES = {
    "test/_appeal_row.html": '<td>Appeal</td><td data-appeal="{{ item.record.id }}">{{ item.title }}</td><td></td><td></td>',
    "test/_my_appeals.html": '<section data-my-appeals="{{ submissions|length }}"></section>',
}


@pytest.fixture
def appeals(app, make):
    """Blocked accounts wait as "appeals"; one blocked ten days ago, one a day ago."""
    original = app.jinja_loader
    app.jinja_env.loader = ChoiceLoader([DictLoader(APPEAL_TEMPLATES), original])
    kind = register(ModeratedKind(
        name="appeal", model=User, label=_l("Appeals"),
        count_text=lambda count: ngettext("%(num)d appeal", "%(num)d appeals", count),
        pending=lambda: select(literal("appeal").label("kind"), User.id.label("id"),
                               User.created_at.label("submitted_at"), User.full_name.label("title"))
        .where(User.is_blocked.is_(True)),
        load=lambda ids: {user.id: user for user in db.session.scalars(select(User).where(User.id.in_(ids)))},
        row_template="test/_appeal_row.html", detail_endpoint="admin.user", detail_argument="user_id",
        submissions_of=lambda user_id: db.session.scalars(select(User).where(User.id == user_id)).all(),
        submissions_template="test/_my_appeals.html",
        action_labels={"open": _l("Appeal opened")},
    ))
    old = make.user("Старый Апеллянт", email="old@example.org")
    fresh = make.user("Новый Апеллянт", email="fresh@example.org")
    for user, days in ((old, 10), (fresh, 1)):
        user.is_blocked, user.created_at = True, utcnow() - timedelta(days=days)
    db.session.flush()
    yield {"kind": kind, "old": old, "fresh": fresh}
    unregister("appeal")
    app.jinja_env.loader = original


def listed(html: str) -> list[str]:
    return re.findall(r'data-queue-item="([a-z_]+-\d+)"', html)


def test_a_kind_registered_once_joins_the_queue_in_date_order(client, as_moderator, make, appeals):
    profile = submitted(make.mentor("Новый Наставник", status=ProfileStatus.DRAFT), days_ago=5)
    organisation = propose_organisation(make, "МБОУ «Школа № 501»", days_ago=3)
    html = client.get("/moderation").get_data(as_text=True)
    assert listed(html) == [f"appeal-{appeals['old'].id}", f"mentor_profile-{profile.id}",
                            f"organisation-{organisation.id}", f"appeal-{appeals['fresh'].id}"]
    assert 'data-waiting="4"' in html and '<span data-count="appeal">2 appeals</span>' in html
    assert f'data-appeal="{appeals["old"].id}">Старый Апеллянт<' in html
    assert '<option value="appeal">Appeals</option>' in html
    assert listed(client.get("/moderation?type=appeal").get_data(as_text=True)) == [
        f"appeal-{appeals['old'].id}", f"appeal-{appeals['fresh'].id}"]
    assert listed(client.get("/moderation?type=appeal&age=older_than_3_days").get_data(as_text=True)) == [
        f"appeal-{appeals['old'].id}"]
    assert waiting_count() == 4


def test_the_queue_is_paginated_in_sql_across_kinds(client, as_moderator, make, appeals, monkeypatch):
    from mentorbank.moderation import routes

    monkeypatch.setattr(routes, "QUEUE_PER_PAGE", 1)
    profile = submitted(make.mentor("Новый Наставник", status=ProfileStatus.DRAFT), days_ago=5)
    pages = [listed(client.get(f"/moderation?page={number}").get_data(as_text=True)) for number in (1, 2, 3, 4)]
    assert pages == [[f"appeal-{appeals['old'].id}"], [f"mentor_profile-{profile.id}"],
                     [f"appeal-{appeals['fresh'].id}"], [f"appeal-{appeals['fresh'].id}"]]  # past the end: the last


def test_a_kind_brings_its_audit_labels_and_its_my_submissions_section(app, client, log_in, appeals):
    with app.test_request_context():
        assert action_label("appeal.open") == "Appeal opened"
    appeals["old"].is_blocked = False  # a blocked person cannot log in
    db.session.flush()
    log_in(appeals["old"])
    assert 'data-my-appeals="1"' in client.get("/account/submissions").get_data(as_text=True)


def test_unregistering_removes_the_kind(client, as_moderator, appeals):
    unregister("appeal")
    html = client.get("/moderation").get_data(as_text=True)
    assert "appeal-" not in html and 'data-count="appeal"' not in html
