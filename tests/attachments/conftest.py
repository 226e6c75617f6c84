"""A test-only kind of record with attachments («note»): visible when its id is in ``visible_notes``, so the
attachments are tested without any domain. Registered in the running app's registry for each test."""
import io

import pytest
from werkzeug.datastructures import FileStorage

from mentorbank.attachments import service

NOTE = "test_note"
PUBLIC_NOTE, PRIVATE_NOTE, HIDDEN_NOTE = 1, 2, 3


def _note_visibility(owner_id: int, user) -> bool:
    if owner_id == PUBLIC_NOTE:
        return True
    if owner_id == PRIVATE_NOTE:
        return bool(getattr(user, "is_authenticated", False))
    return False


@pytest.fixture(autouse=True)
def note_kind():
    service.register_owner(NOTE, _note_visibility)
    yield NOTE
    service._OWNERS.pop(NOTE, None)


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> FileStorage:
    return FileStorage(stream=io.BytesIO(content), filename=name, content_type=content_type)


@pytest.fixture
def upload_dir(app):
    from pathlib import Path

    return Path(app.config["UPLOAD_DIR"])


def stored_files(root) -> list:
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


@pytest.fixture
def russian(app):
    """Inside a request in the default language (Russian), so refusals read as a visitor reads them."""
    with app.test_request_context("/"):
        yield
