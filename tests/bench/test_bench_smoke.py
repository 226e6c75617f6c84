"""The benchmark end to end on a tiny data set: every piece runs and the report says what it must.

No timing is asserted: only that the numbers are there, complete and consistent with each other.
"""
import math

import pytest

from bench import report
from bench.dataset import DatasetSpec
from bench.run import Scale, run
from bench.stats import Timings, measure, percentile

TINY = Scale(
    "smoke", DatasetSpec(organisations=12, mentors=200, unpublished=8, seed=7), page_requests_per_kind=3,
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
    assert (data.organisations, data.public_mentors, data.unpublished_mentors) == (12, 200, 8)
    assert [rebuild["documents"] for rebuild in results["rebuild"].values()] == [212, 212]
    assert all(rebuild["seconds"] > 0 for rebuild in results["rebuild"].values())
    assert results["fts5_build"]["documents"] == 200
    assert "212 public documents: 200 approved mentor profiles and 12 organisations" in text


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
