"""Page timings: the site's own pages through Flask's test client, timed on the server side.

The timer wraps the WSGI application, so it counts everything the server does for a request (routing, the
search, the database, rendering, reading out the body) and nothing the client does. The kinds of page are
asked in turn, as a worker serving mixed traffic would see them; each measured URL is asked once (but `/`,
which has only one).
"""
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

from flask import Flask
from sqlalchemy import select

from mentorbank.competitions.models import Competition
from mentorbank.competitions.queries import public_competitions
from mentorbank.extensions import db
from mentorbank.mentors.models import MentorProfile, public_profiles
from mentorbank.organisations.models import Municipality, Region
from mentorbank.vocabularies.models import Term, Vocabulary

from .queries import MEASURED, WARM_UP
from .stats import Overran, Timings, deadline

WARM_UP_PER_KIND = 5
# (kind, what the report calls it)
KINDS = {
    "home": "`/`",
    "mentors": "`/mentors` (pages and sorts, no filter)",
    "mentors_filtered": "`/mentors` with filters (and a query on every fifth)",
    "mentors_query": "`/mentors?q=…` (the facets page: hits and every facet's counts)",
    "profile": "`/mentors/<id>` (a profile)",
    "practices": "`/practices` (pages, no filter)",
    "practices_filtered": "`/practices` with filters (and a query on every third)",
    "search": "`/search?q=…`",
    "competition": "`/competitions/<id>` (a competition: nominations, winners first)",
}
SORTS = ("name", "recent", "experience")
PRACTICE_SORTS = ("name", "recent", "year")


@dataclass(frozen=True)
class PagePlan:
    warm_up: dict[str, list[str]]
    measured: dict[str, list[str]]

    def interleaved(self) -> Iterator[tuple[str, str]]:
        """(kind, url), the kinds taken in turn."""
        longest = max(len(urls) for urls in self.measured.values())
        for position in range(longest):
            for kind, urls in self.measured.items():
                if position < len(urls):
                    yield kind, urls[position]


def _url(path: str, **params) -> str:
    params = {name: value for name, value in params.items() if value is not None}
    return f"{path}?{urlencode(params, doseq=True)}" if params else path


def _slugs(vocabulary: str) -> list[str]:
    return list(db.session.scalars(
        select(Term.slug).where(Term.vocabulary == vocabulary, Term.is_active.is_(True)).order_by(Term.position)
    ))


def _filtered(position: int, regions: list[int], municipalities: list[int], directions, modes, forms) -> str:
    """A different combination of facets for each position: one to four of them, sometimes with a query."""

    def pick(values: list, step: int):
        return values[(position * step) % len(values)]

    return _url(
        "/mentors",
        region=pick(regions, 1) if position % 3 != 2 else None,
        municipality=pick(municipalities, 5) if position % 3 == 2 else None,
        direction=pick(directions, 3) if position % 2 == 0 else None,
        mode=pick(modes, 1) if position % 4 == 1 else None,
        form=pick(forms, 2) if position % 6 == 3 else None,
        accepting="1" if position % 4 == 0 else None,
        q=pick(MEASURED, 7) if position % 5 == 4 else None,
    )


