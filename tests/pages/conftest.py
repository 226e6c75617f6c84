"""The pages are checked in Russian and English, from the compiled catalogue ``make translations`` writes
(test_catalogue.py fails when it is missing or older than messages.po)."""
import pytest

from mentorbank.extensions import db


@pytest.fixture
def publish():
    """Commit what the test made, so the search index (which follows commits) sees it."""

    def commit():
        db.session.commit()

    return commit


def htmx_get(client, url, **headers):
    return client.get(url, headers={"HX-Request": "true", **headers})
