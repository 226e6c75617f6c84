"""Site workers, each in a process of its own: one per search series, one for the pages.

run.py starts each with the spawn method, so it begins as a gunicorn worker does: a fresh interpreter that
imports the site and opens the index on its first search; no series meets searchers another one used. Work
runs in the process's main thread, where a deadline can interrupt a runaway query (stats.deadline). Only plain
data goes back to the parent.
"""
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from werkzeug.datastructures import MultiDict

from mentorbank.mentors.filters import MentorFilters
from mentorbank.search import registry, search

from . import pages, profiling
from .dataset import app_for
from .machine import memory_mib
from .queries import MEASURED, WARM_UP
from .stats import Timings, deadline, measure

TOP = 10
PROFILED_REQUESTS_PER_KIND = 30


@dataclass(frozen=True)
class WorkerSettings:
    data_dir: str
    page_requests_per_kind: int
    warm_up: tuple[str, ...] = WARM_UP
    measured: tuple[str, ...] = MEASURED
    # A query or request still running after this many seconds is interrupted and recorded as an error.
    timeout: float = 10.0
    profile: bool = True


def mentors_found(query: str) -> int:
    """The mentor bank's search as /mentors?q=… asks it: the top 10 with snippets, and every facet's counts."""
    return MentorFilters.from_args(MultiDict({"q": query})).search(per_page=TOP).total


def everything_found(query: str) -> int:
    """The search over every type, as /search?q=… asks it: the top 10 with snippets, and counts per type."""
    return search(registry.names(), query, page=1, per_page=TOP).total


SEARCHES: dict[str, Callable[[str], int]] = {"search_mentors": mentors_found, "search_all": everything_found}


def search_series(settings: WorkerSettings, name: str) -> dict:
    """One search series: the warm-up, each measured query once, the memory after it, then its profile."""
    app = app_for(Path(settings.data_dir))
    ask = SEARCHES[name]
    with app.app_context():
        timings = measure(ask, settings.warm_up, settings.measured, timeout=settings.timeout)
        memory = memory_mib()
        profile = _search_profile(ask, settings, timings) if settings.profile else None
    return {"timings": timings, "memory": memory, "profile": profile}


def page_series(settings: WorkerSettings) -> dict:
    app = app_for(Path(settings.data_dir))
    memory_at_start = memory_mib()
    page_plan = pages.plan(app, settings.page_requests_per_kind)
    timings = pages.measure(app, page_plan, timeout=settings.timeout)
    served = {"timings": timings, "memory_at_start": memory_at_start, "memory": memory_mib(), "profiles": None}
    if settings.profile:
        served["profiles"] = _page_profiles(app, page_plan, timings, settings.timeout)
    return served


def _failed(timings: Timings) -> set[str]:
    return {error.split(": ", 1)[0] for error in timings.errors}


def _search_profile(ask: Callable[[str], int], settings: WorkerSettings, timings: Timings) -> dict:
    """One more pass over the measured queries that succeeded, under the profiler (after the measured series,
    so the profiler slows none of it)."""
    failed = _failed(timings)
    queries = [query for query in settings.measured if query not in failed]

    def ask_each() -> None:
        for query in queries:
            with deadline(settings.timeout):
                ask(query)

    stats = profiling.profiled(ask_each)
    total = profiling.SEARCH_TOTAL if ask is mentors_found else profiling.SEARCH_ALL_TOTAL
    return {
        "breakdown": profiling.breakdown(stats, total, profiling.SEARCH_PHASES),
        "top": profiling.top_functions(stats),
    }


def _page_profiles(app: Flask, page_plan: pages.PagePlan, timings: dict[str, Timings], timeout: float) -> dict:
    breakdowns = {}
    for kind, urls in page_plan.measured.items():
        failed = _failed(timings[kind])
        chosen = [url for url in urls if url not in failed][:PROFILED_REQUESTS_PER_KIND]
        stats = profiling.profiled(lambda chosen=chosen: pages.ask_each(app, chosen, timeout))
        breakdowns[kind] = profiling.breakdown(stats, profiling.PAGE_TOTAL, profiling.PAGE_PHASES)
    return breakdowns
