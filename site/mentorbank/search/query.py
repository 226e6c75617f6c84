"""From what a visitor typed to a Whoosh query.

The syntax understood: words, "phrases", ( groups ), the operators AND, OR, NOT (in capitals) and
``field:word`` for the searchable fields of the types searched. Words without an operator between them
must all match (AND). A query that does not read as that syntax (an unbalanced quote or parenthesis, an
operator without operands such as ``AND OR``, a wildcard, an unknown field, …) is searched as its plain
words instead, never raising. Only the first MAX_WORDS words of at most MAX_LENGTH characters count.
"""
import re
from dataclasses import dataclass

from whoosh import qparser
from whoosh.query import NullQuery, Query

from .analysis import fold, words

MAX_LENGTH = 200
MAX_WORDS = 24
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_SPECIAL = re.compile(r"[*?~^\[\]{}<>\\+]")
_FIELD = re.compile(r"(\w+):")
_TOKEN = re.compile(r'"[^"]*"|[()]|[^\s()"]+')
# An implicit OR group prefers documents matching more of the words.
_OR_GROUP = qparser.OrGroup.factory(0.9)


@dataclass(frozen=True)
class UserQuery:
    text: str  # what is searched: the typed text, or its plain words when it was unreadable
    is_plain: bool

    @property
    def words(self) -> list[str]:
        return [word for word in words(self.text) if word not in OPERATORS]

    @property
    def is_empty(self) -> bool:
        return not self.words


def _balanced(text: str) -> bool:
    if text.count('"') % 2:
        return False
    depth = 0
    for char in re.sub(r'"[^"]*"', "", text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _operators_have_operands(text: str) -> bool:
    tokens = _TOKEN.findall(text)
    for position, token in enumerate(tokens):
        if token not in OPERATORS:
            continue
        before = tokens[position - 1] if position else None
        after = tokens[position + 1] if position + 1 < len(tokens) else None
        needs_left = token != "NOT"
        if needs_left and (before is None or before in OPERATORS or before == "("):
            return False
        if after is None or (after in OPERATORS and after != "NOT") or after == ")":
            return False
    return True


def is_readable(text: str, fieldnames: set[str]) -> bool:
    return (
        not _SPECIAL.search(text)
        and _balanced(text)
        and _operators_have_operands(text)
        and all(match.group(1) in fieldnames for match in _FIELD.finditer(text))
        and not re.search(r":(\s|$)", text)
    )


def plain_words(text: str) -> str:
    """The words of a text, lower-cased so that "AND"/"OR" are words, not operators."""
    return " ".join(fold(word) for word in words(text)[:MAX_WORDS])


def read(text: str, fieldnames: set[str]) -> UserQuery:
    text = " ".join(text[:MAX_LENGTH].split())
    if len(words(text)) <= MAX_WORDS and is_readable(text, fieldnames):
        return UserQuery(text, is_plain=False)
    return UserQuery(plain_words(text), is_plain=True)


def parser(schema, fieldnames, conjunctive: bool = True) -> qparser.QueryParser:
    plugins = [
        qparser.PhrasePlugin(),
        qparser.GroupPlugin(),
        qparser.OperatorsPlugin(),
        qparser.FieldsPlugin(),
        qparser.MultifieldPlugin(list(fieldnames)),
    ]
    return qparser.QueryParser(
        None, schema, plugins=plugins, group=qparser.AndGroup if conjunctive else _OR_GROUP
    )


def to_whoosh(user_query: UserQuery, schema, fieldnames, conjunctive: bool = True) -> Query | None:
    """The Whoosh query, or None when nothing searchable is left (only stop words, say)."""
    if user_query.is_empty:
        return None
    own_fields = [name for name in fieldnames if name in schema]
    try:
        parsed = parser(schema, own_fields, conjunctive).parse(user_query.text)
    except Exception:  # noqa: BLE001 - the parser must never turn a query into a server error
        parsed = parser(schema, own_fields, conjunctive).parse(plain_words(user_query.text))
    parsed = parsed.normalize()
    if parsed is NullQuery or isinstance(parsed, type(NullQuery)):
        return None
    return parsed
