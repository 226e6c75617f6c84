"""Attachments: files kept for records of any kind (practices, contest entries, library items), checked by their
content, stored outside ``static/`` under random names, served only to whoever may see their record.

The interface the domains use (issue 10 §1):
- ``register_owner(kind, may_view)`` once per kind (in the domain's registrations.py);
- ``attach`` / ``attach_all`` / ``attachments_of`` / ``copy_attachments`` / ``detach`` (no commit inside; the
  stored files follow the caller's commit or rollback);
- ``AttachmentsField`` in a form, ``templates/attachments/_field.html`` to draw it and
  ``templates/attachments/_list.html`` to list a record's files;
- ``check_upload`` and ``UploadRefused`` for anyone who needs only the verdict.
"""
from .checks import ALLOWED, CheckedFile, UploadRefused, check_upload, human_size, sanitise_name
from .forms import AttachmentsField
from .models import Attachment
from .routes import url_for_attachment
from .service import (
    MAX_ATTACHMENTS_PER_OWNER, attach, attach_all, attachments_of, copy_attachments, detach, detach_all,
    register_owner,
)

__all__ = [
    "ALLOWED", "Attachment", "AttachmentsField", "CheckedFile", "MAX_ATTACHMENTS_PER_OWNER", "UploadRefused",
    "attach", "attach_all", "attachments_of", "check_upload", "copy_attachments", "detach", "detach_all",
    "human_size", "register_owner", "sanitise_name", "url_for_attachment",
]
