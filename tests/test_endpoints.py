"""Every link names an endpoint that exists: renaming or removing one fails here, instead of making a link
vanish or a rarely rendered branch of a template break in production. (The route matrix renders every page
as well; this also covers branches and mails it does not reach.)"""
import re
from pathlib import Path

import pytest

import mentorbank
from mentorbank.core import records

ROOT = Path(mentorbank.__file__).resolve().parents[2]
# url_for('x.y' ...), url_for("x.y" ...), and redirect targets such as login_view = "auth.login"
LITERAL_ENDPOINT = re.compile(r"""url_for\(\s*["']([\w.]+)["']""")
SOURCES = [*sorted((ROOT / "templates").rglob("*.html")), *sorted((ROOT / "templates").rglob("*.txt")),
           *sorted((ROOT / "site" / "mentorbank").rglob("*.py"))]


def endpoints_named_in_sources() -> list[tuple[str, str]]:
    return [(str(path.relative_to(ROOT)), endpoint)
            for path in SOURCES
            for endpoint in LITERAL_ENDPOINT.findall(path.read_text(encoding="utf-8"))]


def test_the_sources_name_endpoints(app):
    assert len(endpoints_named_in_sources()) > 50, "the pattern still finds the links"


def test_every_url_for_in_the_sources_names_an_existing_endpoint(app):
    existing = set(app.view_functions)
    missing = [f"{path}: {endpoint}" for path, endpoint in endpoints_named_in_sources()
               if endpoint not in existing and not endpoint.startswith(".")]
    assert missing == []


@pytest.mark.parametrize("which", ["public", "moderator", "owner"])
def test_every_registered_record_page_builds(app, which):
    rules = {rule.endpoint: rule for rule in app.url_map.iter_rules()}
    registered = [record_type for record_type in records.registered() if getattr(record_type, which)]
    assert registered
    for record_type in registered:
        page = getattr(record_type, which)
        assert page.endpoint in rules, f"{record_type.kind}: no endpoint {page.endpoint}"
        if page.argument:
            assert page.argument in rules[page.endpoint].arguments, f"{record_type.kind}: {page}"
        with app.test_request_context():
            assert page.url(1).startswith("/")
