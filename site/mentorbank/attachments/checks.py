"""What an upload is, decided by its content: the signature of its first bytes, and for ZIP-based office
documents the members they must have. The name only has to agree with what the content is.

No library here: the five signatures are a few bytes each, and the ZIP formats need ``zipfile`` anyway.
Nothing is ever extracted: a ZIP's members are judged by its central directory (names and declared sizes), and
only ODF's tiny ``mimetype`` member is read, bounded.
"""
import io
import posixpath
import shutil
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import IO

from flask import current_app
from flask_babel import lazy_gettext as _l

# Extension → (label shown to people, media type served). The label is what the refusals name.
ALLOWED = {
    "pdf": ("PDF", "application/pdf"),
    "doc": ("DOC", "application/msword"),
    "docx": ("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "ppt": ("PPT", "application/vnd.ms-powerpoint"),
    "pptx": ("PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    "xls": ("XLS", "application/vnd.ms-excel"),
    "xlsx": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "odt": ("ODT", "application/vnd.oasis.opendocument.text"),
    "ods": ("ODS", "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": ("ODP", "application/vnd.oasis.opendocument.presentation"),
    "jpg": ("JPG", "image/jpeg"),
    "jpeg": ("JPG", "image/jpeg"),
    "png": ("PNG", "image/png"),
}
# Shown inline in the browser (the rest are always downloaded).
INLINE_MEDIA_TYPES = frozenset({"image/jpeg", "image/png"})
# The kinds as people read them, in the order of the hint: "PDF, DOC, DOCX, …".
ALLOWED_LABELS = tuple(dict.fromkeys(label for label, _media in ALLOWED.values()))

PDF_SIGNATURE = b"%PDF-"
OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
ZIP_SIGNATURE = b"PK\x03\x04"

# An OLE2 (Compound File) document names its main stream in its directory, in UTF-16LE.
OLE2_STREAMS = {
    "doc": "WordDocument".encode("utf-16-le"),
    "xls": "Workbook".encode("utf-16-le"),
    "ppt": "PowerPoint Document".encode("utf-16-le"),
}
OLE2_OLD_EXCEL_STREAM = "Book".encode("utf-16-le")  # Excel 5/95
OOXML_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}

# A ZIP document: at most this many members, this many bytes unpacked in all, and unpacked at most this many
# times its packed size (a real DOCX/XLSX is 5–20×; a bomb is thousands).
MAX_ZIP_MEMBERS = 2000
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100

MAX_NAME_LENGTH = 150
DEFAULT_STEM = "файл"
COPY_CHUNK = 1024 * 1024


class UploadRefused(Exception):
    """An upload the site does not keep; ``message`` is a sentence for the person who sent it (translated)."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass
class CheckedFile:
    """An upload that passed every check. ``stream`` is positioned at 0 and readable to the end; ``path`` is
    None (the content stays in the upload's stream, which Werkzeug spools to disk past 500 KB)."""

    original_name: str
    extension: str
    media_type: str
    size: int
    stream: IO[bytes]
    path: str | None = None

    @property
    def kind_label(self) -> str:
        return ALLOWED[self.extension][0]


def max_file_size() -> int:
    return current_app.config["UPLOAD_MAX_FILE_SIZE"]


def human_size(size: int) -> str:
    """«1,5 МБ», «320 КБ», «12 байт» in the visitor's language."""
    from flask_babel import format_decimal, gettext

    if size >= 1024 * 1024:
        return gettext("%(number)s MB", number=format_decimal(round(size / (1024 * 1024), 1)))
    if size >= 1024:
        return gettext("%(number)s KB", number=format_decimal(round(size / 1024)))
    return gettext("%(number)s bytes", number=format_decimal(size))


# --- names ---------------------------------------------------------------------------------------------------

def _is_shown_character(character: str) -> bool:
    # Cc: control characters and NUL; Cf: format characters (bidi overrides and isolates, zero-width marks, which
    # let «exe.pdf» display as «fdp.exe»); Zl/Zp: line and paragraph separators.
    return unicodedata.category(character) not in {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


def sanitise_name(raw_name: str | None) -> str:
    """The name to show and to download under: no folders (``../``, ``C:\\…``), no control or bidi characters,
    no leading dots, at most MAX_NAME_LENGTH characters with the extension kept; empty → «файл»."""
    name = unicodedata.normalize("NFC", raw_name or "").replace("\\", "/")
    name = posixpath.basename(name)
    if ":" in name:  # a Windows drive or an NTFS stream: keep only what follows
        name = name.rsplit(":", 1)[1]
    name = "".join(" " if character.isspace() else character for character in name if
                   character.isspace() or _is_shown_character(character))
    name = " ".join(name.split()).rstrip(" .")  # runs of spaces (tabs, line breaks) → one space
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    extension = extension.strip()[:10]
    room = MAX_NAME_LENGTH - (len(extension) + 1 if extension else 0)
    stem = stem.lstrip(" .")[:room].rstrip(" .") or DEFAULT_STEM  # a leading dot hides a file on Unix
    return f"{stem}.{extension}" if extension else stem


def extension_of(name: str) -> str:
    _stem, dot, extension = name.rpartition(".")
    return extension.lower() if dot else ""


# --- content -------------------------------------------------------------------------------------------------

def _seekable(stream: IO[bytes], name: str, limit: int) -> IO[bytes]:
    """The upload as a seekable stream; a non-seekable one is copied, and refused past ``limit`` bytes."""
    try:
        if stream.seekable():
            return stream
    except (AttributeError, ValueError):
        pass
    copy = tempfile.SpooledTemporaryFile(max_size=COPY_CHUNK)
    copied = 0
    while chunk := stream.read(COPY_CHUNK):
        copied += len(chunk)
        if copied > limit:
            raise _too_large(name)
        copy.write(chunk)
    return copy


def _too_large(name: str) -> UploadRefused:
    return UploadRefused(_l("«%(name)s» is larger than %(limit)s", name=name, limit=human_size(max_file_size())))


def _ole2_kind(stream: IO[bytes]) -> str | None:
    """Which Office 97–2003 document: the one whose main stream the directory names (looked for chunk by chunk)."""
    stream.seek(0)
    overlap = max(len(name) for name in OLE2_STREAMS.values())
    tail = b""
    found = set()
    while chunk := stream.read(COPY_CHUNK):
        window = tail + chunk
        found.update(kind for kind, name in OLE2_STREAMS.items() if name in window)
        if OLE2_OLD_EXCEL_STREAM + b"\x00\x00" in window:
            found.add("xls")
        tail = window[-overlap:]
    # A Word file may embed a workbook and vice versa; the main stream of each kind is checked in this order.
    for kind in ("doc", "ppt", "xls"):
        if kind in found:
            return kind
    return None


def _zip_kind(stream: IO[bytes], packed_size: int) -> str | None:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        return None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise UploadRefused(_l("is an archive with too many parts"))
        unpacked = sum(member.file_size for member in members)
        if unpacked > MAX_ZIP_UNCOMPRESSED or unpacked > MAX_ZIP_RATIO * max(packed_size, 1):
            raise UploadRefused(_l("unpacks to far more than its size (a zip bomb?)"))
        names = {member.filename for member in members}
        if any(posixpath.basename(name).lower() == "vbaproject.bin" for name in names):
            raise UploadRefused(_l("contains macros; save it without them"))
        if "[Content_Types].xml" in names:
            for kind, folder in OOXML_PARTS.items():
                if any(name.startswith(folder) for name in names):
                    return kind
            return None
        if members and members[0].filename == "mimetype" and members[0].file_size <= 100:
            with archive.open(members[0]) as member:
                declared = member.read(101).strip()
            for kind, mimetype in ODF_MIMETYPES.items():
                if declared == mimetype:
                    return kind
    return None


def detect_kind(stream: IO[bytes], size: int) -> str | None:
    """The extension the content really has (``jpg`` for every JPEG), or None for anything not allowed."""
    stream.seek(0)
    head = stream.read(16)
    if head.startswith(PDF_SIGNATURE):
        return "pdf"
    if head.startswith(PNG_SIGNATURE):
        return "png" if head[12:16] == b"IHDR" else None  # the header chunk always comes first
    if head.startswith(JPEG_SIGNATURE):
        return "jpg"
    if head.startswith(OLE2_SIGNATURE):
        return _ole2_kind(stream)
    if head.startswith(ZIP_SIGNATURE):
        return _zip_kind(stream, size)
    return None


def _same_kind(named: str, detected: str) -> bool:
    return named == detected or {named, detected} == {"jpg", "jpeg"}


def check_upload(file_storage) -> CheckedFile:
    """Check one uploaded file (a Werkzeug ``FileStorage``); raise UploadRefused saying what is wrong."""
    name = sanitise_name(file_storage.filename)
    named = extension_of(name)
    if named not in ALLOWED:
        raise UploadRefused(_l("«%(name)s»: files of this kind are not accepted; allowed: %(kinds)s",
                               name=name, kinds=", ".join(ALLOWED_LABELS)))
    stream = _seekable(file_storage.stream, name, max_file_size())
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    if size > max_file_size():
        raise _too_large(name)
    if size == 0:
        raise UploadRefused(_l("«%(name)s» is empty", name=name))
    try:
        detected = detect_kind(stream, size)
    except UploadRefused as refusal:
        raise UploadRefused(_l("«%(name)s» %(problem)s", name=name, problem=refusal.message)) from None
    if detected is None or not _same_kind(named, detected):
        raise UploadRefused(_l("«%(name)s» is not a %(kind)s, although it is named so",
                               name=name, kind=ALLOWED[named][0]))
    stream.seek(0)
    return CheckedFile(original_name=name, extension=named, media_type=ALLOWED[named][1], size=size, stream=stream)


def copy_to(checked: CheckedFile, target: IO[bytes]) -> None:
    checked.stream.seek(0)
    shutil.copyfileobj(checked.stream, target, COPY_CHUNK)
