"""`make bench`: the search and page benchmark; writes bench/RESULTS.md.

    PYTHONPATH=site .venv/bin/python -m bench.run                # 20,500 public documents (the default)
    PYTHONPATH=site .venv/bin/python -m bench.run --scale 100k   # 100,000 public documents: bench/RESULTS-100k.md
    PYTHONPATH=site .venv/bin/python -m bench.run --quick        # a small data set: a sanity check of the whole run

In one run: build (or reuse) the data set in bench/data/, time two full rebuilds of the index, build the
SQLite FTS5 baseline; then site workers, each a fresh process, time the two search series and the pages and
report their memory; then the same queries on FTS5; then, against real gunicorn processes over loopback, the
JSON search API, the home page's weight and publish → searchable across two workers; then the recall pairs;
then the report.
"""
import argparse
import logging
import multiprocessing
import pickle
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a file: put the repository root, not bench/, first on the path
    sys.path[0] = str(Path(__file__).resolve().parents[1])

import mentorbank  # noqa: E402
from mentorbank import search  # noqa: E402 - after the path is set
from mentorbank.config import PROJECT_ROOT  # noqa: E402
from mentorbank.demo.generator import DEFAULT_SEED  # noqa: E402
from mentorbank.extensions import db  # noqa: E402
from mentorbank.mentors.models import MentorProfile, ProfileStatus  # noqa: E402
from sqlalchemy import select  # noqa: E402

from bench import dataset, machine, recall, report, served  # noqa: E402
from bench.dataset import DatasetSpec  # noqa: E402
from bench.fts5_baseline import Baseline  # noqa: E402
from bench.queries import MEASURED, WARM_UP  # noqa: E402
from bench.worker import SEARCHES, WorkerSettings, page_series, search_series  # noqa: E402

log = logging.getLogger("bench")

BENCH_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Scale:
    name: str
    spec: DatasetSpec
    page_requests_per_kind: int
    # At most this many measured (and warm-up) queries; None: all of them.
    query_limit: int | None = None

    @property
    def measured(self) -> tuple[str, ...]:
        return MEASURED[:self.query_limit]

    @property
    def warm_up(self) -> tuple[str, ...]:
        return WARM_UP[:self.query_limit]


FULL = Scale("full", DatasetSpec(organisations=1500, mentors=19000, unpublished=1000, seed=DEFAULT_SEED,
                                 practices=1000), 100)
LARGE = Scale("100k", DatasetSpec(organisations=7500, mentors=92500, unpublished=5000, seed=DEFAULT_SEED), 100)
QUICK = Scale("quick", DatasetSpec(organisations=100, mentors=1500, unpublished=50, seed=DEFAULT_SEED,
                                   practices=80), 20)
SCALES = {scale.name: scale for scale in (FULL, LARGE, QUICK)}
# Profiles published one after another in the publish → searchable measure.
PUBLISH_TRIALS = 5


def time_rebuilds(app, data_dir: Path) -> dict:
    """A rebuild from nothing (a new site, or a new schema: `flask search ensure`), then one over the index
    it left (`flask search rebuild`); they take different paths in the search module."""
    shutil.rmtree(dataset.index_path(data_dir), ignore_errors=True)
    timed = {}
    with app.app_context():
        for name in ("from_nothing", "over_existing"):
            started, cpu_started = time.perf_counter(), time.process_time()
            documents = search.rebuild()
            # process_time counts tantivy's indexing threads too.
            timed[name] = {"documents": documents, "seconds": time.perf_counter() - started,
                           "cpu_seconds": time.process_time() - cpu_started}
            log.info("Rebuild %s: %d documents in %.1f s", name, documents, timed[name]["seconds"])
        db.session.remove()
    return timed


