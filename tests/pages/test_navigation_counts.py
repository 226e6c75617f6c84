"""The numbers in the navigation (unread notifications, what waits for moderation) cost COUNT queries: they run
once per full page, and never for an htmx partial or a mail body, which show no navigation."""
from contextlib import contextmanager

import pytest
from flask_login import login_user
from sqlalchemy import event

from mentorbank.core.mail import send_after_commit
from mentorbank.core.navigation import _COUNTERS
from mentorbank.extensions import db
from mentorbank.mentors.models import ProfileStatus

from .conftest import htmx_get


@contextmanager
def statements():
    """Every SQL statement run meanwhile, as text."""
    seen: list[str] = []

    def remember(_conn, _cursor, statement, _parameters, _context, _executemany):
        seen.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", remember)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", remember)


@pytest.fixture
def navigation_sql(app, moderator):
    """The statements the navigation counters run for a moderator, to look for in what a request ran."""
    with statements() as seen:
        for counter in _COUNTERS.values():
            counter(moderator)
    counts = {statement for statement in seen if "count(" in statement.lower()}
    assert len(counts) >= 2, "both counters query the database"
    return counts


@pytest.fixture
def logged_in_moderator(client, auth, moderator, make):
    make.mentor("Ожидаева Ольга", status=ProfileStatus.PENDING)
    make.mentor(user=moderator)  # a mentor too: the inbox's count is shown (and counted) only to mentors
    auth.login(moderator)
    return moderator


def ran(seen: list[str], wanted: set[str]) -> int:
    return sum(statement in wanted for statement in seen)


def test_a_full_page_counts_once_per_number(client, logged_in_moderator, navigation_sql):
    with statements() as seen:
        html = client.get("/account/profile").get_data(as_text=True)  # its account menu shows the unread count too
    assert 'class="badge"' in html, "the moderation badge is shown"
    assert sorted(statement for statement in seen if statement in navigation_sql) == sorted(navigation_sql)


def test_an_htmx_partial_runs_no_navigation_count(client, logged_in_moderator, navigation_sql):
    with statements() as seen:
        response = htmx_get(client, "/mentors?q=математика")
    assert response.status_code == 200 and "<nav" not in response.get_data(as_text=True)
    assert seen, "the partial itself queried the database"
    assert ran(seen, navigation_sql) == 0


def test_a_mail_body_runs_no_navigation_count(app, moderator, navigation_sql):
    with app.test_request_context("/"):
        login_user(moderator)
        with statements() as seen:
            send_after_commit(moderator.email, "subject", "confirm_email", user=moderator, link="http://x/")
    assert ran(seen, navigation_sql) == 0
