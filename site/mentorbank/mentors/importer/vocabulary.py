"""Matching what a spreadsheet says to vocabulary terms, and guessing the kind of a new organisation.

Operators type terms by hand: case, ё/е, the kind of dash and quotes, and a term's parenthesised gloss vary.
«Педагог - педагог», «ПЕДАГОГ – ПЕДАГОГ» and «teacher-teacher» are the same term; so are
«традиционное», «один на один» and «традиционное («один на один»)».
"""
import re

from ...search.analysis import fold
from ...vocabularies.models import Term, Vocabulary, terms_of

DASHES = re.compile(r"\s*[-‐‑‒–—−]\s*")
QUOTES = re.compile(r"[«»“”„\"']")
GLOSS = re.compile(r"\(([^()]*)\)")


def normalise_label(text: str) -> str:
    text = QUOTES.sub("", fold(text))
    text = DASHES.sub(" - ", text)
    return " ".join(text.split())


def _aliases(term: Term) -> set[str]:
    gloss = GLOSS.search(term.name)
    aliases = {term.name, term.name_en, term.slug, GLOSS.sub("", term.name)}
    if gloss:
        aliases.add(gloss.group(1))
    return {normalise_label(alias) for alias in aliases} - {""}


class TermMatcher:
    """The active terms of one vocabulary, found by any of their spellings. A spelling shared by two terms
    (none today) would match neither, rather than the wrong one."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self.by_alias: dict[str, Term | None] = {}
        for term in terms_of(vocabulary):
            for alias in _aliases(term):
                self.by_alias[alias] = None if alias in self.by_alias else term

    def match(self, text: str) -> Term | None:
        return self.by_alias.get(normalise_label(text))


# Folded name patterns -> organisation kind slug; the first that matches wins, otherwise a school.
KIND_PATTERNS = (
    (re.compile(r"\bдпо\b|развития образования|цнппм|методическ|повышения квалификации"), "methodical-centre"),
    (re.compile(r"детский сад|\b[мг][ба]?доу\b|\bдоу\b"), "kindergarten"),
    (re.compile(r"колледж|техникум|училищ|\b\w*поу\b"), "college"),
    (re.compile(r"университет|\bво\b|институт|академи"), "university"),
    (re.compile(r"\b\w+у до\b|дополнительного образования|творчества|спортивная школа|школа искусств"), "additional"),
)
DEFAULT_KIND = "school"


def guess_organisation_kind(name: str) -> str:
    folded = normalise_label(name)
    return next((slug for pattern, slug in KIND_PATTERNS if pattern.search(folded)), DEFAULT_KIND)
