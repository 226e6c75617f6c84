"""Full-text search: the only place that talks to the engine (tantivy, in engine.py).

Public interface: ``register`` and ``SearchableType``/``TextField`` (domains declare what is searchable),
``search``, ``similar_texts`` (how alike short texts are, in the index's words), ``memoised`` (a value kept until the index changes), ``rebuild``, ``ensure_index``, ``apply_pending``, ``index_status``, ``IndexBusy`` (and the
``flask search`` commands in commands.py). Results have the shapes of results.py.
"""
from .engine import IndexBusy, memoised
from .maintenance import ensure_index, index_status, rebuild
from .registry import SearchableType, TextField, register
from .results import Hit, SearchResult
from .searching import search
from .similarity import best_similarity, similar_texts
from .sync import apply_pending

__all__ = [
    "Hit", "IndexBusy", "SearchResult", "SearchableType", "TextField", "apply_pending", "ensure_index",
    "best_similarity", "index_status", "init_app", "memoised", "rebuild", "register", "search", "similar_texts",
]


def init_app(app) -> None:
    """Registers the session listeners that keep the index in step with the database; opens nothing."""
    from . import models as _models  # noqa: F401 - the outbox table is mapped before the first flush
    from . import sync
    from .listing import facets_html, untick_links

    # Every bank's list pages draw their facets and "untick" links with these.
    app.jinja_env.globals.update(facets_html=facets_html, untick_links=untick_links)

    app.config.setdefault("SEARCH_INDEX_DIR", "search_index")
    # Changes waiting longer than this are applied by the next request of any worker; waiting longer than
    # SEARCH_PENDING_MAX_AGE, /healthz reports the index degraded.
    app.config.setdefault("SEARCH_CATCH_UP_SECONDS", 5.0)
    app.config.setdefault("SEARCH_PENDING_MAX_AGE", 60.0)
    app.before_request(sync.catch_up)
    sync.listen()
