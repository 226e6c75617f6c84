"""The benchmark end to end on a tiny data set: every piece runs and the report says what it must.

No timing is asserted: only that the numbers are there, complete and consistent with each other.
"""
import math

import pytest

from bench import report, served
from bench.dataset import DatasetSpec
from bench.run import PUBLISH_TRIALS, Scale, run
from bench.stats import Timings, measure, percentile
from tests.search.recall_pairs import RECALL_PAIRS

TINY = Scale(
    "smoke", DatasetSpec(organisations=12, mentors=200, unpublished=16, seed=7, practices=12), page_requests_per_kind=3,
    query_limit=8,
)


@pytest.fixture(scope="module")
def smoke(tmp_path_factory):
    directory = tmp_path_factory.mktemp("bench")
    output = directory / "RESULTS.md"
    results = run(directory / "data", output, TINY)
    return results, output.read_text()


def _assert_sane(timings: Timings, expected: int) -> None:
    summary = timings.summary()
    assert timings.errors == []
    assert summary["n"] == expected
    assert all(math.isfinite(summary[key]) for key in ("p50", "p95", "max"))
    assert 0 < summary["p50"] <= summary["p95"] <= summary["max"]


def test_the_report_has_every_section_and_names_the_machine(smoke):
    results, text = smoke
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == list(report.SECTIONS)
    machine = results["machine"]
    for value in (machine["cpu"], machine["python"], machine["sqlite"], machine["date"]):
        assert value and str(value) in text
    assert "smoke run: a sanity check, not the figures" in text


def test_the_data_set_and_both_rebuilds_hold_every_public_document(smoke):
    results, text = smoke
    data = results["dataset"]
    assert (data.organisations, data.public_mentors, data.unpublished_mentors) == (12, 200, 16)
    assert 12 < data.public_practices <= 12 + 120  # the generated practices and the contests' winners
    assert data.competition_entries == 120  # ten past years' and the open competition's admitted entries
    documents = 212 + data.public_practices + data.competition_entries
    assert [rebuild["documents"] for rebuild in results["rebuild"].values()] == [documents, documents]
    assert all(rebuild["seconds"] > 0 for rebuild in results["rebuild"].values())
    assert results["fts5_build"]["documents"] == 200
    assert (f"{documents} public documents: 200 approved mentor profiles, {data.public_practices} published "
            "practices, 12 organisations and 120 admitted competition entries") in text


def test_every_search_series_asks_each_query_once_and_the_baseline_finds_the_same(smoke):
    results, _text = smoke
    searches = {name: series["timings"] for name, series in results["searches"].items()}
    assert set(searches) == {"search_mentors", "search_all"}
    for timings in (*searches.values(), results["fts5"]):
        _assert_sane(timings, len(TINY.measured))
        assert [label for label, _seconds, _count in timings.samples] == list(TINY.measured)
    engine = [count for _label, _seconds, count in searches["search_mentors"].samples]
    fts5 = [count for _label, _seconds, count in results["fts5"].samples]
    assert engine == fts5
    assert any(engine), "the tiny data set must answer some of the queries"


def test_the_api_is_timed_over_http_and_finds_what_the_search_module_finds(smoke):
    results, text = smoke
    api = results["api"]
    _assert_sane(api, len(TINY.measured))
    assert [label for label, _seconds, _count in api.samples] == list(TINY.measured)
    # The API searches every type, as the in-process `search_all` series does: the same totals.
    in_process = [count for _label, _seconds, count in results["searches"]["search_all"]["timings"].samples]
    assert [count for _label, _seconds, count in api.samples] == in_process
    # The server reported its CPU time for every request.
    assert len(api.cpu_seconds) == len(TINY.measured) and all(seconds > 0 for seconds in api.cpu_seconds)
    assert "`/api/v1/search` p95 over HTTP ÷ in-process FTS5 p95" in text


def test_the_home_page_weight_counts_the_page_and_its_subresources_compressed(smoke):
    results, text = smoke
    weight = results["home_weight"]
    (page, *parts) = weight.requests
    assert page[0] == "/" and page[2] == "br" and page[3] == 200
    assert parts, "the home page names its stylesheets and scripts"
    assert all(status == 200 for _url, _size, _encoding, status in parts)
    assert any(url.endswith(".css") for url, *_rest in parts) and any(url.endswith(".js") for url, *_rest in parts)
    assert weight.other_hosts == []
    assert f"In all: {len(weight.requests)} requests, {weight.total_bytes:,} bytes" in text


def test_a_profile_published_through_one_worker_is_found_through_the_other(smoke):
    results, text = smoke
    trials = results["publish"]
    assert 0 < len(trials) <= PUBLISH_TRIALS
    for trial in trials:
        assert 0 < trial["request"] <= trial["other_worker"] < served.GIVE_UP_SECONDS
        assert trial["request"] <= trial["same_worker"] < served.GIVE_UP_SECONDS
    assert f"publish → searchable in the other worker (slowest of {len(trials)})" in text


