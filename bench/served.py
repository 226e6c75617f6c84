"""Measures taken over HTTP against real server processes (gunicorn, one sync worker each) on loopback.

- the JSON search API, client-side time: the HTTP request, the server's work and the response read out;
- publish → searchable: two workers on a copy of the data set, a profile published through one, the other polled;
- the home page's weight: `/` and every subresource its HTML names, fetched compressed as a browser would.

Only addresses on 127.0.0.1 are ever asked: a URL of another host is reported, never fetched.
"""
import gzip
import http.client
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

import brotli

from . import dataset
from .server import PUBLISH_PATH
from .stats import Timings

HOST = "127.0.0.1"
REPOSITORY = Path(__file__).resolve().parents[1]
STARTUP_SECONDS = 60.0
ACCEPT_ENCODING = "br, gzip"


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes  # as transferred (compressed when the server compressed it)
    header_bytes: int

    @property
    def transferred(self) -> int:
        return self.header_bytes + len(self.body)

    def text(self) -> str:
        encoding = self.headers.get("content-encoding", "")
        if encoding == "br":
            return brotli.decompress(self.body).decode()
        if encoding == "gzip":
            return gzip.decompress(self.body).decode()
        return self.body.decode()

    def json(self) -> dict:
        return json.loads(self.text())

    def server_cpu_seconds(self) -> float | None:
        """The CPU time the server reported (bench/server.py's Server-Timing header)."""
        for metric in self.headers.get("server-timing", "").split(","):
            name, _, duration = metric.strip().partition(";dur=")
            if name == "cpu":
                return float(duration) / 1000
        return None


def get(port: int, path: str, method: str = "GET", headers: dict[str, str] | None = None,
        timeout: float = 30.0) -> Response:
    """One request on a new connection (gunicorn's sync worker closes each one after its response)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request(method, path, headers={"Host": f"{HOST}:{port}", **(headers or {})})
        answer = connection.getresponse()
        body = answer.read()
        pairs = answer.getheaders()
        # The status line, each header line and the blank line, as they crossed the wire.
        header_bytes = len(f"HTTP/1.1 {answer.status} {answer.reason}\r\n") + sum(
            len(name) + len(value) + 4 for name, value in pairs) + 2
        return Response(answer.status, {name.lower(): value for name, value in pairs}, body, header_bytes)
    finally:
        connection.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def server_environment(data_dir: Path) -> dict[str, str]:
    """This checkout's code first, whatever the virtualenv's editable install points at."""
    return {
        **os.environ,
        "BENCH_DATA_DIR": str(data_dir),
        "PYTHONPATH": os.pathsep.join([str(REPOSITORY / "site"), str(REPOSITORY)]),
    }


@contextmanager
def serving(data_dir: Path, log_path: Path):
    """A gunicorn process with one worker serving the benchmark's data; yields its port."""
    port = _free_port()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind", f"{HOST}:{port}", "--timeout", "60",
             "--no-control-socket", "bench.server:application()"],
            cwd=REPOSITORY, env=server_environment(data_dir), stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_up(process, port, log_path)
            yield port
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_up(process: subprocess.Popen, port: int, log_path: Path) -> None:
    started = time.monotonic()
    while time.monotonic() - started < STARTUP_SECONDS:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped at start-up (exit {process.returncode}); see {log_path}")
        try:
            if get(port, "/healthz", timeout=5).status in (200, 503):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the server did not answer within {STARTUP_SECONDS:g} s; see {log_path}")


# -- the JSON search API ------------------------------------------------------------------------------------

def api_path(query: str) -> str:
    return "/api/v1/search?" + urlencode({"q": query})


def api_search_series(port: int, warm_up: tuple[str, ...], measured: tuple[str, ...]) -> Timings:
    """Each measured query once over HTTP, after the warm-up: the client's wall-clock time, and the server's
    CPU time; the count kept is the API's total. A status other than 200 is an error."""
    for query in warm_up:
        get(port, api_path(query), headers={"Accept-Encoding": ACCEPT_ENCODING})
    timings = Timings()
    for query in measured:
        started = time.perf_counter()
        response = get(port, api_path(query), headers={"Accept-Encoding": ACCEPT_ENCODING})
        seconds = time.perf_counter() - started
        if response.status != 200:
            timings.errors.append(f"{query}: HTTP {response.status}")
            continue
        timings.add(query, seconds, response.json()["total"], response.server_cpu_seconds())
    return timings


# -- publish → searchable in every worker -------------------------------------------------------------------

POLL_SECONDS = 0.01
GIVE_UP_SECONDS = 10.0


