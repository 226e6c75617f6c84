"""The benchmark builds its own database and index: none of the suite's per-test database and index set-up."""
import pytest


@pytest.fixture(autouse=True)
def _isolated():
    """Overrides the suite's fixture of the same name: no test database, no rolled-back session."""
    yield