def test_the_recall_table_has_every_pair_and_says_which_differ(smoke):
    results, text = smoke
    pairs = results["recall"]
    assert [(pair.typed, pair.other) for pair in pairs] == [(pair.typed, pair.other) for pair in RECALL_PAIRS]
    for pair in pairs:
        assert pair.in_both <= min(pair.found_by_typed, pair.found_by_other)
        assert pair.same == (pair.found_by_typed == pair.found_by_other == pair.in_both)
    differing = sum(not pair.same for pair in pairs)
    assert f"| recall pairs whose two forms find different mentors | ≤ 0 pairs | {differing} pairs |" in text


def test_a_third_party_subresource_is_listed_never_fetched_and_misses_the_target(smoke):
    html = (
        '<link rel="stylesheet" href="/static/site.css"><link rel="icon" href="data:image/svg+xml,x">'
        '<script src="https://cdn.example.org/lib.js"></script><img src="//img.example.net/a.png">'
        '<script src="/static/site.js?v=2"></script><link rel="stylesheet" href="/static/site.css">'
        '<a href="https://elsewhere.example/">a link is not fetched</a>'
    )
    local, other = served.same_origin_paths("http://127.0.0.1:5000", "/", served.subresources(html))
    assert local == ["/static/site.css", "/static/site.js?v=2"]
    assert other == ["https://cdn.example.org/lib.js", "http://img.example.net/a.png"]

    results, _text = smoke
    weight = served.PageWeight(results["home_weight"].requests, other)
    text = report.render({**results, "home_weight": weight})
    assert "| third-party hosts the home page names | ≤ 0 hosts | 2 hosts | **missed** by 2 hosts |" in text
    assert "### Home page ≤ 60 KB in ≤ 6 requests, no third-party host" in text


def test_pages_are_timed_without_errors_and_the_workers_report_their_memory(smoke):
    results, text = smoke
    pages = results["pages"]
    assert set(pages["timings"]) == set(report.KINDS)
    for timings in pages["timings"].values():
        _assert_sane(timings, TINY.page_requests_per_kind)
    memory = pages["memory"]
    assert 0 < pages["memory_at_start"]["rss"] <= memory["peak"]
    assert 0 < memory["rss"] <= memory["peak"]
    assert all(series["memory"]["rss"] > 0 for series in results["searches"].values())
    assert f"{memory['peak']:.0f} MiB" in text


def test_the_profiles_account_for_every_measured_query_and_request(smoke):
    results, text = smoke
    for name, series in results["searches"].items():
        breakdown = series["profile"]["breakdown"]
        assert breakdown["calls"] == len(TINY.measured)
        assert 0 < max(phase["seconds"] for phase in breakdown["phases"]) <= breakdown["total_seconds"]
        assert series["profile"]["top"]
        assert f"| phase of `{name}` | ms | share |" in text
    page_profiles = results["pages"]["profiles"]
    assert set(page_profiles) == set(report.KINDS)
    assert all(page["calls"] == TINY.page_requests_per_kind for page in page_profiles.values())


def test_a_missed_target_is_reported_with_how_much_and_why(smoke):
    results, _text = smoke
    slow = {**results, "rebuild": {
        name: {**rebuild, "seconds": report.REBUILD_SECONDS + 5} for name, rebuild in results["rebuild"].items()
    }}
    text = report.render(slow)
    assert "**missed** by 5.00 s (25% over)" in text
    assert "### Rebuild ≤ 20 s" in text
    assert report.findings.WHY_AND_FIX["rebuild"].strip().splitlines()[0] in text


def test_percentiles_are_observed_values_by_nearest_rank():
    values = [float(value) for value in range(1, 101)]
    assert percentile(values, 0.50) == 50.0
    assert percentile(values, 0.95) == 95.0
    assert percentile([3.0], 0.95) == 3.0
    assert math.isnan(percentile([], 0.5))


def test_a_failing_input_is_an_error_not_a_sample():
    def ask(item: str) -> int:
        if item == "bad":
            raise ValueError("unreadable")
        return len(item)

    timings = measure(ask, warm_up=["warm"], measured=["good", "bad", "fine"])
    assert [label for label, _seconds, _count in timings.samples] == ["good", "fine"]
    assert timings.errors == ["bad: ValueError: unreadable"]


def test_scales_keep_the_regional_size_and_the_query_set():
    from bench.run import FULL, QUICK

    assert FULL.spec.organisations + FULL.spec.mentors >= 20_000
    assert len(FULL.measured) >= 100 and FULL.warm_up
    assert QUICK.measured == FULL.measured


def test_an_input_past_its_deadline_is_interrupted_and_counted_at_the_deadline():
    def ask(item: str) -> int:
        if item.startswith("endless"):
            while True:
                pass
        return 1

    timings = measure(ask, warm_up=["endless warm-up"], measured=["quick", "endless"], timeout=0.2)
    assert timings.errors == ["endless: did not finish within 0.2 s"]
    (quick, endless) = timings.samples
    assert quick[2] == 1
    assert endless[0] == "endless" and endless[1] >= 0.2 and endless[2] == 0
