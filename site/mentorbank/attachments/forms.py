"""The form field for attachments: several files at once, the allowed kinds in ``accept``, a hint with the limits,
and a validator that names every refused file and why."""
from flask_babel import lazy_gettext as _l
from wtforms import MultipleFileField
from wtforms.validators import StopValidation

from .checks import ALLOWED, ALLOWED_LABELS, UploadRefused, check_upload, human_size, max_file_size
from .service import MAX_ATTACHMENTS_PER_OWNER

ACCEPT = ",".join([f".{extension}" for extension in ALLOWED] + sorted({media for _l_, media in ALLOWED.values()}))


def attachments_hint():
    return _l("%(kinds)s; up to %(size)s each, at most %(count)s files.",
              kinds=", ".join(ALLOWED_LABELS), size=human_size(max_file_size()), count=MAX_ATTACHMENTS_PER_OWNER)


class AttachmentsField(MultipleFileField):
    """``form.attachments.uploads``: the files actually chosen (a browser sends one empty part when none is).
    Set ``existing_count`` before validating when the record already has attachments, so the limit counts them."""

    def __init__(self, label=None, validators=None, **kwargs):
        render_kw = {"accept": ACCEPT, **(kwargs.pop("render_kw", None) or {})}
        super().__init__(label, [*(validators or []), check_attachments], render_kw=render_kw, **kwargs)
        self.existing_count = 0

    # The hint names limits read from the configuration, so it is built when shown (inside a request).
    @property
    def description(self):
        return self._description or attachments_hint()

    @description.setter
    def description(self, value):
        self._description = value

    @property
    def uploads(self) -> list:
        return [upload for upload in (self.data or []) if upload and getattr(upload, "filename", None)]


def check_attachments(form, field: AttachmentsField) -> None:
    """Every file is checked; each refused one adds its own error, so one bad file does not hide another."""
    uploads = field.uploads
    if field.existing_count + len(uploads) > MAX_ATTACHMENTS_PER_OWNER:
        raise StopValidation(_l("At most %(limit)s files can be attached; %(existing)s already are.",
                                limit=MAX_ATTACHMENTS_PER_OWNER, existing=field.existing_count))
    problems = []
    for upload in uploads:
        try:
            check_upload(upload)
        except UploadRefused as refusal:
            problems.append(refusal.message)
    if problems:
        field.errors.extend(problems[:-1])
        raise StopValidation(problems[-1])
