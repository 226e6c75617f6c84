"""bench/RESULTS.md from what run.py measured: the machine, the data set, the targets, every series, where the
time goes, and for each missed target by how much, why and what would close it (findings.py)."""
import math
from dataclasses import dataclass
from urllib.parse import unquote_plus

from . import findings, served
from .pages import KINDS
from .stats import Timings

# The targets of issue 8 §5.
API_TO_FTS5_RATIO = 1.0
PAGE_P95_MS = 25.0
REBUILD_SECONDS = 20.0
PUBLISH_SECONDS = 1.0
HOME_KB = 60.0
HOME_REQUESTS = 6

SEARCH_SERIES = {
    "search_mentors": "`search_mentors` (tantivy, `MentorFilters.search`): top 10 with snippets, counts of every facet",
    "search_all": "`search_all` (tantivy, `search` over every type): top 10 with snippets, counts per type",
}
REBUILDS = {
    "from_nothing": "from nothing (`flask search ensure` on a new site or schema)",
    "over_existing": "over the existing index (`flask search rebuild`)",
}
API_SERIES = ("`/api/v1/search` over HTTP (gunicorn, one sync worker, loopback; client-side time: request, "
              "server, response read out): every type, top 10 with snippets, counts per type")
SECTIONS = (
    "Machine", "Data set", "Targets", "Search", "Pages", "Home page weight", "Publish → searchable", "Recall",
    "Rebuild", "Memory", "Where the time goes", "Missed targets",
)


@dataclass(frozen=True)
class Target:
    key: str  # findings.WHY_AND_FIX key
    measure: str
    limit: float
    value: float
    unit: str
    # The same measure from CPU time instead of wall-clock time, where there is one: what the code costs,
    # without the time spent waiting for a core other work holds.
    cpu_value: float | None = None

    @property
    def met(self) -> bool:
        return self.value <= self.limit

    def verdict(self) -> str:
        if math.isnan(self.value):
            return "not measured"
        if self.met:
            return "met"
        over = f" ({self.value / self.limit - 1:.0%} over)" if self.limit else ""
        return f"**missed** by {_number(self.value - self.limit)} {self.unit}{over}"


def _number(value: float | None) -> str:
    if isinstance(value, int):
        return f"{value:,}"
    if value is None or math.isnan(value):
        return "–"
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}" if abs(value) < 1000 else f"{value:,.0f}"


def _mib(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} MiB"


