"""The pages are checked in Russian and English: compile the catalogue once before any test renders a page."""
import subprocess
import sys
from pathlib import Path

import pytest

from mentorbank.extensions import db

TRANSLATIONS = Path(__file__).resolve().parents[2] / "site" / "mentorbank" / "translations"


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalogue():
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "compile", "-d", str(TRANSLATIONS), "--use-fuzzy"],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def publish():
    """Commit what the test made, so the search index (which follows commits) sees it."""

    def commit():
        db.session.commit()

    return commit


def htmx_get(client, url, **headers):
    return client.get(url, headers={"HX-Request": "true", **headers})
