"""Mailed links take their host from PUBLIC_URL, never from the request; other hosts are refused
(security review finding 2)."""
import pytest

from tests.conftest import PUBLIC_URL, post_form

from .conftest import LINK_PATTERN, registration_data


def _links(message) -> list[str]:
    return LINK_PATTERN.findall(message.get_body(preferencelist=("plain",)).get_content())


@pytest.mark.parametrize("headers", [{}, {"X-Forwarded-Host": "evil.example"}])
def test_reset_and_registration_mails_link_to_the_public_address(client, participant, make, outbox, headers):
    post_form(client, "/auth/reset", {"email": participant.email}, headers=headers)
    post_form(client, "/auth/register", registration_data(make.organisation(), email="new@example.org"),
              headers=headers)
    post_form(client, "/auth/register", registration_data(make.organisation(), email=participant.email),
              headers=headers)
    links = [link for message in outbox() for link in _links(message)]
    assert len(links) >= 4
    assert all(link.startswith(PUBLIC_URL + "/auth/") for link in links), links


def test_a_foreign_host_is_refused(client):
    assert client.get("/auth/reset", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/auth/reset", headers={"Host": "localhost"}).status_code == 200
    assert client.get("/auth/reset", headers={"Host": "mentorbank.test"}).status_code == 200


def test_behind_a_proxy_a_forwarded_foreign_host_is_refused(app, client, monkeypatch):
    from werkzeug.middleware.proxy_fix import ProxyFix

    monkeypatch.setattr(app, "wsgi_app", ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1))
    assert client.get("/auth/reset", headers={"X-Forwarded-Host": "evil.example"}).status_code == 400
    assert client.get("/auth/reset", headers={"X-Forwarded-Host": "mentorbank.test"}).status_code == 200


def test_production_serves_only_the_public_host(monkeypatch):
    from flask import Flask

    from mentorbank.config import load_config
    from mentorbank.core.security import trusted_hosts

    production = Flask("production")
    load_config(production, {"ENV_NAME": "production", "SECRET_KEY": "x" * 32, "SQLALCHEMY_DATABASE_URI": "sqlite://",
                             "PUBLIC_URL": "https://mentors.example.ru"})
    assert trusted_hosts(production) == ["mentors.example.ru"]


def test_production_refuses_to_start_without_a_public_url(monkeypatch, tmp_path):
    from flask import Flask

    from mentorbank.config import Defaults, load_config

    monkeypatch.setenv("MENTORBANK_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "x" * 32)
    monkeypatch.delenv("PUBLIC_URL", raising=False)
    with pytest.raises(RuntimeError, match="PUBLIC_URL"):
        load_config(Flask("production", instance_path=str(tmp_path)), None)
    monkeypatch.setenv("PUBLIC_URL", "https://mentors.example.ru")
    # A production site also names its own operator (tests/portal/test_operator.py).
    (tmp_path / "config.py").write_text(f"OPERATOR = {dict(Defaults.OPERATOR, inn='5262000000')!r}\n")
    load_config(Flask("production", instance_path=str(tmp_path), instance_relative_config=True), None)


def test_public_links_need_no_request_and_keep_a_path_prefix(app, monkeypatch):
    from mentorbank.core.security import public_url

    with app.app_context():
        assert public_url("auth.login") == PUBLIC_URL + "/auth/login"
        monkeypatch.setitem(app.config, "PUBLIC_URL", "https://example.ru/mentors/")
        assert public_url("auth.reset_password", token="abc") == "https://example.ru/mentors/auth/reset/abc"