def _table(header: tuple[str, ...], rows: list[tuple]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines + [""]


def _ratio(value: float, base: float) -> float:
    return value / base if base and not math.isnan(base) else math.nan


def _slowest_publish(results: dict, worker: str) -> float:
    return max((trial[worker] for trial in results["publish"]), default=math.nan)


def targets(results: dict) -> list[Target]:
    api, fts5 = results["api"].summary(), results["fts5"].summary()
    rows = [
        Target("search_api", "`/api/v1/search` p95 over HTTP ÷ in-process FTS5 p95 (not slower)", API_TO_FTS5_RATIO,
               _ratio(api["p95"], fts5["p95"]), "×", _ratio(api["cpu_p95"], fts5["cpu_p95"])),
    ]
    rows += [
        Target("pages", f"page p95: {KINDS[kind]}", PAGE_P95_MS, (summary := timings.summary())["p95"], "ms",
               summary["cpu_p95"])
        for kind, timings in results["pages"]["timings"].items()
    ]
    rows += [
        Target("rebuild", f"rebuild {label}", REBUILD_SECONDS, results["rebuild"][name]["seconds"], "s",
               results["rebuild"][name].get("cpu_seconds"))
        for name, label in REBUILDS.items()
    ]
    rows += [
        Target("publish", f"publish → searchable {where} (slowest of {len(results['publish'])})", PUBLISH_SECONDS,
               _slowest_publish(results, worker), "s")
        for worker, where in (("other_worker", "in the other worker"), ("same_worker", "in the publishing worker"))
    ]
    weight = results["home_weight"]
    rows += [
        Target("home_weight", "home page transferred (compressed, with its subresources)", HOME_KB,
               weight.total_bytes / 1024, "KB"),
        Target("home_weight", "home page requests", HOME_REQUESTS, len(weight.requests), "requests"),
        Target("home_weight", "third-party hosts the home page names", 0, len(weight.other_hosts), "hosts"),
        Target("recall", "recall pairs whose two forms find different mentors", 0,
               sum(not pair.same for pair in results["recall"]), "pairs"),
    ]
    return rows


def _series_row(label: str, timings: Timings, with_zero_hits: bool = True) -> tuple:
    summary = timings.summary()
    row = (label, summary["n"], _number(summary["p50"]), _number(summary["p95"]), _number(summary["max"]),
           _number(summary["cpu_p50"]), _number(summary["cpu_p95"]), summary["errors"])
    return (*row, len(timings.zero_counts())) if with_zero_hits else row


def _machine(results: dict) -> list[str]:
    found = results["machine"]
    load = lambda value: " / ".join(f"{x:.2f}" for x in value) if value else "–"  # noqa: E731
    packages = ", ".join(f"{name} {number}" for name, number in found["packages"].items())
    return _table(("", ""), [
        ("date", found["date"]),
        ("code measured", f"`{found['code']}`"),
        ("CPU", found["cpu"]),
        ("cores", found["cores"]),
        ("RAM", f"{found['ram_gib']:.1f} GiB" if found["ram_gib"] else "–"),
        ("OS", found["os"]),
        ("Python", found["python"]),
        ("SQLite", found["sqlite"]),
        ("site package measured", f"`{found.get('site_package', '–')}`"),
        ("packages", packages),
        ("load average (1/5/15 min) before / after", f"{load(found['load_before'])} · {load(found.get('load_after'))}"),
    ]) + [
        f"The load averages show how busy the machine was with other work around the run: with {found['cores']} "
        "cores, a load above the number of cores means processes waited for a CPU.", "",
    ]


def _dataset(results: dict) -> list[str]:
    data, sizes = results["dataset"], results["sizes"]
    how = "reused from an earlier run (built when its sources last changed)" if data.reused else (
        f"built in this run in {_number(data.build_seconds)} s")
    return [
        f"{data.public_documents:,} public documents: {data.public_mentors:,} approved mentor profiles, "
        f"{data.public_practices:,} published practices, {data.organisations:,} organisations and {data.competition_entries:,} admitted competition entries, generated by the demo generator (`mentorbank.demo.generator`) "
        f"with a fixed seed; and {data.unpublished_mentors:,} unpublished profiles (drafts, pending, rejected) "
        f"that are in the database but never in the index. The data set was {how}. On disk: database "
        f"{sizes['database'] / 2**20:.0f} MiB, search index {sizes['index'] / 2**20:.0f} MiB, FTS5 baseline "
        f"{sizes['fts5'] / 2**20:.0f} MiB.", "",
    ]


def _targets(rows: list[Target]) -> list[str]:
    return [
        "Judged on wall-clock time, as a visitor waits. The last column gives the same figure from CPU time (the "
        "server process's, or the baseline's), which leaves out the time spent waiting for a core that other work "
        "on the shared machine held: what the code itself costs.", "",
        *_table(("measure", "target", "measured", "verdict", "from CPU time"), [
            (row.measure, f"≤ {_number(row.limit)} {row.unit}", f"{_number(row.value)} {row.unit}", row.verdict(),
             "–" if row.cpu_value is None else f"{_number(row.cpu_value)} {row.unit}")
            for row in rows
        ]),
    ]


def _search(results: dict) -> list[str]:
    searches = {name: series["timings"] for name, series in results["searches"].items()}
    fts5 = results["fts5"]
    mentors = searches["search_mentors"].summary()
    baseline = fts5.summary()
    lines = [
        f"{mentors['n']} distinct queries (`bench/queries.py`: inflected forms, phrases, subjects, places, "
        "vocabulary terms, names, organisations, English words, typos), each asked exactly once, after a warm-up "
        f"on {results['warm_up_queries']} other queries. Each series runs in a site worker of its own (a fresh "
        "process, so a fresh index reader; the FTS5 series on a fresh connection); the warm-up opens the index "
        "and loads the morphology dictionary and the thesaurus, as the first visitors would, and no result is "
        "cached. A query still running after the deadline is interrupted, listed as an error and counted at the "
        "deadline, a lower bound. Times in ms: the in-process series through the search module's public API, "
        "the same calls the pages make; the API series over HTTP against gunicorn, timed by the client; CPU "
        "columns: the CPU time of the process that did the search (for the API, the server's, reported in its "
        "`Server-Timing` header by `bench/server.py`).", "",
    ]
    lines += _table(("series", "n", "p50", "p95", "max", "CPU p50", "CPU p95", "errors", "queries with no hit"), [
        *(_series_row(label, searches[name]) for name, label in SEARCH_SERIES.items()),
        _series_row(API_SERIES, results["api"]),
        _series_row("SQLite FTS5 over pre-stemmed text (`bench/fts5_baseline.py`), in process: the mentors' "
                    "search, no “did you mean”", fts5),
    ])
    api = results["api"].summary()
    lines += [
        f"Ratios to FTS5 (p50 / p95): `search_mentors` {mentors['p50'] / baseline['p50']:.2f}× / "
        f"{mentors['p95'] / baseline['p95']:.2f}×; `/api/v1/search` over HTTP {api['p50'] / baseline['p50']:.2f}× / "
        f"{api['p95'] / baseline['p95']:.2f}×.", "",
    ]
    for name, timings in (*searches.items(), ("api", results["api"]), ("fts5", fts5)):
        slowest = ", ".join(f"«{label}» {_number(ms)}" for label, ms in timings.slowest())
        lines.append(f"- slowest of `{name}` (ms): {slowest}")
    overran = {error.split(": ", 1)[0] for error in searches["search_mentors"].errors}
    empty = [query for query in searches["search_mentors"].zero_counts() if query not in overran]
    lines += ["", f"Queries the mentor bank finds nothing for: {', '.join(f'«{q}»' for q in empty) or 'none'}.", ""]
    errors = [f"- error in `{name}`: {error}"
              for name, timings in (*searches.items(), ("api", results["api"]), ("fts5", fts5))
              for error in timings.errors[:5]]
    return lines + (errors + [""] if errors else [])


def _pages(results: dict) -> list[str]:
    page_timings = results["pages"]["timings"]
    count = max(timings.summary()["n"] for timings in page_timings.values())
    lines = [
        f"Server-side time in ms (a WSGI middleware around the application: routing, search, database, rendering, "
        f"reading out the body), Flask's test client against the benchmark's app in the worker process, "
        f"Russian pages, after a warm-up of five other requests per kind; {count} requests per kind, the kinds "
        "asked in turn.", "",
    ]
    lines += _table(("page", "n", "p50", "p95", "max", "CPU p50", "CPU p95", "errors"), [
        _series_row(KINDS[kind], timings, with_zero_hits=False) for kind, timings in page_timings.items()
    ])
    for kind, timings in page_timings.items():
        lines += [f"- error in {KINDS[kind]}: {unquote_plus(error)}" for error in timings.errors[:5]]
        lines.append(f"- slowest of {KINDS[kind]} (ms): "
                     + ", ".join(f"`{unquote_plus(url)}` {_number(ms)}" for url, ms in timings.slowest(3)))
    return lines + [""]


def _home_weight(results: dict) -> list[str]:
    weight = results["home_weight"]
    lines = [
        "`/` fetched from gunicorn with `Accept-Encoding: br, gzip`, its HTML parsed for what a browser fetches "
        "(stylesheets, icons, preloads, scripts, images), each same-origin URL fetched once, compressed. Bytes "
        "transferred: the status line, the headers and the body as sent.", "",
    ]
    lines += _table(("request", "bytes", "encoding", "status"), [
        (f"`{url}`", f"{size:,}", encoding, status) for url, size, encoding, status in weight.requests
    ])
    hosts = ", ".join(f"`{url}`" for url in weight.other_hosts) or "none"
    return lines + [
        f"In all: {len(weight.requests)} requests, {weight.total_bytes:,} bytes ({weight.total_bytes / 1024:.1f} KB). "
        f"URLs of other hosts (never fetched): {hosts}.", "",
    ]


def _publish(results: dict) -> list[str]:
    lines = [
        "Two gunicorn processes (one worker each) on a copy of the data set. For each profile, a pending "
        "submission is given a word of its own and approved through the moderation code in a request to the "
        "first worker (`bench/server.py`); from the moment that request starts, both workers' `/api/v1/search` "
        f"are polled every {served.POLL_SECONDS * 1000:.0f} ms for the word. Seconds:", "",
    ]
    header = ("profile", "publishing request", "found in the other worker", "found in the publishing one")
    return lines + _table(header, [
        (trial["profile"], _number(trial["request"]), _number(trial["other_worker"]), _number(trial["same_worker"]))
        for trial in results["publish"]
    ])


def _recall(results: dict) -> list[str]:
    pairs = results["recall"]
    lines = [
        f"The {len(pairs)} pairs of `tests/search/recall_pairs.py`, each form searched among the mentors of the "
        "data set through `search()`, every page of matches: the pair holds when both forms find the same set.", "",
    ]
    return lines + _table(("topic", "typed", "found", "other form", "found", "found by both", "same"), [
        (pair.topic, f"«{pair.typed}»", f"{pair.found_by_typed:,}", f"«{pair.other}»", f"{pair.found_by_other:,}",
         f"{pair.in_both:,}", "yes" if pair.same else "**no**")
        for pair in pairs
    ])


def _rebuild(results: dict) -> list[str]:
    rows = [
        (label, f"{results['rebuild'][name]['documents']:,}", _number(results["rebuild"][name]["seconds"]),
         f"{results['rebuild'][name]['documents'] / results['rebuild'][name]['seconds']:,.0f}")
        for name, label in REBUILDS.items()
    ]
    fts5 = results["fts5_build"]
    rows.append(("FTS5 baseline, mentors only (for reference)", f"{fts5['documents']:,}", _number(fts5["seconds"]),
                 f"{fts5['documents'] / fts5['seconds']:,.0f}"))
    return ["`mentorbank.search.rebuild()` from the benchmark's database, every public document.", "",
            *_table(("rebuild", "documents", "seconds", "documents/s"), rows)]


def _memory(results: dict) -> list[str]:
    pages, searches = results["pages"], results["searches"]
    rows = [("the page worker, after `create_app()`", _mib(pages["memory_at_start"]["rss"]))]
    rows += [(f"the `{name}` worker, after its series", _mib(series["memory"]["rss"]))
             for name, series in searches.items()]
    rows += [("the page worker, after its series", _mib(pages["memory"]["rss"])),
             ("the page worker, peak (VmHWM)", _mib(pages["memory"]["peak"]))]
    return ["Each worker is a fresh process, as a gunicorn worker is; resident memory (VmRSS, /proc/self/status).",
            "", *_table(("site worker", "resident memory"), rows)]


def _search_profile(name: str, profile: dict) -> list[str]:
    breakdown = profile["breakdown"]
    lines = [
        f"`{name}`: one more pass over the measured queries that finished ({breakdown['calls']} calls, "
        f"{_number(breakdown['total_seconds'] * 1000)} ms under the profiler).", "",
    ]
    lines += _table((f"phase of `{name}`", "ms", "share"), [
        (phase["label"], _number(phase["seconds"] * 1000), f"{phase['share']:.0%}") for phase in breakdown["phases"]
    ])
    lines += [f"Functions with the most time of their own in `{name}`:", ""]
    return lines + _table(("function", "calls", "ms", "share of all"), [
        (f"`{entry['function']}`", f"{entry['calls']:,}", _number(entry["seconds"] * 1000), f"{entry['share']:.0%}")
        for entry in profile["top"]
    ])


def _profiles(results: dict) -> list[str]:
    profiled = {name: series["profile"] for name, series in results["searches"].items() if series["profile"]}
    if not profiled:
        return ["Not profiled in this run (`--no-profile`).", ""]
    lines = [
        "cProfile, after the measured series. Phases are inclusive (a nested phase counts in its parent too); "
        "the profiler slows Python code more than C, so shares are indicative.", "",
    ]
    for name, profile in profiled.items():
        lines += _search_profile(name, profile)
    page_rows = []
    for kind, page in (results["pages"]["profiles"] or {}).items():
        shares = ", ".join(f"{phase['label']} {phase['share']:.0%}" for phase in page["phases"] if phase["seconds"])
        page_rows.append((KINDS[kind], page["calls"], _number(page["total_seconds"] * 1000 / max(page["calls"], 1)),
                          shares))
    lines += ["Pages, under the same profiler (some of the measured requests of each kind again):", ""]
    return lines + _table(("page", "requests", "ms per request (profiled)", "shares of the request"), page_rows)


def _missed(rows: list[Target]) -> list[str]:
    missed = [row for row in rows if not row.met]
    if not missed:
        return ["Every target was met.", ""]
    lines = []
    for key in dict.fromkeys(row.key for row in missed):
        lines += [f"### {findings.TITLES[key]}", ""]
        lines += [f"- {row.measure}: {_number(row.value)} {row.unit} against ≤ {_number(row.limit)} {row.unit}, "
                  f"{row.verdict().replace('**', '')}." for row in missed if row.key == key]
        lines += ["", findings.WHY_AND_FIX[key].strip(), ""]
    return lines


def render(results: dict) -> str:
    rows = targets(results)
    scale = "" if results["scale"] == "full" else f" — **{results['scale']} run: a sanity check, not the figures**"
    parts = [
        f"# Benchmark results{scale}", "",
        f"Written by `make bench` (`bench/run.py`) on {results['machine']['date']}. Do not edit by hand: run it "
        "again. The analysis of missed targets comes from `bench/findings.py`.", "",
    ]
    writers = (_machine, _dataset, lambda _results: _targets(rows), _search, _pages, _home_weight, _publish,
               _recall, _rebuild, _memory, _profiles, lambda _results: _missed(rows))
    for title, write in zip(SECTIONS, writers, strict=True):
        parts += [f"## {title}", "", *write(results)]
    return "\n".join(parts).rstrip() + "\n"
