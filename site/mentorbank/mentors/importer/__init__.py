"""Import of regional mentor registries (CSV or XLSX with Russian headers): ``flask mentors import FILE``.

reading.py turns a file into rows of text; columns.py checks each row against the columns and vocabularies
(vocabulary.py matches the terms); places.py finds or creates regions, municipalities and organisations and
finds people by e-mail; saving.py creates or updates the mentors. docs/import.md is the operator's description.
"""
from .columns import COLUMNS, looks_like_header
from .reading import ImportFileError, Sheet, read_sheet
from .saving import Outcome, RegistryImport, Report

__all__ = [
    "COLUMNS", "ImportFileError", "Outcome", "RegistryImport", "Report", "Sheet", "looks_like_header", "read_sheet",
]
