"""``flask mentors import``: which files it reads, what it stores, and which files it refuses as a whole."""
import pytest

from mentorbank.mentors.models import MentorProfile, ProfileStatus
from mentorbank.organisations.models import Organisation, Region

from .conftest import HEADERS, count, mentor_row, profile_of, user_by_email


def test_a_row_becomes_an_approved_mentor_with_every_column(write_csv, import_file):
    result = import_file(write_csv([mentor_row()]))

    assert result.exit_code == 0, result.output
    assert "Создано: 1, обновлено: 0, без изменений: 0, отклонено: 0." in result.output
    user = user_by_email("morozov.ds@example.org")
    assert user.full_name == "Морозов Дмитрий Сергеевич"
    assert user.position == "учитель информатики"
    profile = profile_of(user.email)
    assert profile.status == ProfileStatus.APPROVED
    assert profile.published_at and profile.decided_at
    assert profile.publication_consent_at and profile.mentoring_consent_at
    assert profile.subjects == "информатика; робототехника"
    assert profile.experience_years == 12
    assert profile.achievements.startswith("Ведущий цикла вебинаров")
    assert profile.bio.startswith("Помогаю коллегам освоить цифровые технологии")
    assert sorted(term.slug for term in profile.terms) == ["ict", "remote", "teacher-teacher", "virtual"]
    organisation = profile.organisation
    assert organisation.name == "ГБОУ «Средняя общеобразовательная школа № 339»"
    assert organisation.kind.slug == "school"
    assert (organisation.municipality.name, organisation.region.name) == ("Невский район", "Санкт-Петербург")
    assert user.organisation == organisation


def test_an_imported_mentor_cannot_log_in_until_they_set_a_password(write_csv, import_file):
    import_file(write_csv([mentor_row()]))
    user = user_by_email("morozov.ds@example.org")
    assert user.password_hash is None
    assert not user.check_password("")
    assert not user.check_password("morozov.ds@example.org")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
@pytest.mark.parametrize("delimiter", [";", ","])
def test_csv_in_utf8_or_windows_1251_with_semicolons_or_commas(write_csv, import_file, encoding, delimiter):
    # Commas inside cells are quoted by the writer, as spreadsheet programs do.
    rows = [mentor_row(), mentor_row("belova.sa@example.org", ФИО="Белова Светлана Александровна",
                                     Достижения="Победитель конкурса, лауреат премии")]
    result = import_file(write_csv(rows, encoding=encoding, delimiter=delimiter))

    assert result.exit_code == 0, result.output
    assert "Создано: 2" in result.output and "отклонено: 0" in result.output
    assert f"разделитель «{delimiter}»" in result.output
    assert ("Windows-1251" in result.output) == (encoding == "cp1251")
    profile = profile_of("belova.sa@example.org")
    assert profile.user.full_name == "Белова Светлана Александровна"
    assert profile.achievements == "Победитель конкурса, лауреат премии"
    assert profile.organisation.region.name == "Санкт-Петербург"


def test_xlsx_with_numbers_and_empty_cells(write_xlsx, import_file):
    rows = [mentor_row(Стаж=12, Достижения=None),
            mentor_row("orlova.mi@example.org", ФИО="Орлова Марина Игоревна", Стаж=20.0)]
    result = import_file(write_xlsx(rows))

    assert result.exit_code == 0, result.output
    assert "XLSX" in result.output and "Создано: 2" in result.output and "отклонено: 0" in result.output
    morozov, orlova = profile_of("morozov.ds@example.org"), profile_of("orlova.mi@example.org")
    assert (morozov.experience_years, morozov.achievements) == (12, None)
    assert orlova.experience_years == 20


def test_headers_are_matched_whatever_their_case_and_order(write_csv, import_file):
    headers = ["e-mail", "фио", " РЕГИОН ", "муниципалитет", "организация", "Режим"]
    row = {"e-mail": "morozov.ds@example.org", "фио": "Морозов Дмитрий Сергеевич", " РЕГИОН ": "Санкт-Петербург",
           "муниципалитет": "Невский район", "организация": "ГБОУ «Школа № 339»", "Режим": "очный"}
    result = import_file(write_csv([row], headers=headers))

    assert result.exit_code == 0, result.output
    profile = profile_of("morozov.ds@example.org")
    assert profile.user.full_name == "Морозов Дмитрий Сергеевич"
    assert [term.slug for term in profile.terms] == ["in-person"]


def test_title_lines_above_the_header_are_skipped(write_xlsx, import_file):
    title = [["Реестр наставников Санкт-Петербурга"], ["по состоянию на 01.09.2026"], []]
    rows = [mentor_row(), mentor_row("second@example.org", Формат="заочный")]
    result = import_file(write_xlsx(rows, above_header=title))

    assert result.exit_code == 0, result.output
    assert "Строка 6 отклонена: неизвестное значение «заочный» в столбце «Формат»." in result.output
    assert "Создано: 1, обновлено: 0, без изменений: 0, отклонено: 1." in result.output


def test_unknown_columns_are_named_and_skipped(write_csv, import_file):
    result = import_file(write_csv([mentor_row() | {"Телефон": "+7 900 000-00-00"}], headers=(*HEADERS, "Телефон")))
    assert result.exit_code == 0
    assert "Неизвестные столбцы пропущены: «Телефон»." in result.output
    assert profile_of("morozov.ds@example.org").phone is None


def test_missing_required_headers_stop_the_import(write_csv, import_file):
    headers = [header for header in HEADERS if header not in ("E-mail", "Регион")]
    result = import_file(write_csv([mentor_row()], headers=headers))

    assert result.exit_code != 0
    assert "нет обязательных столбцов: «E-mail», «Регион»" in result.output
    assert count(Organisation) == count(MentorProfile) == count(Region) == 0


def test_a_column_given_twice_stops_the_import(write_csv, import_file):
    result = import_file(write_csv([mentor_row()], headers=(*HEADERS, "ФИО")))
    assert result.exit_code != 0
    assert "«ФИО» встречается в заголовке дважды" in result.output


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("mentors.pdf", b"%PDF-1.4", "Неизвестный формат файла"),
        ("mentors.xls", b"\xd0\xcf\x11\xe0", "XLS (Excel 97–2003) не поддерживается"),
        ("mentors.xlsx", b"not a zip at all", "файл повреждён или это не XLSX"),
        ("mentors.csv", b"", "Файл пуст"),
        ("mentors.csv", b"\n;;\n", "Файл пуст"),
    ],
)
def test_a_file_that_cannot_be_read_stops_the_import(tmp_path, import_file, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    result = import_file(path)
    assert result.exit_code != 0
    assert message in result.output
    assert count(MentorProfile) == 0


def test_a_missing_file_is_a_usage_error(tmp_path, import_file):
    result = import_file(tmp_path / "absent.csv")
    assert result.exit_code == 2
    assert "does not exist" in result.output
