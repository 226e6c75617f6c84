"""Light pages: compressed responses, and static files under fingerprinted names cached for a year."""
import gc
import gzip
import re
import shutil
from pathlib import Path

import brotli
import pytest
from flask import url_for
from flask_static_digest.digester import compile as digest_compile

from mentorbank import create_app

STATIC = Path(__file__).resolve().parents[2] / "static"
YEAR = 365 * 24 * 3600


@pytest.mark.parametrize(("accepted", "encoding", "decompress"), [
    ("br", "br", brotli.decompress),
    ("gzip", "gzip", gzip.decompress),
    ("gzip, deflate, br", "br", brotli.decompress),
])
def test_pages_are_compressed_as_the_client_accepts(client, accepted, encoding, decompress):
    response = client.get("/", headers={"Accept-Encoding": accepted})
    assert response.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response.headers["Vary"]
    assert "<main" in decompress(response.get_data()).decode()


def test_static_files_are_compressed_and_their_file_closed(client):
    response = client.get("/static/css/site.css", headers={"Accept-Encoding": "br"})
    assert response.headers["Content-Encoding"] == "br"
    assert brotli.decompress(response.get_data()) == (STATIC / "css" / "site.css").read_bytes()
    response.close()
    del response
    gc.collect()  # an unclosed file would warn here (ResourceWarning), and warnings fail the tests


def test_a_client_that_accepts_no_compression_gets_plain_text(client):
    response = client.get("/", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in response.headers
    assert "<main" in response.get_data(as_text=True)


@pytest.fixture
def digested_app(app, tmp_path):
    """An app whose static folder holds what `flask digest compile` (make assets) writes: copies named after
    their content and a cache_manifest.json. Built in a copy, so the test writes nothing into the tree."""
    static = tmp_path / "static"
    for folder in ("css", "js"):
        shutil.copytree(STATIC / folder, static / folder)
    digest_compile(f"{static}/", f"{static}/", [], False, False)
    keys = ("TESTING", "ENV_NAME", "SECRET_KEY", "SQLALCHEMY_DATABASE_URI", "SEARCH_INDEX_DIR", "SERVER_NAME")
    return create_app({**{key: app.config[key] for key in keys}, "STATIC_FOLDER": str(static)})


def test_static_urls_carry_the_fingerprint_and_are_cached_for_a_year(digested_app):
    with digested_app.test_request_context():
        url = url_for("static", filename="css/site.css")
    assert re.fullmatch(r"/static/css/site-[0-9a-f]{32}\.css", url)
    response = digested_app.test_client().get(url)
    assert response.status_code == 200
    assert response.get_data() == (STATIC / "css" / "site.css").read_bytes()
    assert f"max-age={YEAR}" in response.headers["Cache-Control"]
    response.close()


def test_pages_link_the_fingerprinted_files(digested_app):
    with digested_app.app_context():
        html = digested_app.test_client().get("/auth/login").get_data(as_text=True)
    assert re.search(r'href="/static/css/site-[0-9a-f]{32}\.css"', html)
    assert re.search(r'src="/static/js/site-[0-9a-f]{32}\.js"', html)


def test_the_plain_name_still_works_with_a_short_lifetime(digested_app):
    response = digested_app.test_client().get("/static/css/site.css")
    assert response.status_code == 200
    max_age = int(re.search(r"max-age=(\d+)", response.headers["Cache-Control"]).group(1))
    assert 0 < max_age <= 3600
    response.close()

