"""Full-text search: the only place that talks to Whoosh.

Public interface: ``init_app``, ``search_mentors``, ``search_all``, ``rebuild``, ``ensure_index``,
``index_status`` (and the ``flask search`` commands in commands.py). Results have the shapes of results.py.
"""
from .maintenance import ensure_index, index_status, rebuild
from .results import Hit, SearchResult
from .searching import search_all, search_mentors

__all__ = [
    "Hit", "SearchResult", "ensure_index", "index_status", "init_app", "rebuild", "search_all", "search_mentors",
]


def init_app(app) -> None:
    """Registers the session listeners that keep the index in step with the database; opens nothing."""
    from . import sync

    app.config.setdefault("SEARCH_INDEX_DIR", "search_index")
    sync.listen()
