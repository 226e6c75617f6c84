"""The foundation: configuration, migrations and the public-profile rule."""
import pytest
from sqlalchemy import select

from mentorbank import create_app
from mentorbank.config import normalise_database_url
from mentorbank.extensions import db
from mentorbank.mentors.models import ProfileStatus, public_profiles
from mentorbank.vocabularies.models import Vocabulary, terms_of


def test_production_refuses_to_start_without_a_secret_key():
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"ENV_NAME": "production", "SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_production_cookies_are_secure_and_http_only():
    app = create_app({"ENV_NAME": "production", "SECRET_KEY": "x" * 32, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


@pytest.mark.parametrize(
    "given, expected",
    [
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql://u@h:5432/db", "postgresql+psycopg://u@h:5432/db"),
        ("sqlite:///x.sqlite", "sqlite:///x.sqlite"),
    ],
)
def test_database_url_uses_the_psycopg_driver(given, expected):
    assert normalise_database_url(given) == expected


def test_migrations_seed_every_vocabulary(app_context):
    for vocabulary in Vocabulary:
        assert terms_of(vocabulary), f"vocabulary {vocabulary} is empty"
    forms = [t.name for t in terms_of(Vocabulary.FORM)]
    assert "педагог – педагог" in forms and "команда – команда («школа – школе»)" in forms


def test_only_approved_profiles_are_public(make):
    approved = make.mentor("Смирнова Анна Игоревна")
    for status in (ProfileStatus.DRAFT, ProfileStatus.PENDING, ProfileStatus.RETURNED, ProfileStatus.WITHDRAWN):
        make.mentor(f"Скрытый {status}", status=status)
    assert list(db.session.scalars(public_profiles())) == [approved]


def test_a_status_outside_the_workflow_is_refused_by_the_database(make):
    profile = make.mentor()
    with pytest.raises(Exception):
        db.session.execute(
            db.text("UPDATE mentor_profile SET status = 'published' WHERE id = :id"), {"id": profile.id}
        )
        db.session.flush()


def test_behind_a_trusted_proxy_the_clients_address_counts(tmp_path):
    from flask import request

    from mentorbank import create_app

    def address_seen(config: dict) -> str:
        app = create_app({"SECRET_KEY": "x", "ENV_NAME": "testing", "TESTING": True,
                          "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'proxy.sqlite'}", **config})
        app.add_url_rule("/address", "address", lambda: request.remote_addr)
        response = app.test_client().get("/address", headers={"X-Forwarded-For": "203.0.113.7"},
                                         environ_base={"REMOTE_ADDR": "10.0.0.1"})
        return response.get_data(as_text=True)

    assert address_seen({}) == "10.0.0.1"  # a forged header is ignored without a proxy
    assert address_seen({"TRUSTED_PROXIES": 1}) == "203.0.113.7"
