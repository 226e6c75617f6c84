"""Small real files of every allowed kind, and the abusive ones, built in memory."""
import io
import struct
import zipfile
import zlib

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


def jpeg() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"


def ole2(stream_name: str) -> bytes:
    """A Compound File header and one directory sector naming the document's main stream."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 16 + struct.pack("<HHH", 0x3E, 3, 0xFFFE)
    header = header.ljust(512, b"\x00")
    directory = "Root Entry".encode("utf-16-le").ljust(128, b"\x00")
    directory += stream_name.encode("utf-16-le").ljust(128, b"\x00")
    return header + directory.ljust(512, b"\x00")


def _zip(members: dict[str, bytes], stored_first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first:
            archive.writestr(zipfile.ZipInfo(stored_first), members.pop(stored_first), zipfile.ZIP_STORED)
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def ooxml(folder: str) -> bytes:
    main = {"word": "document.xml", "xl": "workbook.xml", "ppt": "presentation.xml"}[folder]
    return _zip({
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                               b'package/2006/content-types"/>',
        "_rels/.rels": b'<?xml version="1.0"?><Relationships/>',
        f"{folder}/{main}": b'<?xml version="1.0"?><root/>',
    })


def odf(kind: str) -> bytes:
    return _zip({"mimetype": f"application/vnd.oasis.opendocument.{kind}".encode(),
                 "content.xml": b'<?xml version="1.0"?><office:document-content/>',
                 "META-INF/manifest.xml": b'<?xml version="1.0"?><manifest/>'}, stored_first="mimetype")


# name → content: every allowed kind, accepted.
ALLOWED_FILES = {
    "Положение о наставничестве.pdf": MINIMAL_PDF,
    "План.doc": ole2("WordDocument"),
    "План.docx": ooxml("word"),
    "Презентация.ppt": ole2("PowerPoint Document"),
    "Презентация.pptx": ooxml("ppt"),
    "Таблица.xls": ole2("Workbook"),
    "Таблица.xlsx": ooxml("xl"),
    "Отчёт.odt": odf("text"),
    "Отчёт.ods": odf("spreadsheet"),
    "Отчёт.odp": odf("presentation"),
    "Фото.jpg": jpeg(),
    "Фото.JPEG": jpeg(),
    "Схема.png": png(),
}

ELF_EXECUTABLE = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120
PE_EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56 + b"PE\x00\x00" + b"\x00" * 64
HTML_PAGE = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


def zip_bomb() -> bytes:
    """A «DOCX» whose one member unpacks 1000× larger than the archive (≈ 50 MB of zeros in ≈ 50 KB)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            zeros = b"\x00" * (1024 * 1024)
            for _ in range(50):
                member.write(zeros)
    return buffer.getvalue()


def docx_with_macros() -> bytes:
    return _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<root/>",
                 "word/vbaProject.bin": b"\x00" * 100})
