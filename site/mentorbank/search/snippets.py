"""Highlighted snippets, built from the stored original text: the words whose terms the query asked for in
<mark>, everything else HTML-escaped. Only the hits shown are highlighted."""
import re
from functools import lru_cache

from markupsafe import Markup, escape

from .analysis import index_terms

FRAGMENT_CHARS = 240
SURROUND_CHARS = 60
EMPTY = Markup("")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=100_000)
def _word_terms(word: str) -> frozenset[str]:
    return frozenset(index_terms(word))


def _matches(text: str, terms: set[str]) -> list[tuple[int, int]]:
    return [match.span() for match in _WORD.finditer(text) if not _word_terms(match.group()).isdisjoint(terms)]


def _window(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The stretch of at most FRAGMENT_CHARS holding the most matches, widened to word boundaries."""
    if len(text) <= FRAGMENT_CHARS:
        return 0, len(text)
    best_start, best_count = spans[0][0], 0
    for start, _end in spans:
        count = sum(1 for other_start, other_end in spans if start <= other_start and other_end <= start + FRAGMENT_CHARS - SURROUND_CHARS)
        if count > best_count:
            best_start, best_count = start, count
    begin = max(best_start - SURROUND_CHARS, 0)
    end = min(begin + FRAGMENT_CHARS, len(text))
    while begin > 0 and text[begin - 1].isalnum():
        begin += 1
    while end < len(text) and text[end].isalnum():
        end -= 1
    return begin, end


def highlight(text: str, terms: set[str]) -> tuple[Markup, int]:
    """The fragment of ``text`` around its matches, and how many matches it shows."""
    spans = _matches(text, terms)
    if not spans:
        return EMPTY, 0
    begin, end = _window(text, spans)
    pieces, position, shown = [], begin, 0
    for start, stop in spans:
        if start < begin or stop > end:
            continue
        pieces += [str(escape(text[position:start])), f"<mark>{escape(text[start:stop])}</mark>"]
        position, shown = stop, shown + 1
    pieces.append(str(escape(text[position:end])))
    fragment = "".join(pieces).strip()
    fragment = ("… " if begin > 0 else "") + fragment + (" …" if end < len(text) else "")
    # Every piece went through escape(): the only markup left is our own <mark>.
    return Markup(fragment), shown


def snippet(originals: dict[str, str], fieldnames: tuple[str, ...], terms: set[str]) -> Markup:
    """The fragment of the field with the most matched words (the earlier field on a tie), or empty."""
    best, best_count = EMPTY, 0
    for fieldname in fieldnames:
        text = originals.get(fieldname)
        if text:
            fragment, count = highlight(text, terms)
            if count > best_count:
                best, best_count = fragment, count
    return best