def copy_data_set(data_dir: Path, into: Path) -> Path:
    """The database and the index, copied: publishing changes them, and the data set must stay as built."""
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    # SQLite's backup, not a file copy: committed pages may still be in the write-ahead log.
    with closing(sqlite3.connect(dataset.database_path(data_dir))) as source, \
            closing(sqlite3.connect(dataset.database_path(into))) as target:
        source.backup(target)
    shutil.copytree(dataset.index_path(data_dir), dataset.index_path(into))
    return into


def _found(port: int, word: str) -> bool:
    response = get(port, api_path(word))
    return response.status == 200 and response.json()["total"] > 0


def _seconds_until_found(ports: dict[str, int], word: str, since: float) -> dict[str, float]:
    """Poll each worker in turn until each has found the word: seconds since ``since`` per worker (inf when it
    never did within GIVE_UP_SECONDS)."""
    found: dict[str, float] = {}
    while len(found) < len(ports):
        for name, port in ports.items():
            if name not in found and _found(port, word):
                found[name] = time.perf_counter() - since
        if time.perf_counter() - since > GIVE_UP_SECONDS:
            return {name: found.get(name, float("inf")) for name in ports}
        time.sleep(POLL_SECONDS)
    return found


def publish_latencies(publishing_port: int, polled_port: int, profile_ids: list[int]) -> list[dict]:
    """For each profile: the publishing request's own time, then how long after the click it started the
    profile was found through the worker that published it and through the other one."""
    trials = []
    for number, profile_id in enumerate(profile_ids):
        word = f"benchprobe{profile_id}x{number}"
        assert not _found(polled_port, word), f"«{word}» is found before it is published"
        started = time.perf_counter()
        response = get(publishing_port, f"{PUBLISH_PATH}{profile_id}?{urlencode({'word': word})}", method="POST")
        if response.status != 200:
            raise RuntimeError(f"publishing profile {profile_id} answered HTTP {response.status}")
        request_seconds = time.perf_counter() - started
        found = _seconds_until_found({"other_worker": polled_port, "same_worker": publishing_port}, word, started)
        trials.append({"profile": profile_id, "request": request_seconds, **found})
    return trials


# -- the home page's weight ---------------------------------------------------------------------------------

class _Subresources(HTMLParser):
    """What a browser fetches for the page: stylesheets, icons, preloads, scripts, images."""

    FETCHED_LINKS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "manifest"}

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "link" and self.FETCHED_LINKS & set((found.get("rel") or "").lower().split()):
            self.urls.append(found.get("href"))
        elif tag in ("script", "img", "source", "iframe") and found.get("src"):
            self.urls.append(found["src"])
        elif tag == "img" and found.get("srcset"):
            self.urls.extend(part.split()[0] for part in found["srcset"].split(",") if part.strip())

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


@dataclass
class PageWeight:
    # (url, bytes transferred, content-encoding, status)
    requests: list[tuple[str, int, str, int]] = field(default_factory=list)
    other_hosts: list[str] = field(default_factory=list)

    @property
    def total_bytes(self) -> int:
        return sum(size for _url, size, _encoding, _status in self.requests)


def same_origin_paths(origin: str, page_path: str, urls: list[str]) -> tuple[list[str], list[str]]:
    """(the distinct same-origin URLs as paths to ask, the absolute URLs of other hosts) among ``urls``;
    data: URLs are inside the page already and need no request."""
    local, other = [], []
    for url in dict.fromkeys(url for url in urls if url and not url.startswith("data:")):
        absolute = urljoin(origin + page_path, url)
        parts = urlsplit(absolute)
        if f"{parts.scheme}://{parts.netloc}" != origin:
            other.append(absolute)
        else:
            local.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return local, other


def subresources(html: str) -> list[str]:
    parser = _Subresources()
    parser.feed(html)
    return parser.urls


def page_weight(port: int, path: str = "/") -> PageWeight:
    """The page and each distinct same-origin subresource once, compressed; URLs of other hosts are listed,
    never fetched."""
    weight = PageWeight()
    page = get(port, path, headers={"Accept-Encoding": ACCEPT_ENCODING})
    weight.requests.append((path, page.transferred, page.headers.get("content-encoding", "none"), page.status))
    local, weight.other_hosts = same_origin_paths(f"http://{HOST}:{port}", path, subresources(page.text()))
    for url in local:
        response = get(port, url, headers={"Accept-Encoding": ACCEPT_ENCODING})
        weight.requests.append((url, response.transferred, response.headers.get("content-encoding", "none"),
                                response.status))
    return weight
