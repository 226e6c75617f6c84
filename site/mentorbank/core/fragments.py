"""Rendered fragments kept in the process, keyed by what they show.

The key must hold every value the fragment's markup depends on (the shown data, the reader's language, the
macro's arguments), so a change of any of them is a new key and a kept fragment is never stale; nothing of a
viewer may go into such a fragment. The least recently used fragments are let go past ``MAX_FRAGMENTS``.
"""
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from flask_babel import get_locale
from markupsafe import Markup

# A card is about 3 KB in memory (a facet column about 20 KB): a few thousand keep the pages people ask for
# within some 10 MB per worker.
MAX_FRAGMENTS = 3_000
_lock = threading.Lock()
_kept: "OrderedDict[tuple, str]" = OrderedDict()


def kept_fragment(kind: str, key: Hashable, render: Callable[[], str]) -> Markup:
    """``render()``'s markup for ``key`` in the reader's language, rendered once."""
    full_key = (kind, str(get_locale()), key)
    with _lock:
        html = _kept.get(full_key)
        if html is not None:
            _kept.move_to_end(full_key)
            return Markup(html)
    html = str(render())
    with _lock:
        _kept[full_key] = html
        while len(_kept) > MAX_FRAGMENTS:
            _kept.popitem(last=False)
    return Markup(html)


def forget_fragments() -> None:
    with _lock:
        _kept.clear()
