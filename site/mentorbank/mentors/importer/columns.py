"""The columns of a regional registry, and one row of it checked and turned into a ``MentorRecord``.

Headers are matched like vocabulary values (case, ё/е, spaces do not matter). A column that is absent leaves
that field of an existing mentor as it is; a column that is present but empty in a row clears the field.
"""
import re
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email

from ...accounts.models import User, normalise_email
from ...organisations.models import Municipality, Organisation, Region
from ...vocabularies.models import Term, Vocabulary
from ..models import MentorProfile
from .reading import ImportFileError, Sheet
from .vocabulary import TermMatcher, normalise_label

LIST_SEPARATOR = ";"
MAX_EXPERIENCE_YEARS = 70


@dataclass(frozen=True, eq=False)  # compared by identity: ``limited_by`` is a SQL expression
class Column:
    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    vocabulary: Vocabulary | None = None
    # Cells of list columns hold several values separated by «;».
    is_list: bool = False
    # The model attribute whose length limits the cell.
    limited_by: object = None

    @property
    def holds_terms(self) -> bool:
        return self.is_list and self.vocabulary is not None


COLUMNS = (
    Column("full_name", "ФИО", ("Фамилия Имя Отчество",), required=True, limited_by=User.full_name),
    Column("email", "E-mail", ("Email", "Эл. почта", "Электронная почта"), required=True, limited_by=User.email),
    Column("region", "Регион", ("Субъект РФ",), required=True, limited_by=Region.name),
    Column("municipality", "Муниципалитет", ("Муниципальное образование",), required=True,
           limited_by=Municipality.name),
    Column("organisation", "Организация", ("Образовательная организация",), required=True,
           limited_by=Organisation.name),
    Column("organisation_kind", "Тип организации", vocabulary=Vocabulary.ORGANISATION_KIND),
    Column("team_name", "Команда", limited_by=MentorProfile.team_name),
    Column("position", "Должность", limited_by=User.position),
    Column("subjects", "Предметы", is_list=True, limited_by=MentorProfile.subjects),
    Column("directions", "Направления", vocabulary=Vocabulary.DIRECTION, is_list=True),
    Column("forms", "Формы", vocabulary=Vocabulary.FORM, is_list=True),
    Column("kinds", "Виды", vocabulary=Vocabulary.KIND, is_list=True),
    Column("modes", "Формат", ("Режим",), vocabulary=Vocabulary.MODE, is_list=True),
    Column("tracks", "Треки", vocabulary=Vocabulary.TRACK, is_list=True),
    Column("competences", "Компетенции", vocabulary=Vocabulary.COMPETENCE, is_list=True),
    Column("mentee_categories", "Категории наставляемых", vocabulary=Vocabulary.MENTEE_CATEGORY, is_list=True),
    Column("experience_years", "Стаж"),
    Column("achievements", "Достижения"),
    Column("bio", "О себе"),
)
# Texts kept with their line breaks; every other cell is one line with single spaces.
MULTILINE = {"achievements", "bio"}


@dataclass
class Layout:
    """Which column of the file holds what."""
    positions: dict[Column, int]
    ignored_headers: list[str]


def _column_by_label() -> dict[str, Column]:
    return {normalise_label(name): column for column in COLUMNS for name in (column.header, *column.aliases)}


def looks_like_header(cells: list[str]) -> bool:
    """Whether a row names every required column: the header, not a title line above it."""
    by_label = _column_by_label()
    named = {by_label.get(normalise_label(cell)) for cell in cells}
    return all(column in named for column in COLUMNS if column.required)


def layout_of(sheet: Sheet) -> Layout:
    by_label = _column_by_label()
    positions: dict[Column, int] = {}
    ignored = []
    for position, header in enumerate(sheet.headers):
        column = by_label.get(normalise_label(header))
        if column is None:
            if header:
                ignored.append(header)
        elif column in positions:
            raise ImportFileError(f"Столбец «{column.header}» встречается в заголовке дважды.")
        else:
            positions[column] = position
    missing = [column.header for column in COLUMNS if column.required and column not in positions]
    if missing:
        raise ImportFileError(
            "В заголовке нет обязательных столбцов: " + ", ".join(f"«{header}»" for header in missing)
            + ". Заголовок файла: " + "; ".join(sheet.headers)
        )
    return Layout(positions, ignored)


