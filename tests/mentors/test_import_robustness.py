"""An import streams its file, writes in batches and lets the site go on answering; a stale XLSX <dimension>
loses no rows and a damaged XLSX is one sentence (security review findings 3, 9, 14, 18)."""
import re
import threading
import zipfile

import pytest
from sqlalchemy import create_engine, event, func, insert, select, text

from mentorbank.accounts.models import User
from mentorbank.extensions import db
from mentorbank.mentors.importer import RegistryImport, looks_like_header, read_sheet
from mentorbank.mentors.models import MentorProfile
from mentorbank.organisations.models import Region

from .conftest import count, mentor_row

SHEET = "xl/worksheets/sheet1.xml"


def rows(number: int) -> list[dict]:
    return [mentor_row(f"mentor{index}@example.org", ФИО=f"Наставник {index}") for index in range(number)]


def rewrite_sheet_xml(path, change):
    """Replace the first worksheet's XML by ``change(xml)``, keeping every other part of the package."""
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts[SHEET] = change(parts[SHEET].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_an_xlsx_with_a_stale_dimension_imports_every_row(write_xlsx, import_file):
    path = write_xlsx(rows(8))
    rewrite_sheet_xml(path, lambda xml: re.sub(r'<dimension ref="[^"]+"', '<dimension ref="A1:N3"', xml))
    assert '<dimension ref="A1:N3"' in zipfile.ZipFile(path).read(SHEET).decode()

    result = import_file(path)
    assert result.exit_code == 0, result.output
    assert "строк с данными: 8" in result.output and "Создано: 8" in result.output
    assert count(MentorProfile) == 8


@pytest.mark.parametrize("damage", [
    lambda xml: xml.replace("</sheetData>", ""),                                      # broken XML
    lambda xml: xml.replace("<sheetData>", '<sheetData><row r="x"><c r="!!"><v>1'),   # garbage in the rows
])
def test_a_damaged_xlsx_is_one_sentence_and_a_failure(write_xlsx, import_file, damage):
    path = write_xlsx(rows(3))
    rewrite_sheet_xml(path, damage)
    result = import_file(path, "--dry-run")
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit), "a ClickException, not a crash"
    assert "Traceback" not in result.output
    [message] = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert "файл повреждён или это не XLSX" in message
    assert count(MentorProfile) == 0


def test_rows_are_written_in_batches(app, write_csv, import_file, monkeypatch):
    monkeypatch.setitem(app.config, "IMPORT_BATCH_SIZE", 2)
    commits = []
    event.listen(db.session(), "after_commit", commits.append)
    result = import_file(write_csv(rows(5)))
    assert result.exit_code == 0, result.output
    assert "Создано: 5" in result.output
    assert len(commits) == 3, "2 + 2 + 1 rows"


def test_a_dry_run_in_batches_writes_nothing_and_reports_each_new_place_once(app, write_csv, import_file,
                                                                               monkeypatch):
    monkeypatch.setitem(app.config, "IMPORT_BATCH_SIZE", 2)
    commits = []
    event.listen(db.session(), "after_commit", commits.append)
    result = import_file(write_csv(rows(5)), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Создано: 5, обновлено: 0, без изменений: 0, отклонено: 0." in result.output
    assert result.output.count("Невский район (Санкт-Петербург)") == 1
    assert commits == [] and count(User) == count(MentorProfile) == count(Region) == 0


def test_the_file_is_streamed_not_held_in_memory(write_csv):
    sheet = read_sheet(write_csv(rows(3)), is_header=looks_like_header)
    assert not isinstance(sheet.rows, list | tuple)
    assert sheet.count_rows() == 3 and [number for number, _cells in sheet.rows] == [2, 3, 4]


def test_the_site_reads_and_writes_while_an_import_runs(app, write_csv, committing_database):
    """A second connection (another worker) reads the batches already written, and its own write waits only
    for the current batch, not for the whole import."""
    other_worker = create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
    seen, written = [], []

    def write_a_region():
        with other_worker.begin() as connection:
            connection.execute(insert(Region.__table__).values(name="Регион другого процесса"))
        written.append(True)

    writer = threading.Thread(target=write_a_region)

    def meanwhile():
        with other_worker.connect() as connection:
            seen.append(connection.scalar(select(func.count()).select_from(User.__table__)))
        if len(seen) == 3:  # in the middle of the second batch: its rows are not committed yet
            writer.start()

    with app.app_context():
        sheet = read_sheet(write_csv(rows(6)), is_header=looks_like_header)
        report = RegistryImport(sheet, source="big.csv", batch_size=2).run(on_row=meanwhile)
    writer.join(timeout=30)
    other_worker.dispose()

    assert sum(report.outcomes.values()) == 6
    assert seen[:2] == [0, 0] and seen[2:4] == [2, 2] and seen[4:] == [4, 4], "each batch visible once committed"
    assert written == [True], "the other worker's write went through"


def test_sqlite_connections_use_wal_and_a_busy_timeout(app):
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            assert db.engine.dialect.name == "postgresql"  # row locks: nothing to set up
            return
        with db.engine.connect() as connection:
            assert connection.scalar(text("PRAGMA journal_mode")) == "wal"
            assert connection.scalar(text("PRAGMA busy_timeout")) >= 10_000
