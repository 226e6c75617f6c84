"""The site's news feed (/feed.atom): the domains register sources of entries; the feed merges them.

Public interface: ``FeedEntry``, ``register_source(name, entries)`` (``entries(limit)`` returns that source's
newest entries), ``newest_entries(limit)``. The feed knows no domain: practices, competitions and the library
register their sources from their own ``registrations.py``.
"""
from .registry import FeedEntry, forget_source, newest_entries, register_source, sources

__all__ = ["FeedEntry", "forget_source", "newest_entries", "register_source", "sources"]