@dataclass
class MentorRecord:
    row: int
    email: str
    full_name: str
    region: str
    municipality: str
    organisation: str
    organisation_kind: Term | None = None
    # Profile and user fields of the columns the file has: position, subjects, experience_years, …
    fields: dict[str, object] = field(default_factory=dict)
    # The vocabularies whose columns the file has -> the terms of this row.
    terms: dict[Vocabulary, list[Term]] = field(default_factory=dict)


class RowRejected(Exception):
    def __init__(self, reasons: list[str]):
        super().__init__("; ".join(reasons))
        self.reasons = reasons


class RowParser:
    """Checks rows against the layout and the vocabularies; remembers e-mails to refuse a second row of one."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.matchers = {column: TermMatcher(column.vocabulary) for column in layout.positions if column.vocabulary}
        self.email_rows: dict[str, int] = {}

    def parse(self, number: int, cells: list[str]) -> MentorRecord:
        """The row as a record, or RowRejected with every reason found."""
        reasons: list[str] = []
        values = {
            column: self._value(column, cells[position] if position < len(cells) else "", reasons)
            for column, position in self.layout.positions.items()
        }
        reasons[:0] = [f"не заполнен столбец «{column.header}»" for column, value in values.items()
                       if column.required and not value]
        by_key = {column.key: value for column, value in values.items() if not column.holds_terms}
        email = self._email(number, by_key.pop("email"), reasons)
        if reasons:
            raise RowRejected(reasons)
        return MentorRecord(
            row=number, email=email, full_name=by_key.pop("full_name"), region=by_key.pop("region"),
            municipality=by_key.pop("municipality"), organisation=by_key.pop("organisation"),
            organisation_kind=by_key.pop("organisation_kind", None),
            fields=by_key,
            terms={column.vocabulary: value for column, value in values.items() if column.holds_terms},
        )

    def _value(self, column: Column, text: str, reasons: list[str]):
        """The cell as the model keeps it: text or None, an int, a term, or a list of terms."""
        text = text.strip() if column.key in MULTILINE else " ".join(text.split())
        if column.is_list:
            items = list(dict.fromkeys(item.strip() for item in text.split(LIST_SEPARATOR) if item.strip()))
        else:
            items = [text] if text else []
        if column.vocabulary:
            terms = [self._term(column, item, reasons) for item in items]
            terms = list(dict.fromkeys(term for term in terms if term))
            return terms if column.is_list else next(iter(terms), None)
        if column.key == "experience_years":
            return self._years(text, reasons)
        if column.is_list:
            text = "; ".join(items)
        limit = column.limited_by.type.length if column.limited_by is not None else None
        if limit and len(text) > limit:
            reasons.append(f"в столбце «{column.header}» больше {limit} знаков")
        return text or None

    def _term(self, column: Column, text: str, reasons: list[str]) -> Term | None:
        term = self.matchers[column].match(text)
        if term is None:
            reasons.append(f"неизвестное значение «{text}» в столбце «{column.header}»")
        return term

    @staticmethod
    def _years(text: str, reasons: list[str]) -> int | None:
        if not text:
            return None
        if not re.fullmatch(r"\d+", text) or int(text) > MAX_EXPERIENCE_YEARS:
            reasons.append(f"«Стаж» — целое число лет от 0 до {MAX_EXPERIENCE_YEARS}, а не «{text}»")
            return None
        return int(text)

    def _email(self, number: int, text: str | None, reasons: list[str]) -> str:
        if not text:
            return ""  # already reported as a missing required cell
        email = normalise_email(text)
        try:
            validate_email(email, check_deliverability=False)
        except EmailNotValidError:
            reasons.append(f"некорректный e-mail «{text}»")
            return email
        first_row = self.email_rows.setdefault(email, number)
        if first_row != number:
            reasons.append(f"e-mail {email} уже встречался в строке {first_row}")
        return email
