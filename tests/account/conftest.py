from tests.application.conftest import log_in  # noqa: F401 - the same log-in fixture
