"""Text analysis for search, engine-neutral: the terms of a document, the alternatives of a query, and what
"did you mean" may propose (DESIGN.md §6, §7).

A Russian word becomes its dictionary lemma (pymorphy3), so «Татарстане» and «Татарстан» meet where a stemmer
cuts them apart; a word the dictionary does not know falls back to the Snowball stem; Latin words get the
English stem; numbers stay digits («№ 153» = «153»). Queries are widened by the thesaurus (abbreviations and
role words, editable data in ``thesaurus.py``). Every function here works on strings only: the engine indexes
and searches the terms it is given.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import pymorphy3
import Stemmer

from ..core.text import fold

if TYPE_CHECKING:
    from .thesaurus import Thesaurus

__all__ = [
    "STOP_WORDS", "acceptable_suggestion", "expansions", "fold", "groups_match", "index_terms", "index_terms_of_tokens",
    "is_real_word", "query_groups", "query_spans", "stem_word", "words",
]

WORD_PATTERN = r"\w+"
_WORD = re.compile(WORD_PATTERN)
_CYRILLIC = re.compile(r"[а-я]")
_DIGIT = re.compile(r"\d")
# «No153» as one token: the number sign of Latin keyboards glued to the number.
_NUMBER_SIGN_GLUED = re.compile(r"no(\d+)")
# Whole tokens that only say "number": «№» is no word character, «No»/«N» are.
_NUMBER_SIGNS = frozenset({"no", "n"})
_LONGEST_ABBREVIATION = 5
# A typed word shorter than this is never "corrected": too little to tell a typo from another word.
SUGGEST_MIN_LENGTH = 3

# Russian and English function words (Whoosh's lists, which the index used before, kept as data here).
STOP_WORDS = frozenset("""
а без более больше будет будто бы был была были было быть в вам вас вдруг ведь во вот впрочем все всегда всего
всех всю вы где да даже два для до другой его ее ей ему если есть еще ж же за зачем здесь и из или им иногда их к
как какая какой когда конечно кто куда ли лучше между меня мне много может можно мой моя мы на над надо наконец
нас не него нее ней нельзя нет ни нибудь никогда ним них ничего но ну о об один он она они опять от перед по под
после потом потому почти при про раз разве с сам свою себе себя сейчас со совсем так такой там тебя тем теперь
то тогда того тоже только том тот три тут ты у уж уже хорошо хоть чего чем через что чтоб чтобы чуть эти этого
этой этом этот эту я
a about above after again against all am an and any are as at be because been before being below between both
but by can did do does doing don down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours ourselves out over own s same she should so some such t than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with you your yours yourself yourselves
""".split())

_morph = pymorphy3.MorphAnalyzer()
_russian = Stemmer.Stemmer("russian")
_english = Stemmer.Stemmer("english")


def words(text: str) -> list[str]:
    """The words of a text as the user typed them (case kept)."""
    return _WORD.findall(text)


def stem_word(word: str) -> str:
    """Stem a lower-cased, ё-folded word with the stemmer of its script (Russian or English)."""
    if _CYRILLIC.search(word):
        return _russian.stemWord(word)
    if word.isascii() and word.isalpha():
        return _english.stemWord(word)
    return word


# Parts of speech that carry no topic: prepositions, conjunctions, particles, interjections, pronouns.
_FUNCTION_WORD_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO"})


def _is_function_word(parse) -> bool:
    return parse.tag.POS in _FUNCTION_WORD_POS or "Apro" in parse.tag  # Apro: «который», «весь», «этот»


def _lemma(word: str, parses: list) -> str:
    """The dictionary lemma of a Russian word from its known parses.

    A form of two words takes, in this order: the word itself when it is one of its lemmas («математика», not
    the genitive of «математик»), else the likeliest noun (proper nouns included; nouns are what people
    search for: «стали» → «сталь»), else the likeliest parse. Fixed choices keep a document and a query on
    the same term.
    """
    lemmas = [fold(parse.normal_form) for parse in parses]
    if word in lemmas:
        return word
    nouns = (lemma for parse, lemma in zip(parses, lemmas, strict=True) if parse.tag.POS == "NOUN")
    return next(nouns, lemmas[0])


def _russian_term(token: str) -> str | None:
    parses = [parse for parse in _morph.parse(token) if parse.is_known]
    if parses:
        # Stop words the list lacks («ними», «которому», «среди»): every reading of them is a function word.
        return None if all(_is_function_word(parse) for parse in parses) else _lemma(token, parses)
    # Short words the dictionary lacks are abbreviations (НОО, МБОУ); Snowball would cut their last vowel.
    return token if len(token) <= _LONGEST_ABBREVIATION else _russian.stemWord(token)


@lru_cache(maxsize=200_000)
def normal_term(token: str) -> str | None:
    """The index term of one lower-cased, ё-folded token, or None for a stop word or a number sign."""
    if token in STOP_WORDS or token in _NUMBER_SIGNS:
        return None
    if glued := _NUMBER_SIGN_GLUED.fullmatch(token):
        return glued.group(1)
    if _DIGIT.search(token):
        return token
    if _CYRILLIC.search(token):
        return _russian_term(token)
    return stem_word(token)


def _tokens(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def index_terms(text: str) -> list[str]:
    """The normalised terms of a text, in order: what the index stores for a document."""
    return index_terms_of_tokens(_tokens(text))


def index_terms_of_tokens(tokens: list[str]) -> list[str]:
    """``index_terms`` of a text already split into folded tokens (``words(fold(text))``)."""
    return [term for token in tokens if (term := normal_term(token)) is not None]


def _typed_terms(text: str) -> list[tuple[re.Match, str]]:
    """(the word's match in the query, its term) for each word of a query that is not a stop word."""
    return [(word, term) for word in _WORD.finditer(text) if (term := normal_term(fold(word.group()))) is not None]


def _thesaurus_or_current(thesaurus: Thesaurus | None) -> Thesaurus:
    from .thesaurus import current_thesaurus

    return thesaurus if thesaurus is not None else current_thesaurus()


@dataclass(frozen=True)
class Span:
    """Typed terms ``terms[start:end]`` searched as one: their own phrase first, then what the thesaurus adds."""
    start: int
    end: int
    alternatives: list[tuple[str, ...]]


def query_spans(text: str, thesaurus: Thesaurus | None = None) -> list[Span]:
    """The typed terms (stop words give none) cut into spans, left to right: the longest run of terms that is
    one side of a thesaurus entry, else one term.

    A side of an entry is searched as the same kind of query whichever side is typed: a phrase, or any of its
    equivalents. «единый государственный экзамен» typed is that phrase or «ЕГЭ», as «ЕГЭ» is «ЕГЭ» or that
    phrase, so both find the same documents; the three words scattered over a profile are not the exam. The
    longest run wins: «средняя общеобразовательная школа» is the school type, not also every «школа».
    """
    thesaurus = _thesaurus_or_current(thesaurus)
    terms = [term for _word, term in _typed_terms(text)]
    spans, start = [], 0
    while start < len(terms):
        longest = min(len(terms), start + thesaurus.longest_phrase)
        end = next((end for end in range(longest, start, -1) if tuple(terms[start:end]) in thesaurus.alternatives),
                   start + 1)
        own = tuple(terms[start:end])
        others = [other for other in thesaurus.alternatives.get(own, ()) if other != own]
        spans.append(Span(start, end, [own, *others]))
        start = end
    return spans


def query_groups(text: str, thesaurus: Thesaurus | None = None) -> list[list[tuple[str, ...]]]:
    """The alternatives of each span of ``query_spans``, as phrases of index terms. The search is AND over the
    groups, OR over a group's alternatives."""
    return [span.alternatives for span in query_spans(text, thesaurus)]


def _holds(terms: list[str], phrase: tuple[str, ...]) -> bool:
    return any(tuple(terms[start:start + len(phrase)]) == phrase for start in range(len(terms) - len(phrase) + 1))


def groups_match(groups: list[list[tuple[str, ...]]], terms: list[str]) -> bool:
    """Does a text with these ``index_terms`` match a query with these ``query_groups``? Every group has an
    alternative whose terms occur in order. The engine does this for the index; this is for short lists held
    in memory (an organisation picker) and for tests."""
    return bool(groups) and all(any(_holds(terms, phrase) for phrase in group) for group in groups)


def expansions(text: str, thesaurus: Thesaurus | None = None) -> list[tuple[str, str]]:
    """(typed words, what they were widened to) for the line "also searched: …", in the order typed."""
    thesaurus = _thesaurus_or_current(thesaurus)
    typed = _typed_terms(text)
    found, said = [], set()
    for span in query_spans(text, thesaurus):
        if len(span.alternatives) == 1:
            continue
        typed_words = text[typed[span.start][0].start():typed[span.end - 1][0].end()]
        # Each expansion once: «ЕГЭ» typed twice leads to the exam once.
        for label in thesaurus.labels[span.alternatives[0]]:
            if label not in said:
                said.add(label)
                found.append((typed_words, label))
    return found


def is_real_word(word: str, known_words: Collection[str] = ()) -> bool:
    """A word the Russian dictionary knows or that occurs whole in the indexed texts (lower-cased, ё folded)."""
    folded = fold(word)
    return folded in known_words or (bool(_CYRILLIC.search(folded)) and _morph.word_is_known(folded))


def acceptable_suggestion(typed: str, candidate: str, known_words: Collection[str] = (),
                          thesaurus_keys: Collection[str] | None = None) -> bool:
    """May "did you mean" propose ``candidate`` for the word ``typed``? Only a real word (never a stem), not
    shorter than the typed word by more than a letter, and never instead of a word shorter than
    SUGGEST_MIN_LENGTH, an abbreviation (all capitals or a thesaurus key) or anything with digits.

    ``known_words``: whole words of the index, folded (a candidate the Russian dictionary lacks, a name or an
    English word, is real only if found there); ``thesaurus_keys``: folded thesaurus terms (default: the
    current thesaurus's, when an app is at hand)."""
    if thesaurus_keys is None:
        thesaurus_keys = _default_thesaurus_keys()
    folded_typed, folded_candidate = fold(typed), fold(candidate)
    if folded_typed == folded_candidate or _DIGIT.search(typed) or _DIGIT.search(candidate):
        return False
    if len(folded_typed) < SUGGEST_MIN_LENGTH:
        return False
    if (len(typed) > 1 and typed.isupper()) or folded_typed in thesaurus_keys:
        return False
    if len(folded_candidate) < len(folded_typed) - 1:
        return False
    return is_real_word(folded_candidate, known_words)


def _default_thesaurus_keys() -> Collection[str]:
    from flask import has_app_context

    if not has_app_context():
        return ()
    return _thesaurus_or_current(None).keys
