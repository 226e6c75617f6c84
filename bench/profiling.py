"""Where the time goes: cProfile over a pass that is not the measured one, read back as named phases.

Phase times are inclusive (a phase nested in another counts in both), so shares need not add up to 100 %.
The profiler slows pure-Python code more than C code: shares are indicative, the measured series are the figures.
"""
import cProfile
import pstats
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Phase:
    label: str
    path: str  # the end of the source file's path; "~" for built-ins
    functions: tuple[str, ...]


def phase(label: str, path: str, *functions: str) -> Phase:
    return Phase(label, path, functions)


def _sqlite(method: str) -> str:
    return f"<method '{method}' of 'sqlite3.Cursor' objects>"


SEARCH_TOTAL = phase("search (mentors), in all", "mentorbank/search/searching.py", "search")
SEARCH_ALL_TOTAL = phase("search (every type), in all", "mentorbank/search/searching.py", "search")
SEARCH_PHASES = (
    phase("reload the reader", "mentorbank/search/engine.py", "searcher"),
    phase("parse and build the query", "mentorbank/search/searching.py", "text_query"),
    phase("facet counts (one aggregation)", "mentorbank/search/searching.py", "facet_counts"),
    phase("snippets of the hits shown", "mentorbank/search/searching.py", "hit"),
    phase("did you mean (with its own count)", "mentorbank/search/searching.py", "_suggestion"),
)
PAGE_TOTAL = phase("the request, in all", "flask/app.py", "wsgi_app")
PAGE_PHASES = (
    phase("search", "mentorbank/search/searching.py", "search"),
    phase("SQLAlchemy statements (without reading rows)", "sqlalchemy/orm/session.py", "_execute_internal"),
    phase("SQLite itself (execute and fetch)", "~", *map(_sqlite, ("execute", "fetchone", "fetchmany", "fetchall"))),
    phase("templates (Jinja rendering)", "flask/templating.py", "_render"),
)


def profiled(work: Callable[[], object]) -> pstats.Stats:
    profiler = cProfile.Profile()
    profiler.runcall(work)
    return pstats.Stats(profiler)


def _entries(stats: pstats.Stats, wanted: Phase):
    for (filename, _line, function), entry in stats.stats.items():
        if function in wanted.functions and filename.replace("\\", "/").endswith(wanted.path):
            yield entry


def inclusive_seconds(stats: pstats.Stats, wanted: Phase) -> float:
    # entry: (primitive calls, calls, own time, inclusive time, callers); recursion is counted once.
    return sum(entry[3] for entry in _entries(stats, wanted))


def breakdown(stats: pstats.Stats, total: Phase, phases: tuple[Phase, ...]) -> dict:
    """The total's seconds and calls, and each phase's seconds and share of the total."""
    total_seconds = inclusive_seconds(stats, total)
    calls = sum(entry[1] for entry in _entries(stats, total))
    return {
        "total_seconds": total_seconds,
        "calls": calls,
        "phases": [
            {"label": one.label, "seconds": (seconds := inclusive_seconds(stats, one)),
             "share": seconds / total_seconds if total_seconds else 0.0}
            for one in phases
        ],
    }


def top_functions(stats: pstats.Stats, count: int = 12) -> list[dict]:
    """The functions with the most time of their own, as ``package/module.py:function``."""
    total = sum(entry[2] for entry in stats.stats.values()) or 1.0
    ordered = sorted(stats.stats.items(), key=lambda item: -item[1][2])[:count]
    return [
        {"function": _short_name(filename, line, function), "calls": entry[1], "seconds": entry[2],
         "share": entry[2] / total}
        for (filename, line, function), entry in ordered
    ]


def _short_name(filename: str, line: int, function: str) -> str:
    if filename == "~":  # a built-in: pstats names it "<built-in method …>"
        return function
    parts = filename.replace("\\", "/").split("/")
    return f"{'/'.join(parts[-2:])}:{line} {function}"
