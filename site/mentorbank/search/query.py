"""From what a visitor typed to a tantivy query.

The syntax understood: words, "phrases", ( groups ), the operators AND, OR, NOT (in capitals) and
``field:word`` for the searchable fields of the types searched. Words without an operator between them
must all match (AND). A query that does not read as that syntax (an unbalanced quote or parenthesis, an
operator without operands such as ``AND OR``, a wildcard, an unknown field, …) is searched as its plain
words instead, never raising. Only the first MAX_WORDS words of at most MAX_LENGTH characters count.

Words become terms through analysis.query_groups: AND over the groups, OR over a group's alternatives, an
alternative of several terms as a phrase (a run of words that is one side of a thesaurus entry is one group).
"""
import re
from dataclasses import dataclass, field

import tantivy
from tantivy import Occur, Query

from . import engine
from .analysis import expansions, fold, index_terms, query_groups, query_spans, words
from .registry import SearchableType

MAX_LENGTH = 200
MAX_WORDS = 24
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_SPECIAL = re.compile(r"[*?~^\[\]{}<>\\+]")
_FIELD = re.compile(r"(\w+):")
_TOKEN = re.compile(r'"[^"]*"|[()]|[^\s()"]+')


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


# -- the parsed query ------------------------------------------------------------------------------------


@dataclass
class Words:
    text: str
    field: str | None = None
    phrase: bool = False


@dataclass
class Boolean:
    operator: str  # "and" | "or" | "not" | "maybe"
    children: list = field(default_factory=list)
    implicit: bool = False  # words side by side, no operator typed


class _Parser:
    """OR binds loosest, then AND (typed or implied), then NOT."""

    def __init__(self, text: str):
        self.tokens = _TOKEN.findall(text)
        self.position = 0

    def peek(self):
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self):
        token = self.peek()
        self.position += 1
        return token

    def parse(self):
        node = self.disjunction()
        if self.peek() is not None:
            raise ValueError(f"unexpected {self.peek()!r}")
        return node

    def disjunction(self):
        children = [self.conjunction()]
        while self.peek() == "OR":
            self.take()
            children.append(self.conjunction())
        return children[0] if len(children) == 1 else Boolean("or", children)

    def conjunction(self):
        children, implicit = [self.unary()], True
        while self.peek() not in (None, "OR", ")"):
            token = self.peek()
            if token == "AND":
                self.take()
                implicit = False
                children.append(self.unary())
            elif token == "ANDNOT":
                self.take()
                implicit = False
                children.append(Boolean("not", [self.unary()]))
            elif token == "ANDMAYBE":
                self.take()
                children.append(Boolean("maybe", [self.unary()]))
            else:
                children.append(self.unary())
        if implicit:
            children = _runs_of_words_joined(children)
        return children[0] if len(children) == 1 else Boolean("and", children, implicit=implicit)

    def unary(self):
        if self.peek() == "NOT":
            self.take()
            return Boolean("not", [self.unary()])
        return self.atom()

    def atom(self):
        token = self.take()
        if token is None or token in OPERATORS or token == ")":
            raise ValueError("an operand is missing")
        if token == "(":
            node = self.disjunction()
            if self.take() != ")":
                raise ValueError("unclosed group")
            return node
        if token.startswith('"'):
            return Words(token.strip('"'), phrase=True)
        match = re.fullmatch(r"(\w+):(.*)", token)
        if match:
            rest = match.group(2)
            if not rest:
                following = self.take()
                if following is None or not following.startswith('"'):
                    raise ValueError("a field without a word")
                return Words(following.strip('"'), field=match.group(1), phrase=True)
            return Words(rest, field=match.group(1))
        return Words(token)


def _is_plain_words(node) -> bool:
    return isinstance(node, Words) and node.field is None and not node.phrase


def _runs_of_words_joined(children: list) -> list:
    """Plain words side by side become one Words node: the thesaurus sees a run of them whole («единый
    государственный экзамен» is one side of an entry, «ЕГЭ» the other), which word by word it never would."""
    joined = []
    for child in children:
        if joined and _is_plain_words(child) and _is_plain_words(joined[-1]):
            joined[-1] = Words(f"{joined[-1].text} {child.text}")
        else:
            joined.append(child)
    return joined


def parse(user_query: UserQuery):
    """The tree of a query; a plain query (or one the parser still refuses) is its words side by side."""
    if user_query.is_empty:
        return Boolean("and", [], implicit=True)
    if not user_query.is_plain:
        try:
            return _Parser(user_query.text).parse()
        except ValueError:
            pass
    return _Parser(plain_words(user_query.text)).parse()


# -- to tantivy ------------------------------------------------------------------------------------------


