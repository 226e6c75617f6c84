"""Case- and ё-insensitive text matching, the same in Python, SQLite and PostgreSQL."""
from sqlalchemy import ColumnElement, event, func


def fold(text: str) -> str:
    """Lower-case and fold ё to е: «Ёлка» and «елка» are the same word."""
    return text.lower().replace("ё", "е")


def folded_contains(column, text: str) -> ColumnElement[bool]:
    """``column`` contains ``text`` in any case, ё = е (LIKE wildcards in ``text`` are taken literally)."""
    return func.replace(func.lower(column), "ё", "е").contains(fold(text), autoescape=True)


def unicode_lower_on_sqlite(engine) -> None:
    """SQLite's own lower() folds only ASCII; PostgreSQL's follows the database's (UTF-8) locale. Give SQLite
    connections Python's, so Cyrillic names match in any case on both."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _unicode_lower(dbapi_connection, _record):
        dbapi_connection.create_function("lower", 1, lambda value: value.lower() if value else value,
                                         deterministic=True)


def shortened(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis when cut."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
