"""Reading a registry file into rows of text cells: CSV (UTF-8 or Windows-1251, comma, semicolon or tab) or XLSX.

Row numbers are the ones a spreadsheet program shows: the header is row 1 when it is the first line, and blank
lines still count, so an operator can go straight to the row a message names. Title lines above the header
(«Реестр наставников на 01.09.2026») are skipped when the caller says what a header looks like.
"""
import codecs
import csv
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

CSV_SUFFIXES = {".csv", ".txt"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
ENCODINGS = ("utf-8-sig", "cp1251")
DELIMITERS = (";", ",", "\t")
CHUNK_SIZE = 1024 * 1024
# Title lines above the header are looked for this far down; a header is never further.
HEADER_SEARCH_ROWS = 50


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message is for the operator (Russian)."""


NumberedRows = Iterator[tuple[int, list[str]]]


@dataclass
class Sheet:
    """A registry file's header, and its rows read from the file each time they are iterated (never held in
    memory whole: a 50 MB registry is streamed)."""

    headers: list[str]
    # Yields (row number, cells) for the rows after the header that have any text.
    rows: Iterable[tuple[int, list[str]]] = ()
    # How the file was read, for the report: «CSV, UTF-8, ";"» or «XLSX, лист "Наставники"».
    description: str = ""

    def count_rows(self) -> int:
        """A full pass over the file: how many rows there are, and any damage found before anything is written."""
        return sum(1 for _row in self.rows)


HeaderTest = Callable[[list[str]], bool]


def read_sheet(path: Path, is_header: HeaderTest | None = None) -> Sheet:
    """The header is the first row with text that ``is_header`` accepts (the first row with text if none does)."""
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _sheet(_CsvFile(path), is_header)
    if suffix in XLSX_SUFFIXES:
        return _sheet(_XlsxFile(path), is_header)
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


class _CsvFile:
    """A CSV file read line by line; the encoding is found by one streaming pass first."""

    def __init__(self, path: Path):
        self.path = path
        self.encoding = self._encoding()
        self.delimiter = self._delimiter()
        name = {"\t": "табуляция"}.get(self.delimiter, f"«{self.delimiter}»")
        label = "UTF-8" if self.encoding == "utf-8-sig" else "Windows-1251"
        self.description = f"CSV, {label}, разделитель {name}"

    def _encoding(self) -> str:
        for encoding in ENCODINGS:
            decoder = codecs.getincrementaldecoder(encoding)()
            try:
                with self._open_binary() as file:
                    while chunk := file.read(CHUNK_SIZE):
                        if b"\x00" in chunk:
                            raise ImportFileError(f"Файл «{self.path.name}» не похож на CSV: в нём двоичные данные.")
                        decoder.decode(chunk)
                    decoder.decode(b"", final=True)
                return encoding
            except UnicodeDecodeError:
                continue
        raise ImportFileError("Не удалось прочитать CSV: кодировка не UTF-8 и не Windows-1251.")

    def _open_binary(self):
        try:
            return self.path.open("rb")
        except OSError as error:
            raise ImportFileError(f"Не удалось прочитать «{self.path.name}»: {error.strerror}.") from error

    def _delimiter(self) -> str:
        """The separator used most in the header line (the first line with text)."""
        with self.path.open(encoding=self.encoding, newline="") as file:
            header = next((line for line in file if line.strip()), "")
        counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
        return max(counts, key=counts.get)

    def __iter__(self) -> NumberedRows:
        with self.path.open(encoding=self.encoding, newline="") as file:
            try:
                yield from enumerate(csv.reader(file, delimiter=self.delimiter), start=1)
            except csv.Error as error:
                raise ImportFileError(f"Не удалось разобрать CSV: {error}.") from error


class _XlsxFile:
    """The first worksheet of an XLSX file, row by row (openpyxl's read-only mode)."""

    def __init__(self, path: Path):
        self.path = path
        with self._workbook() as workbook:
            self.description = f"XLSX, лист «{workbook.worksheets[0].title}»"

    @contextmanager
    def _workbook(self):
        try:
            with warnings.catch_warnings():
                # openpyxl warns about styles and data validation it does not keep; only the values matter here.
                warnings.simplefilter("ignore", UserWarning)
                workbook = load_workbook(self.path, read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
            raise self._damaged() from error
        except Exception as error:  # noqa: BLE001 - malformed XML and the like: a sentence, not a traceback
            raise self._damaged(error) from error
        try:
            if not workbook.worksheets:
                raise self._damaged()
            yield workbook
        finally:
            workbook.close()

    def _damaged(self, error: Exception | None = None) -> ImportFileError:
        detail = f" ({type(error).__name__}: {error})" if error is not None else ""
        return ImportFileError(f"Не удалось открыть XLSX «{self.path.name}»: файл повреждён или это не XLSX{detail}.")

    def __iter__(self) -> NumberedRows:
        with self._workbook() as workbook:
            worksheet = workbook.worksheets[0]
            # The <dimension> tag may be stale (written by another program): read every row there is.
            worksheet.reset_dimensions()
            try:
                for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                    yield number, [cell_text(value) for value in values]
            except ImportFileError:
                raise
            except Exception as error:  # noqa: BLE001 - a malformed sheet part: one sentence, not a traceback
                raise self._damaged(error) from error


class _RowsAfterHeader:
    """Re-iterable: each iteration reads the file again from the start and skips to the row after the header."""

    def __init__(self, source, header_number: int):
        self.source, self.header_number = source, header_number

    def __iter__(self) -> NumberedRows:
        for number, cells in self.source:
            if number > self.header_number:
                cells = [cell_text(cell) for cell in cells]
                if any(cells):
                    yield number, cells


def _sheet(source, is_header: HeaderTest | None) -> Sheet:
    """The header row (the first row with text that ``is_header`` accepts, else the first with text), and the
    rows with any text after it."""
    first, header = None, None
    with closing(iter(source)) as rows:  # stops reading (and closes the file) once the header is found
        for number, cells in rows:
            cells = [cell_text(cell) for cell in cells]
            if not any(cells):
                continue
            first = first or (number, cells)
            if is_header and is_header(cells):
                header = (number, cells)
                break
            if number - first[0] > HEADER_SEARCH_ROWS:
                break
    header = header or first
    if header is None:
        raise ImportFileError("Файл пуст: нет ни заголовков, ни строк.")
    return Sheet(headers=header[1], rows=_RowsAfterHeader(source, header[0]), description=source.description)
