"""Registry files for the import tests, written into the test's temporary directory, and the command itself."""
import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from mentorbank.accounts.models import User
from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile

HEADERS = (
    "ФИО", "E-mail", "Регион", "Муниципалитет", "Организация", "Должность", "Предметы", "Направления", "Формы",
    "Виды", "Формат", "Стаж", "Достижения", "О себе",
)


def mentor_row(email: str = "morozov.ds@example.org", **cells) -> dict:
    """One complete, valid row; keyword arguments replace cells by header: ``mentor_row(Формат="очный")``."""
    row = {
        "ФИО": "Морозов Дмитрий Сергеевич",
        "E-mail": email,
        "Регион": "Санкт-Петербург",
        "Муниципалитет": "Невский район",
        "Организация": "ГБОУ «Средняя общеобразовательная школа № 339»",
        "Должность": "учитель информатики",
        "Предметы": "информатика; робототехника",
        "Направления": "ИКТ и цифровизация",
        "Формы": "педагог – педагог",
        "Виды": "виртуальное",
        "Формат": "дистанционный",
        "Стаж": "12",
        "Достижения": "Ведущий цикла вебинаров «Цифровые инструменты современного педагога»",
        "О себе": "Помогаю коллегам освоить цифровые технологии и сервисы для онлайн-уроков.",
    }
    return row | cells


@pytest.fixture
def write_csv(tmp_path):
    def write(rows, headers=HEADERS, encoding="utf-8", delimiter=";", name="mentors.csv") -> Path:
        path = tmp_path / name
        with path.open("w", encoding=encoding, newline="") as file:
            writer = csv.writer(file, delimiter=delimiter, lineterminator="\r\n")
            writer.writerow(headers)
            writer.writerows([[row.get(header, "") for header in headers] for row in rows])
        return path

    return write


@pytest.fixture
def write_xlsx(tmp_path):
    def write(rows, headers=HEADERS, name="mentors.xlsx", above_header=()) -> Path:
        """``above_header``: lines of a title over the table, as operators' spreadsheets often have."""
        workbook = Workbook()
        for line in above_header:
            workbook.active.append(line)
        workbook.active.append(headers)
        for row in rows:
            workbook.active.append([row.get(header) for header in headers])
        path = tmp_path / name
        workbook.save(path)
        return path

    return write


@pytest.fixture
def import_file(runner, app_context):
    """``flask mentors import PATH [options]``; returns click's result (output, exit_code)."""

    def run(path, *options):
        return runner.invoke(args=["mentors", "import", str(path), *options])

    return run


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


def profile_of(email: str) -> MentorProfile:
    return db.session.execute(
        select(MentorProfile).join(MentorProfile.user).where(User.email == email)
    ).scalar_one()