def _terms_query(schema: tantivy.Schema, field_name: str, terms: tuple[str, ...]) -> Query:
    if len(terms) == 1:
        return Query.term_query(schema, field_name, terms[0])
    return Query.phrase_query(schema, field_name, list(terms))


def _in_fields(schema, searchable: SearchableType, only: str | None, terms: tuple[str, ...]) -> Query | None:
    """Any of the type's text fields (or the one named) holding these terms, each field weighted."""
    queries = [
        Query.boost_query(_terms_query(schema, engine.text_field(text.name), terms), text.boost)
        for text in searchable.text_fields
        if only is None or text.name == only
    ]
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else Query.boolean_query([(Occur.Should, q) for q in queries])


def _groups(node: Words) -> list[list[tuple[str, ...]]]:
    if node.phrase:
        terms = tuple(index_terms(node.text))
        return [[terms]] if terms else []
    return query_groups(node.text)


def _tokens_as_phrases(text: str) -> list[list[tuple[str, ...]]]:
    """The text's query groups, where the terms of one typed token («педагогам-психологам») follow each other:
    a phrase, unless the thesaurus widened them."""
    spans = query_spans(text)
    merged, position, index = [], 0, 0
    for token in text.split():
        position += len(index_terms(token))
        own = []  # the spans that start within this token
        while index < len(spans) and spans[index].start < position:
            own.append(spans[index])
            index += 1
        if len(own) > 1 and all(len(span.alternatives) == 1 for span in own):
            merged.append([tuple(term for span in own for term in span.alternatives[0])])
        else:
            merged.extend(span.alternatives for span in own)
    return merged


def _combine(queries: list[Query], occur: Occur) -> Query:
    return queries[0] if len(queries) == 1 else Query.boolean_query([(occur, q) for q in queries])


def _nothing() -> Query:
    return Query.empty_query()


def compile_for(node, searchable: SearchableType, schema, conjunctive: bool = True) -> Query | None:
    """The query for one type's documents; None when nothing searchable is in it (only stop words, say)."""
    if isinstance(node, Words):
        groups = _tokens_as_phrases(node.text) if conjunctive and not node.phrase else _groups(node)
        alternatives_per_group = []
        for group in groups:
            alternatives = [q for terms in group if (q := _in_fields(schema, searchable, node.field, terms))]
            alternatives_per_group.append(_combine(alternatives, Occur.Should) if alternatives else _nothing())
        if not alternatives_per_group:
            return None
        return _combine(alternatives_per_group, Occur.Must if conjunctive else Occur.Should)
    compiled = [(child, compile_for(child, searchable, schema, conjunctive)) for child in node.children]
    compiled = [(child, query) for child, query in compiled if query is not None]
    if node.operator == "not":
        return compiled[0][1] if compiled else None  # the enclosing conjunction excludes it
    if not compiled:
        return None
    if node.operator == "or" or (node.implicit and not conjunctive):
        positive = [(Occur.Should, query) for child, query in compiled if not _is_not(child)]
        negative = [(Occur.MustNot, query) for child, query in compiled if _is_not(child)]
        clauses = positive + negative
    else:
        clauses = [
            (Occur.MustNot if _is_not(child) else Occur.Should if _is_maybe(child) else Occur.Must, query)
            for child, query in compiled
        ]
    if all(occur == Occur.MustNot for occur, _query in clauses):
        clauses.append((Occur.Must, Query.all_query()))
    if len(clauses) == 1 and clauses[0][0] != Occur.MustNot:
        return clauses[0][1]
    return Query.boolean_query(clauses)


def _is_not(node) -> bool:
    return isinstance(node, Boolean) and node.operator == "not"


def _is_maybe(node) -> bool:
    return isinstance(node, Boolean) and node.operator == "maybe"


def compile_top(node, searchable: SearchableType, schema, conjunctive: bool = True) -> Query | None:
    """Like compile_for, and a lone NOT means everything but what it names."""
    query = compile_for(node, searchable, schema, conjunctive)
    if query is not None and _is_not(node):
        return Query.boolean_query([(Occur.Must, Query.all_query()), (Occur.MustNot, query)])
    return query


def positive_terms(node) -> set[str]:
    """Every term the query asks for (not those it excludes): what snippets highlight."""
    if isinstance(node, Words):
        return {term for group in _groups(node) for terms in group for term in terms}
    if _is_not(node):
        return set()
    return set().union(*(positive_terms(child) for child in node.children))


def widened_words(node) -> list[tuple[str, str]]:
    """(typed words, what the thesaurus widened them to) over the words the query asks for, each expansion
    once, in the order typed: the line "also searched: …"."""
    if isinstance(node, Words):
        return [] if node.phrase else expansions(node.text)
    if _is_not(node):
        return []
    found = []
    for child in node.children:
        found.extend(pair for pair in widened_words(child) if pair[1] not in {label for _typed, label in found})
    return found
