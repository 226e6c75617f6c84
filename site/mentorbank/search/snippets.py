"""Highlighted snippets: the matched words in <mark>, everything else HTML-escaped.

Built from stored fields, so highlighting never asks the database; only the hits shown are highlighted.
"""
from markupsafe import Markup, escape
from whoosh.highlight import ContextFragmenter, Formatter, Highlighter, WholeFragmenter, get_text
from whoosh.searching import Hit as WhooshHit

FRAGMENT_CHARS = 240
SURROUND_CHARS = 60
TOP_FRAGMENTS = 2
EMPTY = Markup("")


class MarkFormatter(Formatter):
    between = " … "

    def _text(self, text):
        return str(escape(text))

    def format_token(self, text, token, replace=False):
        return f"<mark>{escape(get_text(text, token, replace))}</mark>"


# Short texts (a name, a list of subjects) are shown whole; long ones as fragments around the matches.
_WHOLE = Highlighter(fragmenter=WholeFragmenter(), formatter=MarkFormatter())
_FRAGMENTS = Highlighter(
    fragmenter=ContextFragmenter(maxchars=FRAGMENT_CHARS, surround=SURROUND_CHARS), formatter=MarkFormatter()
)


def snippet(hit: WhooshHit, fieldnames: tuple[str, ...]) -> Markup:
    """The fragment of the field with the most matched words (the earlier field on a tie), or empty."""
    best, best_marks = "", 0
    for fieldname in fieldnames:
        text = hit.get(fieldname)
        if not text:
            continue
        highlighter = _WHOLE if len(text) <= FRAGMENT_CHARS else _FRAGMENTS
        fragment = highlighter.highlight_hit(hit, fieldname, top=TOP_FRAGMENTS)
        marks = fragment.count("<mark>")
        if marks > best_marks:
            best, best_marks = fragment, marks
    # Every piece went through escape() in MarkFormatter: the only markup left is our own <mark>.
    return Markup(best)
