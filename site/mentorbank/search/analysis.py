"""Text analysis: what a document's text and a typed query become in the index.

The engine indexes the terms made here (pre-analysed, split on whitespace), so the same functions serve
documents and queries. Interface used by the rest of search/: ``index_terms``, ``query_groups``,
``expansions``, ``acceptable_suggestion``, ``words`` and ``fold``. This minimal version stems with Snowball
(PyStemmer); the "recall" work replaces it with dictionary lemmas and a thesaurus behind the same functions.
"""
import re
from functools import lru_cache

import Stemmer

from ..core.text import fold

__all__ = ["acceptable_suggestion", "expansions", "fold", "index_terms", "query_groups", "words"]

_CYRILLIC = re.compile(r"[а-я]")
_russian = Stemmer.Stemmer("russian")
_english = Stemmer.Stemmer("english")

STOP_WORDS = frozenset(fold(word) for word in (
    "а без более больше будет будто бы был была были было быть в вам вас вдруг ведь во вот впрочем все всегда "
    "всего всех всю вы где да даже два для до другой его ее ей ему если есть еще ж же за зачем здесь и из или им "
    "иногда их к как какая какой когда конечно кто куда ли лучше между меня мне много может можно мой моя мы на "
    "над надо наконец нас не него нее ней нельзя нет ни нибудь никогда ним них ничего но ну о об один он она они "
    "опять от перед по под после потом потому почти при про раз разве с сам свою себе себя сейчас со совсем так "
    "такой там тебя тем теперь то тогда того тоже только том тот три тут ты у уж уже хорошо хоть чего чем через "
    "что чтоб чтобы чуть эти этого этой этом этот эту я "
    "a about above after again against all am an and any are as at be because been before being below between "
    "both but by can did do does doing don down during each few for from further had has have having he her "
    "here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not "
    "now of off on once only or other our ours ourselves out over own s same she should so some such t than "
    "that the their theirs them themselves then there these they this those through to too under until up very "
    "was we were what when where which while who whom why will with you your yours yourself yourselves"
).split())

_WORD = re.compile(r"\w+")
SUGGEST_MIN_LENGTH = 3


def words(text: str) -> list[str]:
    """The words of a text as the user typed them (case kept)."""
    return _WORD.findall(text)


@lru_cache(maxsize=200_000)
def _term(word: str) -> str | None:
    """One word's term, or None for a stop word."""
    folded_word = fold(word)
    if folded_word in STOP_WORDS:
        return None
    if _CYRILLIC.search(folded_word):
        return _russian.stemWord(folded_word)
    if folded_word.isascii() and folded_word.isalpha():
        return _english.stemWord(folded_word)
    return folded_word


def index_terms(text: str) -> list[str]:
    """The normalised terms of a document's text, in order (stop words dropped)."""
    return [term for word in words(text) if (term := _term(word)) is not None]


def query_groups(text: str) -> list[list[tuple[str, ...]]]:
    """For each typed word its alternatives, each a tuple of terms (the word's own first); a stop word gives
    no group. A document must match one alternative of every group."""
    return [[(term,)] for word in words(text) if (term := _term(word)) is not None]


def expansions(text: str) -> list[tuple[str, str]]:
    """(typed word, expansion shown) pairs the UI may list; this version expands nothing."""
    return []


def acceptable_suggestion(typed: str, candidate: str) -> bool:
    """Whether "did you mean" may offer ``candidate`` for the ``typed`` word: a real, different word, not a
    correction of a number or of a short word, not much shorter than what was typed."""
    typed, candidate = fold(typed), fold(candidate)
    return (
        candidate != typed
        and len(typed) >= SUGGEST_MIN_LENGTH
        and not any(char.isdigit() for char in typed)
        and len(candidate) >= len(typed) - 1
    )
