"""Text analysis for the index: Russian and English morphology with PyStemmer.

Whoosh pickles the schema with the index, so every analyzer part here is a module-level name that
pickle can find again by import (DESIGN.md §7).
"""
import re
import Stemmer
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang.stopwords import stoplists

from ..core.text import fold

_CYRILLIC = re.compile(r"[а-я]")
_russian = Stemmer.Stemmer("russian")
_english = Stemmer.Stemmer("english")


def stem_word(word: str) -> str:
    """Stem a lower-cased, ё-folded word with the stemmer of its script (Russian or English)."""
    if _CYRILLIC.search(word):
        return _russian.stemWord(word)
    if word.isascii() and word.isalpha():
        return _english.stemWord(word)
    return word


class YoFoldFilter(Filter):
    """Folds ё to е; runs after lower-casing and before stop words and stemming."""

    def __call__(self, tokens):
        for token in tokens:
            if "ё" in token.text:
                token.text = token.text.replace("ё", "е")
            yield token


STOP_WORDS = frozenset(fold(word) for word in stoplists["ru"] | stoplists["en"])
WORD_PATTERN = r"\w+"


def text_analyzer():
    """The analyzer of every searchable field: words → lower case → ё folded → stop words → stems."""
    return (
        RegexTokenizer(WORD_PATTERN)
        | LowercaseFilter()
        | YoFoldFilter()
        | StopFilter(stoplist=STOP_WORDS, minsize=1)
        | StemFilter(stemfn=stem_word, cachesize=100_000)
    )


def spelling_analyzer():
    """Whole words (lower case, ё folded) for "did you mean": a corrector over stems would suggest stems."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | YoFoldFilter()


_WORD = re.compile(WORD_PATTERN)


def words(text: str) -> list[str]:
    """The words of a text as the user typed them (case kept)."""
    return _WORD.findall(text)