def plan(app: Flask, requests_per_kind: int, seed: int = 2026) -> PagePlan:
    """Distinct URLs per kind, built from the data set's own regions, terms and public profiles."""
    total = requests_per_kind + WARM_UP_PER_KIND
    with app.app_context():
        regions = list(db.session.scalars(select(Region.id).order_by(Region.id)))
        municipalities = list(db.session.scalars(select(Municipality.id).order_by(Municipality.id)))
        directions, modes, forms = (_slugs(v) for v in (Vocabulary.DIRECTION, Vocabulary.MODE, Vocabulary.FORM))
        profile_ids = list(db.session.scalars(
            public_profiles().with_only_columns(MentorProfile.id).order_by(MentorProfile.id)
        ))
        competition_ids = list(db.session.scalars(public_competitions().with_only_columns(Competition.id)))
        db.session.remove()
    pages = max(1, len(profile_ids) // app.config["MENTORS_PER_PAGE"])
    chosen_profiles = random.Random(seed).sample(profile_ids, min(total, len(profile_ids)))
    queries = [*WARM_UP[:WARM_UP_PER_KIND], *MEASURED]
    urls = {
        "home": ["/"] * total,
        # The first pages in each sort order: deep pages are rare in real traffic.
        "mentors": [
            _url("/mentors", sort=SORTS[position % len(SORTS)], page=1 + (position // len(SORTS)) % pages)
            for position in range(total)
        ],
        "mentors_filtered": [
            _filtered(position, regions, municipalities, directions, modes, forms) for position in range(total)
        ],
        "mentors_query": [_url("/mentors", q=queries[position % len(queries)]) for position in range(total)],
        "profile": [f"/mentors/{profile_id}" for profile_id in chosen_profiles],
        "search": [_url("/search", q=queries[position % len(queries)]) for position in range(total)],
        "practices": [_url("/practices", sort=PRACTICE_SORTS[position % len(PRACTICE_SORTS)]) for position in range(total)],
        "practices_filtered": [
            _url("/practices", region=regions[position % len(regions)] if position % 2 == 0 else None,
                 direction=directions[(position * 3) % len(directions)] if position % 2 == 1 else None,
                 winner="1" if position % 4 == 3 else None,
                 q=queries[position % len(queries)] if position % 3 == 2 else None)
            for position in range(total)
        ],
        # A dozen competitions: each asked in turn (as `/` is asked again and again).
        "competition": [f"/competitions/{competition_ids[position % len(competition_ids)]}"
                        for position in range(total)] if competition_ids else [],
    }
    return PagePlan(
        warm_up={kind: found[:WARM_UP_PER_KIND] for kind, found in urls.items()},
        measured={kind: found[WARM_UP_PER_KIND:] for kind, found in urls.items()},
    )


class ServerTimer:
    """WSGI middleware: how long the application took for the last request, its body read out."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app
        self.last_seconds = 0.0
        self.last_cpu_seconds = 0.0

    def __call__(self, environ, start_response):
        started, cpu_started = time.perf_counter(), time.process_time()
        body = self.wsgi_app(environ, start_response)
        try:
            content = b"".join(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        self.last_seconds = time.perf_counter() - started
        self.last_cpu_seconds = time.process_time() - cpu_started
        return [content]


def measure(app: Flask, page_plan: PagePlan, timeout: float | None = None) -> dict[str, Timings]:
    """Warm every kind up, then time each measured URL once. A status other than 200 is an error; so is a
    request interrupted at the deadline, which also counts as a sample of the time it was given."""
    timer = ServerTimer(app.wsgi_app)
    app.wsgi_app = timer
    client = app.test_client()
    try:
        for urls in page_plan.warm_up.values():
            ask_each(app, urls, timeout, client)
        timings = {kind: Timings() for kind in page_plan.measured}
        for kind, url in page_plan.interleaved():
            started = time.perf_counter()
            try:
                with deadline(timeout):
                    response = client.get(url)
            except Overran as overran:
                timings[kind].add(url, time.perf_counter() - started, 0)
                timings[kind].errors.append(f"{url}: {overran}")
                continue
            if response.status_code == 200:
                timings[kind].add(url, timer.last_seconds, response.status_code, timer.last_cpu_seconds)
            else:
                timings[kind].errors.append(f"{url}: HTTP {response.status_code}")
        return timings
    finally:
        app.wsgi_app = timer.wsgi_app


def ask_each(app: Flask, urls: list[str], timeout: float | None, client=None) -> None:
    """Ask each URL, untimed (warm-up, the profiler); one interrupted at the deadline is left behind."""
    client = client or app.test_client()
    for url in urls:
        try:
            with deadline(timeout):
                client.get(url)
        except Overran:
            continue
