"""Timings of one measured series, and their percentiles (nearest rank: a real observed value)."""
import math
import signal
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field


class Overran(BaseException):
    """Raised into code that ran past its deadline. A BaseException, so no ``except Exception`` on the way
    (the query parser's fallback, Flask's error handler) can swallow it."""


@contextmanager
def deadline(seconds: float | None):
    """Interrupt the block after ``seconds`` (SIGALRM: Unix, main thread only; elsewhere no deadline).
    A runaway query (Whoosh 2.7.4, the former engine, looped forever in ``skip_to_quality``: whoosh#446, #461)
    must cost the series a recorded error, not the whole run."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def interrupt(_signum, _frame):
        raise Overran(f"did not finish within {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


@dataclass
class Timings:
    # (label, seconds, a count worth reporting: hits found, or the HTTP status)
    samples: list[tuple[str, float, int]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # CPU seconds the serving process spent on each sample, where known: unlike the wall-clock time, it does not
    # grow while the process waits for a core that other work holds (the machine is shared).
    cpu_seconds: list[float] = field(default_factory=list)

    def add(self, label: str, seconds: float, count: int = 0, cpu_seconds: float | None = None) -> None:
        self.samples.append((label, seconds, count))
        if cpu_seconds is not None:
            self.cpu_seconds.append(cpu_seconds)

    @property
    def milliseconds(self) -> list[float]:
        return [seconds * 1000 for _label, seconds, _count in self.samples]

    def summary(self) -> dict:
        values = self.milliseconds
        return {
            "n": len(values),
            "p50": percentile(values, 0.50),
            "p95": percentile(values, 0.95),
            "max": max(values) if values else math.nan,
            "errors": len(self.errors),
            "cpu_p50": percentile([seconds * 1000 for seconds in self.cpu_seconds], 0.50),
            "cpu_p95": percentile([seconds * 1000 for seconds in self.cpu_seconds], 0.95),
        }

    def slowest(self, count: int = 5) -> list[tuple[str, float]]:
        ordered = sorted(self.samples, key=lambda sample: -sample[1])
        return [(label, seconds * 1000) for label, seconds, _count in ordered[:count]]

    def zero_counts(self) -> list[str]:
        return [label for label, _seconds, count in self.samples if count == 0]

    def to_dict(self) -> dict:
        return {"summary": self.summary(), "slowest": self.slowest(), "errors": self.errors[:10],
                "zero_hits": self.zero_counts()}


def measure(
    ask: Callable[[str], int], warm_up: Iterable[str], measured: Iterable[str], timeout: float | None = None
) -> Timings:
    """Ask every warm-up input, then time each measured input exactly once. ``ask`` returns the count to
    keep with the sample (hits found, an HTTP status). An exception is recorded as an error, not timed; an
    input that overruns ``timeout`` is both: its sample is the time it was given, a lower bound."""
    for item in warm_up:
        try:
            with deadline(timeout):
                ask(item)
        except Overran:
            continue
    timings = Timings()
    for item in measured:
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            with deadline(timeout):
                count = ask(item)
        except Overran as overran:
            timings.add(item, time.perf_counter() - started, 0)
            timings.errors.append(f"{item}: {overran}")
            continue
        except Exception as error:  # noqa: BLE001 - one failing input must not lose the whole series
            timings.errors.append(f"{item}: {type(error).__name__}: {error}")
            continue
        timings.add(item, time.perf_counter() - started, count, time.process_time() - cpu_started)
    return timings
