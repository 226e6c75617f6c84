"""Values worked out at most once per request (the vocabulary, the thesaurus's version stamp).

Kept on ``g`` together with the request they belong to: tests push one application context for many requests,
and ``g`` lives as long as that context, so a value is used only while its own request runs. A commit drops
them all, so a request that changes the data and then reads it sees its own change. Outside a request (the
command line, a search asked from code) nothing is kept: each call computes its value afresh.
"""
from collections.abc import Callable
from typing import TypeVar

from flask import g, has_app_context, has_request_context, request
from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import event

_KEY = "_request_cache"
T = TypeVar("T")


def once_per_request(name: str, compute: Callable[[], T]) -> T:
    if not has_request_context():
        return compute()
    current = request._get_current_object()
    held = g.get(_KEY)
    if held is None or held[0] is not current:
        held = (current, {})
        setattr(g, _KEY, held)
    values = held[1]
    if name not in values:
        values[name] = compute()
    return values[name]


def forget() -> None:
    """Drop what this request kept (the data changed)."""
    if has_app_context():
        g.pop(_KEY, None)


def _forget_after_commit(_session) -> None:
    forget()


def init_app(_app) -> None:
    if not event.contains(FlaskSession, "after_commit", _forget_after_commit):
        event.listen(FlaskSession, "after_commit", _forget_after_commit)
