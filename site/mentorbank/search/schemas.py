"""One Whoosh schema per searchable type. Change SCHEMA_VERSION with any change here or in analysis.py:
``flask search ensure`` then rebuilds the index."""
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from .analysis import STOP_WORDS, WORD_PATTERN, stem_word

SCHEMA_VERSION = 2


# Whoosh pickles the schema with the index, so every analyzer part here is a module-level name that pickle can
# find again by import (DESIGN.md §7). The engine-neutral analysis (lemmas, thesaurus) is in analysis.py.
class YoFoldFilter(Filter):
    """Folds ё to е; runs after lower-casing and before stop words and stemming."""

    def __call__(self, tokens):
        for token in tokens:
            if "ё" in token.text:
                token.text = token.text.replace("ё", "е")
            yield token


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


def _text(boost: float = 1.0, stored: bool = False) -> TEXT:
    return TEXT(analyzer=text_analyzer(), field_boost=boost, stored=stored)


def _facet() -> KEYWORD:
    # Space-separated slugs or ids; only filtered on and counted, never scored.
    return KEYWORD(scorable=False)


def _common() -> dict:
    return {
        "id": ID(stored=True, unique=True),
        "title": STORED(),
        "spelling": TEXT(analyzer=spelling_analyzer(), phrase=False),
        # Lower-cased, ё folded: Cyrillic code points then sort in Russian alphabetical order.
        "name_sort": ID(sortable=True),
    }


def mentor_schema() -> Schema:
    return Schema(
        **_common(),
        name=_text(4.0, stored=True),
        position=_text(1.5),
        organisation=_text(1.5),
        place=_text(),
        subjects=_text(2.0, stored=True),
        terms=_text(1.5),
        achievements=_text(stored=True),
        bio=_text(stored=True),
        region=_facet(),
        municipality=_facet(),
        org_kind=_facet(),
        form=_facet(),
        kind=_facet(),
        mode=_facet(),
        direction=_facet(),
        track=_facet(),
        accepting=_facet(),
        published=NUMERIC(bits=64, sortable=True),
        experience=NUMERIC(sortable=True),
    )


def organisation_schema() -> Schema:
    return Schema(
        **_common(),
        name=_text(3.0, stored=True),
        short_name=_text(3.0, stored=True),
        kind=_text(),
        place=_text(),
    )
