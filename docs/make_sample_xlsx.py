"""Writes docs/mentors-sample.xlsx from docs/mentors-sample.csv, so both samples hold the same rows.

Run from the repository root after editing the CSV: ``.venv/bin/python docs/make_sample_xlsx.py``.
"""
import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

DOCS = Path(__file__).resolve().parent
SOURCE = DOCS / "mentors-sample.csv"
TARGET = DOCS / "mentors-sample.xlsx"
# Columns a spreadsheet keeps as numbers rather than text, as operators' own files do.
NUMERIC = {"Стаж"}


def main() -> None:
    with SOURCE.open(encoding="utf-8-sig", newline="") as source:
        headers, *rows = csv.reader(source, delimiter=";")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Наставники"
    sheet.append(headers)
    numeric = {index for index, header in enumerate(headers) if header in NUMERIC}
    for row in rows:
        sheet.append([int(cell) if index in numeric and cell.isdigit() else cell for index, cell in enumerate(row)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[cell.column_letter].width = 14 if cell.value in NUMERIC else 28
    sheet.freeze_panes = "A2"
    workbook.save(TARGET)
    print(f"{TARGET.name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
