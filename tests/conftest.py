"""Shared fixtures: one schema per test session, built by the real migrations; each test runs inside a
transaction that is rolled back, and gets a fresh search index of its own.

DATABASE_URL chooses the database (PostgreSQL in CI's second run); SQLite in a temporary file otherwise.
"""
import os
import re

import flask_babel
import pytest
from flask import current_app, g
from flask_migrate import upgrade
from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import MetaData, event

from mentorbank import create_app
from mentorbank.accounts.models import Role
from mentorbank.core.navigation import CACHE_KEY as NAVIGATION_COUNTS_KEY
from mentorbank.extensions import db, limiter

from . import factories


# Mailed links start with this, whatever Host a request came with.
PUBLIC_URL = "https://mentorbank.test"


def _test_config(tmp_path_factory) -> dict:
    database_url = os.environ.get("DATABASE_URL") or (
        f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
    )
    return {
        "TESTING": True,
        "ENV_NAME": "testing",
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SEARCH_INDEX_DIR": str(tmp_path_factory.mktemp("search_index")),
        "SERVER_NAME": None,
        "PUBLIC_URL": PUBLIC_URL,
    }


def _drop_everything() -> None:
    """Start from an empty database, whatever an earlier run left behind."""
    metadata = MetaData()
    metadata.reflect(bind=db.engine)
    metadata.drop_all(bind=db.engine)


class _ConnectionBoundSession(FlaskSession):
    """Flask-SQLAlchemy 3.1's get_bind returns the engine and ignores a session-level ``bind``: without this,
    a test's commit would be real and outlive the rolled-back transaction."""

    def get_bind(self, mapper=None, clause=None, bind=None, **kwargs):
        return bind if bind is not None else self.bind


def _real_sqlite_transactions(engine) -> None:
    """pysqlite begins transactions lazily and so breaks SAVEPOINTs; let SQLAlchemy emit BEGIN itself
    (SQLAlchemy's documented recipe), so a test's commit only releases a savepoint."""

    @event.listens_for(engine, "connect")
    def _no_driver_transactions(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN")


def _forget_the_previous_requests_caches() -> None:
    """The test client's requests run inside the test's app context, so ``g`` outlives each request (in
    production every request has its own). Drop what extensions cache there: the locale (Flask-Babel), the user
    (Flask-Login), the CSRF token (Flask-WTF) and the navigation counts (core.navigation), so each request
    derives them from its own session."""
    flask_babel.refresh()
    g.pop("_login_user", None)
    g.pop(NAVIGATION_COUNTS_KEY, None)
    g.pop(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), None)


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    app = create_app(_test_config(tmp_path_factory))
    app.before_request(_forget_the_previous_requests_caches)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            _real_sqlite_transactions(db.engine)
        _drop_everything()
        upgrade()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _isolated(request, app, tmp_path):
    """Every test: its own search index; and, unless it needs real commits, a transaction rolled back after it."""
    app.config["SEARCH_INDEX_DIR"] = str(tmp_path / "search_index")
    app.config["MAIL_OUTBOX_DIR"] = str(tmp_path / "outbox")
    limiter.reset()
    if "committing_database" in request.fixturenames:
        yield
        return
    with app.app_context():
        connection = db.engine.connect()
        outer = connection.begin()
        original_session = db.session
        db.session = db._make_scoped_session(
            {"class_": _ConnectionBoundSession, "bind": connection, "join_transaction_mode": "create_savepoint"}
        )
        try:
            yield
        finally:
            db.session.remove()
            db.session = original_session
            outer.rollback()
            connection.close()


@pytest.fixture
def committing_database(app):
    """For tests that need data other threads or processes can see (a live server): real commits,
    every table but the seeded vocabularies and thesaurus emptied afterwards."""
    yield
    with app.app_context():
        db.session.remove()
        keep = {"vocabulary_term", "thesaurus_entry", "alembic_version"}
        with db.engine.begin() as connection:
            for table in reversed(db.metadata.sorted_tables):
                if table.name not in keep:
                    connection.execute(table.delete())


@pytest.fixture
def app_context(app):
    with app.app_context():
        yield


@pytest.fixture
def client(app, app_context):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make(app_context):
    """Factories for test data: ``make.mentor(...)``, ``make.organisation(...)``."""
    return factories


CSRF_PATTERN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|"X-CSRFToken"\s*:\s*"([^"]+)"')


def csrf_token_from(html: str) -> str:
    match = CSRF_PATTERN.search(html)
    assert match, "the page carries no CSRF token"
    return match.group(1) or match.group(2)


class Auth:
    """Log in and out through the real form, as a person would (flaskr's ``auth`` fixture)."""

    def __init__(self, client):
        self.client = client

    def login(self, user, password: str = factories.PASSWORD, **extra):
        page = self.client.get("/auth/login")
        return self.client.post("/auth/login", data={
            "email": user.email, "password": password, "csrf_token": csrf_token_from(page.get_data(as_text=True)),
            **extra,
        })

    def logout(self):
        page = self.client.get("/")
        return self.client.post("/auth/logout", data={"csrf_token": csrf_token_from(page.get_data(as_text=True))})


@pytest.fixture
def auth(client):
    return Auth(client)


@pytest.fixture
def participant(make):
    return make.user(full_name="Петрова Анна Сергеевна", email="participant@example.org")


@pytest.fixture
def moderator(make):
    return make.user(full_name="Соколова Ирина Викторовна", email="moderator@example.org", position="методист",
                     roles=(Role.MODERATOR,))


@pytest.fixture
def admin_user(make):
    return make.user(full_name="Кузнецов Андрей Павлович", email="admin@example.org", position="администратор",
                     roles=(Role.ADMIN,))


@pytest.fixture
def mentor_user(make):
    """A participant whose mentor profile is approved."""
    return make.mentor(full_name="Орлова Елена Николаевна", email="mentor@example.org").user


@pytest.fixture
def outbox(app):
    """The messages captured so far in this test, as parsed e-mails (newest last)."""
    from email import message_from_bytes, policy

    from mentorbank.core.mail import outbox_messages

    def read():
        return [message_from_bytes(path.read_bytes(), policy=policy.default) for path in outbox_messages(app)]

    return read
