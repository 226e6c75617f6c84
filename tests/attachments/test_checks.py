"""check_upload decides by content: every allowed kind passes, whatever pretends to be one is refused."""
import pytest

from mentorbank.attachments import ALLOWED, UploadRefused, check_upload, sanitise_name

from . import files
from .conftest import upload


@pytest.mark.parametrize("name", list(files.ALLOWED_FILES))
def test_every_allowed_kind_is_accepted(russian, name):
    content = files.ALLOWED_FILES[name]
    checked = check_upload(upload(name, content, content_type="text/html"))
    extension = name.rpartition(".")[2].lower()
    assert checked.original_name == name
    assert checked.media_type == ALLOWED[extension][1]  # from the content's kind, not the browser's claim
    assert checked.size == len(content)
    assert checked.stream.read() == content


@pytest.mark.parametrize("name, content, expected", [
    ("Положение.pdf", files.ELF_EXECUTABLE, "«Положение.pdf» — это не PDF, хотя так названо"),
    ("Положение.pdf", files.PE_EXECUTABLE, "«Положение.pdf» — это не PDF, хотя так названо"),
    ("фото.png", files.HTML_PAGE, "«фото.png» — это не PNG, хотя так названо"),
    ("фото.jpg", files.png(), "«фото.jpg» — это не JPG, хотя так названо"),
    ("План.docx", files.ooxml("xl"), "«План.docx» — это не DOCX, хотя так названо"),
    ("План.doc", files.ole2("Workbook"), "«План.doc» — это не DOC, хотя так названо"),
    ("Отчёт.odt", files.odf("spreadsheet"), "«Отчёт.odt» — это не ODT, хотя так названо"),
    ("Архив.docx", files._zip({"a.txt": b"hello"}), "«Архив.docx» — это не DOCX, хотя так названо"),
    ("вирус.exe", files.PE_EXECUTABLE, "«вирус.exe»: такие файлы не принимаются"),
    ("страница.html", files.HTML_PAGE, "«страница.html»: такие файлы не принимаются"),
    ("без расширения", files.MINIMAL_PDF, "«без расширения»: такие файлы не принимаются"),
    ("пусто.pdf", b"", "«пусто.pdf» — пустой файл"),
    ("бомба.docx", files.zip_bomb(), "«бомба.docx» распаковывается"),
    ("макрос.docx", files.docx_with_macros(), "«макрос.docx» содержит макросы"),
])
def test_content_that_is_not_what_it_is_named_is_refused(russian, name, content, expected):
    with pytest.raises(UploadRefused) as refused:
        check_upload(upload(name, content))
    assert expected in str(refused.value.message)


def test_a_file_over_the_limit_is_refused(app, russian):
    limit = app.config["UPLOAD_MAX_FILE_SIZE"]
    content = files.MINIMAL_PDF + b"0" * (limit - len(files.MINIMAL_PDF) + 1)
    with pytest.raises(UploadRefused) as refused:
        check_upload(upload("большой.pdf", content))
    assert str(refused.value.message) == "«большой.pdf» больше 20 МБ"
    assert check_upload(upload("ровно.pdf", content[:limit])).size == limit


def test_a_zip_with_too_many_members_is_refused(russian, monkeypatch):
    from mentorbank.attachments import checks

    monkeypatch.setattr(checks, "MAX_ZIP_MEMBERS", 3)
    with pytest.raises(UploadRefused, match="слишком много частей"):
        check_upload(upload("много.docx", files._zip(
            {"[Content_Types].xml": b"<Types/>", **{f"word/{i}.xml": b"<a/>" for i in range(4)}})))


@pytest.mark.parametrize("raw, shown", [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("..\\..\\Windows\\system32\\отчёт.pdf", "отчёт.pdf"),
    ("C:\\Users\\Анна\\Desktop\\план.docx", "план.docx"),
    ("/absolute/path/план.docx", "план.docx"),
    ("от\x00чёт\x07\r\n.pdf", "отчёт.pdf"),
    ("отчёт\u202efdp.exe", "отчётfdp.exe"),  # a bidi override would show it as «отчётexe.pdf»
    ("\u2066план\u2069 .pdf", "план.pdf"),
    ("   ..hidden.pdf  ", "hidden.pdf"),
    ("..", "файл"),
    ("", "файл"),
    (None, "файл"),
    (".pdf", "файл.pdf"),
    ("a:b.pdf", "b.pdf"),
    ("табель\tучёта   2025.xlsx", "табель учёта 2025.xlsx"),
])
def test_names_are_sanitised(raw, shown):
    assert sanitise_name(raw) == shown


def test_long_names_are_bounded_and_keep_their_extension():
    name = sanitise_name("Очень длинное название " * 20 + ".docx")
    assert len(name) <= 150 and name.endswith(".docx")


def test_a_name_with_path_parts_is_stored_without_them(app_context):
    checked = check_upload(upload("../../../srv/www/static/x.pdf", files.MINIMAL_PDF))
    assert checked.original_name == "x.pdf"
