"""Helpers for benchmarks: timing with a median of several runs, temp vaults."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_time(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def metric(value: float, unit: str, digits: int = 3) -> dict:
    return {"value": round(value, digits), "unit": unit}
