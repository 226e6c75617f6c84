"""Shared fixtures: one schema per test session, built by the real migrations; each test runs inside a
transaction that is rolled back, and gets a fresh search index of its own.

DATABASE_URL chooses the database (PostgreSQL in CI's second run); SQLite in a temporary file otherwise.

The toolkit every folder uses, defined here once:
- ``log_in(user)``: the user in the session (as Flask-Login stores it), English UI; ``auth`` logs in through
  the real form instead;
- ``english`` / ``set_locale(client, locale)``: the UI language of the following requests;
- ``post_form(client, url, data, page_url=None)``: post as a browser does, with the CSRF token of the page that
  holds the form; ``post(url, **fields)`` is the same on the test's client;
- ``make``: the data factories (tests/factories.py), one function per kind of record; the people
  (``participant``, ``moderator``, ``admin_user``, ``mentor_user``) below, each folder's records in its conftest;
- ``XSS`` / ``ESCAPED_XSS``: what a field typed by an attacker must come back as.
Passwords are hashed by the cheap PASSWORD_HASH_METHOD below: the suite hashes on every user it makes.
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
from mentorbank.core.i18n import LOCALE_SESSION_KEY
from mentorbank.core.navigation import CACHE_KEY as NAVIGATION_COUNTS_KEY
from mentorbank.extensions import db, limiter
from mentorbank.search import engine as search_engine

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
        # One iteration: the production hash (scrypt) costs ~50 ms a user; tests check hashing, not its cost.
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1",
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
        upgrade(revision="heads")  # the issue-10 branches each add a head off ebf690a8bc56 until merged
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _isolated(request, app, tmp_path):
    """Every test: its own search index; and, unless it needs real commits, a transaction rolled back after it."""
    index_dir = app.config["SEARCH_INDEX_DIR"] = str(tmp_path / "search_index")
    app.config["MAIL_OUTBOX_DIR"] = str(tmp_path / "outbox")
    app.config["UPLOAD_DIR"] = str(tmp_path / "uploads")
    limiter.reset()
    try:
        if "committing_database" in request.fixturenames:
            yield
        else:
            yield from _in_rolled_back_transaction(app)
    finally:
        _forget_search_index(index_dir)


def _forget_search_index(index_dir: str) -> None:
    """The engine keeps each index directory's opened index (its files and searchers) and memoised values for
    the life of the process; a test's directory is gone after the test, so let them go too."""
    for path in [path for path in search_engine._INDEXES if path.startswith(index_dir)]:
        search_engine._INDEXES.pop(path, None)
    for key in [key for key in search_engine._MEMO if key[0] == index_dir]:
        search_engine._MEMO.pop(key, None)


def _in_rolled_back_transaction(app):
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


# --- the toolkit: locale, log-in, forms --------------------------------------------------------------------

def set_locale(client, locale: str) -> None:
    with client.session_transaction() as session:
        session[LOCALE_SESSION_KEY] = locale


@pytest.fixture
def english(client):
    """Show the pages in English, so tests read the words of the source."""
    set_locale(client, "en")


def put_in_session(client, user) -> None:
    """Logged in as Flask-Login stores it; ``get_id()`` carries the session token, so a revoked one fails."""
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True


@pytest.fixture
def log_in(client):
    """Log ``user`` in for the following requests without the log-in form (it has its own tests), English UI."""

    def log_in(user, locale: str = "en"):
        put_in_session(client, user)
        set_locale(client, locale)
        return user

    return log_in


# Typed into any field that a page shows back: it must come back escaped.
XSS = '<script>alert("x")</script>'
ESCAPED_XSS = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"

CSRF_PATTERN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|"X-CSRFToken"\s*:\s*"([^"]+)"')


def csrf_token_from(html: str) -> str:
    match = CSRF_PATTERN.search(html)
    assert match, "the page carries no CSRF token"
    return match.group(1) or match.group(2)


def token_of(client, page_url: str = "/") -> str:
    """A valid CSRF token of the client's session, read from a page it can open."""
    return csrf_token_from(client.get(page_url).get_data(as_text=True))


def post_form(client, url: str, data: dict | None = None, page_url: str | None = None, **kwargs):
    """Open the page that holds the form (``url`` itself unless told), then post ``data`` with its CSRF token."""
    return client.post(url, data={"csrf_token": token_of(client, page_url or url), **(data or {})}, **kwargs)


@pytest.fixture
def post(client):
    """``post(url, **fields)``: a button or form of a page other than ``url`` (moderation's decisions)."""

    def post(url: str, **fields):
        return post_form(client, url, fields, page_url="/")

    return post


class Auth:
    """Log in and out through the real form, as a person would (flaskr's ``auth`` fixture)."""

    def __init__(self, client):
        self.client = client

    def login(self, user, password: str = factories.PASSWORD, **extra):
        return post_form(self.client, "/auth/login", {"email": user.email, "password": password, **extra})

    def logout(self):
        return post_form(self.client, "/auth/logout", page_url="/")


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
