"""What the figures were measured on, and how much memory a process holds (Linux /proc, getrusage elsewhere)."""
import os
import platform
import resource
import sqlite3
import subprocess
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PACKAGES = ("Flask", "SQLAlchemy", "tantivy", "PyStemmer")
# The parts of the checkout the measured code lives in (bench/ itself is not measured).
CODE_PATHS = ("site", "templates")


def _proc_fields(path: str) -> dict[str, str]:
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return {}
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def _cpu_model() -> str:
    return _proc_fields("/proc/cpuinfo").get("model name") or platform.processor() or platform.machine()


def _ram_gib() -> float | None:
    total = _proc_fields("/proc/meminfo").get("MemTotal")  # "24683612 kB"
    return int(total.split()[0]) / 1024 / 1024 if total else None


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def code_version(root: Path) -> str:
    """The commit of the site's code, and whether it had local changes."""

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout

    try:
        commit = git("rev-parse", "--short", "HEAD").strip()
        changed = git("status", "--porcelain", "--", *CODE_PATHS).strip()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"{commit} with uncommitted changes" if changed else commit


def load_average() -> tuple[float, float, float] | None:
    try:
        return os.getloadavg()
    except OSError:
        return None


def describe(root: Path) -> dict:
    return {
        "date": datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "code": code_version(root),
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gib": _ram_gib(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "packages": {name: _package_version(name) for name in PACKAGES},
        "load_before": load_average(),
    }


def memory_mib() -> dict:
    """This process's resident memory now and at its peak, in MiB."""
    status = _proc_fields("/proc/self/status")

    def mib(field: str) -> float | None:
        return int(status[field].split()[0]) / 1024 if field in status else None

    # ru_maxrss is in KiB on Linux: the peak, where /proc is not there.
    peak = mib("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rss": mib("VmRSS"), "peak": peak}
