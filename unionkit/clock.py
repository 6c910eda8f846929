"""An injectable clock, so that services and tests agree on 'now' (auto-lock, throttle, dates)."""

from __future__ import annotations

import datetime as dt
import time


class Clock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        return dt.date.today()

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock(Clock):
    """A clock the tests move by hand."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self._now = start or dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)
        self._mono = 1000.0

    def now(self) -> dt.datetime:
        return self._now

    def today(self) -> dt.date:
        return self._now.date()

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        self._now += dt.timedelta(seconds=seconds)
        self._mono += seconds


SYSTEM_CLOCK = Clock()