def in_worker_process(work, *args):
    """``work(*args)`` in a fresh interpreter, as a site worker starts."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(work, *args).result()


def run(data_dir: Path, output: Path, scale: Scale, fresh_data: bool = False, profile: bool = True) -> dict:
    """Measure everything on one data set and write the report to ``output``; returns what was measured."""
    results = {"scale": scale.name, "machine": machine.describe(PROJECT_ROOT), "warm_up_queries": len(scale.warm_up)}
    # The site package measured: this checkout's only when site/ is first on the path (the Makefile sees to it).
    results["machine"]["site_package"] = str(Path(mentorbank.__file__).parent)
    app = dataset.app_for(data_dir)
    results["dataset"] = dataset.ensure(app, data_dir, scale.spec, force=fresh_data)
    log.info("Data set: %s", results["dataset"])
    results["rebuild"] = time_rebuilds(app, data_dir)

    baseline = Baseline(dataset.fts5_path(data_dir))
    documents, seconds = baseline.build(app)
    results["fts5_build"] = {"documents": documents, "seconds": seconds}
    log.info("FTS5 baseline: %d documents in %.1f s", documents, seconds)

    settings = WorkerSettings(
        str(data_dir), scale.page_requests_per_kind, warm_up=scale.warm_up, measured=scale.measured, profile=profile
    )
    results["searches"] = {}
    for name in SEARCHES:
        log.info("A site worker: the %s series", name)
        results["searches"][name] = in_worker_process(search_series, settings, name)
    log.info("A site worker: the page series")
    results["pages"] = in_worker_process(page_series, settings)
    log.info("FTS5 baseline: searches")
    results["fts5"] = baseline.measure(scale.warm_up, scale.measured)
    results.update(over_http(data_dir, scale))
    log.info("Recall pairs")
    with app.app_context():
        results["recall"] = recall.compare_pairs()
        db.session.remove()
    results["machine"]["load_after"] = machine.load_average()
    results["sizes"] = dataset.sizes(data_dir)

    # Kept so the report can be written again (--report-only) after its analysis text changes.
    saved_results(data_dir).write_bytes(pickle.dumps(results))
    write_report(results, output)
    return results


def over_http(data_dir: Path, scale: Scale) -> dict:
    """The measures taken against gunicorn processes: the API series and the home page on the data set, then
    publishing on a copy of it (publishing changes the data)."""
    logs = data_dir / "server.log"
    with served.serving(data_dir, logs) as port:
        log.info("gunicorn: the JSON search API series")
        api = served.api_search_series(port, scale.warm_up, scale.measured)
        log.info("gunicorn: the home page's weight")
        weight = served.page_weight(port)
    copy = served.copy_data_set(data_dir, data_dir / "publish")
    profile_ids = pending_profiles(copy, PUBLISH_TRIALS)
    with served.serving(copy, logs) as publishing, served.serving(copy, logs) as polled:
        log.info("gunicorn: publish through one worker, search through the other (%d profiles)", len(profile_ids))
        publish = served.publish_latencies(publishing, polled, profile_ids)
    return {"api": api, "home_weight": weight, "publish": publish}


def pending_profiles(data_dir: Path, count: int) -> list[int]:
    """New profiles waiting for moderation (not revisions of published ones)."""
    app = dataset.app_for(data_dir)
    with app.app_context():
        ids = list(db.session.scalars(
            select(MentorProfile.id)
            .where(MentorProfile.status == ProfileStatus.PENDING, MentorProfile.revision_of_id.is_(None))
            .order_by(MentorProfile.id).limit(count)
        ))
        db.session.remove()
    return ids


def saved_results(data_dir: Path) -> Path:
    return data_dir / "results.pickle"


def write_report(results: dict, output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report.render(results))
    log.info("Wrote %s", output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=SCALES, default=FULL.name,
                        help="full: 20,500 public documents (default); 100k: 100,000; quick: 1,550")
    parser.add_argument("--quick", action="store_true", help="the same as --scale quick")
    parser.add_argument("--data-dir", type=Path, help="where the data set lives (default: bench/data/<scale>)")
    parser.add_argument("--output", type=Path,
                        help="the report (default: bench/RESULTS.md; with --quick, RESULTS.md in the data dir)")
    parser.add_argument("--fresh-data", action="store_true", help="build the data set again even if it is current")
    parser.add_argument("--no-profile", action="store_true", help="skip the profiler passes")
    parser.add_argument("--report-only", action="store_true",
                        help="measure nothing: write the report again from the data dir's last run")
    args = parser.parse_args(argv)
    # Its own level: the migrations' logging configuration sets the root logger to WARN.
    log.setLevel(logging.INFO)

    scale = QUICK if args.quick else SCALES[args.scale]
    data_dir = args.data_dir or BENCH_DIR / "data" / scale.name
    # A quick run must never overwrite the committed results of a full one.
    output = args.output or {
        FULL.name: BENCH_DIR / "RESULTS.md", LARGE.name: BENCH_DIR / "RESULTS-100k.md",
    }.get(scale.name, data_dir / "RESULTS.md")
    if args.report_only:
        write_report(pickle.loads(saved_results(data_dir).read_bytes()), output)
    else:
        run(data_dir, output, scale, fresh_data=args.fresh_data, profile=not args.no_profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
