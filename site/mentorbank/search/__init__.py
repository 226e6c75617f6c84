"""Full-text search: the only place that talks to Whoosh."""


def init_app(app) -> None:
    app.config.setdefault("SEARCH_INDEX_DIR", "search_index")
