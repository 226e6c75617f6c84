"""Serving attachments: only to whoever may see the record they belong to, under their original name, with the
type detected at upload, and headers that keep a browser from running anything in them."""
from flask import Blueprint, abort, redirect, send_file, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from ..core.errors import render_error
from ..extensions import db, login_manager
from . import storage
from .checks import INLINE_MEDIA_TYPES, human_size
from .models import Attachment
from .service import may_view

bp = Blueprint("attachments", __name__)

# No script, plugin, form or same-origin access even if a browser were talked into rendering the file as a page.
FILE_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
# Files anyone may see can be kept by a browser or proxy for a while (a detached one disappears within the hour).
PUBLIC_MAX_AGE = 3600


@bp.get("/files/<int:attachment_id>/<path:name>")
def download(attachment_id: int, name: str):
    attachment = db.session.get(Attachment, attachment_id)
    if attachment is None or not may_view(attachment, current_user):
        abort(404)
    if name != attachment.original_name:
        return redirect(url_for_attachment(attachment), 308)
    path = storage.path_of(attachment.storage_key)
    if not path.is_file():
        abort(404)
    response = send_file(
        path, mimetype=attachment.media_type, as_attachment=attachment.media_type not in INLINE_MEDIA_TYPES,
        download_name=attachment.original_name, conditional=True, etag=True,
        max_age=lambda _path: None,  # not the static files' long max-age: decided below
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = FILE_CONTENT_SECURITY_POLICY
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    if may_view(attachment, login_manager.anonymous_user()):
        response.cache_control.public = True
        response.cache_control.max_age = PUBLIC_MAX_AGE
    else:
        response.cache_control.private = True
        response.cache_control.no_store = True
        response.vary.add("Cookie")
    return response


def url_for_attachment(attachment: Attachment) -> str:
    return url_for("attachments.download", attachment_id=attachment.id, name=attachment.original_name)


@bp.app_errorhandler(RequestEntityTooLarge)
def request_too_large(_error):
    from flask import current_app

    return render_error(413, message=_l(
        "Files sent at once may weigh at most %(request_limit)s in all, each at most %(file_limit)s. "
        "Send large files one by one.",
        request_limit=human_size(current_app.config["MAX_CONTENT_LENGTH"]),
        file_limit=human_size(current_app.config["UPLOAD_MAX_FILE_SIZE"]),
    ))


@bp.app_template_filter("file_size")
def file_size(size: int) -> str:
    return human_size(size)


@bp.app_template_global("attachment_url")
def attachment_url(attachment: Attachment) -> str:
    return url_for_attachment(attachment)
