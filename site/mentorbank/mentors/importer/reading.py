"""Reading a registry file into rows of text cells: CSV (UTF-8 or Windows-1251, comma, semicolon or tab) or XLSX.

Row numbers are the ones a spreadsheet program shows: the header is row 1 when it is the first line, and blank
lines still count, so an operator can go straight to the row a message names. Title lines above the header
(«Реестр наставников на 01.09.2026») are skipped when the caller says what a header looks like.
"""
import csv
import io
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

CSV_SUFFIXES = {".csv", ".txt"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
ENCODINGS = ("utf-8-sig", "cp1251")
DELIMITERS = (";", ",", "\t")


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message is for the operator (Russian)."""


@dataclass
class Sheet:
    headers: list[str]
    # (row number, cells); rows without any text are left out.
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    # How the file was read, for the report: «CSV, UTF-8, ";"» or «XLSX, лист "Наставники"».
    description: str = ""


HeaderTest = Callable[[list[str]], bool]


def read_sheet(path: Path, is_header: HeaderTest | None = None) -> Sheet:
    """The header is the first row with text that ``is_header`` accepts (the first row with text if none does)."""
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _read_csv(path, is_header)
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path, is_header)
    if suffix == ".xls":
        raise ImportFileError("Формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX или CSV.")
    raise ImportFileError(f"Неизвестный формат файла «{path.name}»: нужен CSV или XLSX.")


def cell_text(value) -> str:
    """A cell as text: whole numbers without «.0», dates as ДД.ММ.ГГГГ, surrounding spaces removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


def _decode(raw: bytes) -> tuple[str, str]:
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ImportFileError("Не удалось прочитать CSV: кодировка не UTF-8 и не Windows-1251.")


def _delimiter(text: str) -> str:
    """The separator used most in the header line (the first line with text)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
    return max(counts, key=counts.get)


def _read_csv(path: Path, is_header: HeaderTest | None) -> Sheet:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"Не удалось прочитать «{path.name}»: {error.strerror}.") from error
    text, encoding = _decode(raw)
    if "\x00" in text:
        raise ImportFileError(f"Файл «{path.name}» не похож на CSV: в нём двоичные данные.")
    delimiter = _delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ImportFileError(f"Не удалось разобрать CSV: {error}.") from error
    name = {"\t": "табуляция"}.get(delimiter, f"«{delimiter}»")
    label = "UTF-8" if encoding == "utf-8-sig" else "Windows-1251"
    return _sheet(enumerate(records, start=1), f"CSV, {label}, разделитель {name}", is_header)


def _read_xlsx(path: Path, is_header: HeaderTest | None) -> Sheet:
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and data validation it does not keep; only the values matter here.
            warnings.simplefilter("ignore", UserWarning)
            workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise ImportFileError(f"Не удалось открыть XLSX «{path.name}»: файл повреждён или это не XLSX.") from error
    try:
        worksheet = workbook.worksheets[0]
        rows = [
            (number, [cell_text(value) for value in values])
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
        ]
        return _sheet(rows, f"XLSX, лист «{worksheet.title}»", is_header)
    finally:
        workbook.close()


def _sheet(numbered_rows, description: str, is_header: HeaderTest | None) -> Sheet:
    """The header row, and the rows with any text after it."""
    rows = []
    for number, cells in numbered_rows:
        cells = [cell_text(cell) for cell in cells]
        if any(cells):
            rows.append((number, cells))
    if not rows:
        raise ImportFileError("Файл пуст: нет ни заголовков, ни строк.")
    header_at = next((index for index, (_, cells) in enumerate(rows) if is_header and is_header(cells)), 0)
    return Sheet(headers=rows[header_at][1], rows=rows[header_at + 1:], description=description)
