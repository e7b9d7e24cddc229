"""Time, injected: the real clock in the app, a hand-driven one in tests."""

from __future__ import annotations

import time
from datetime import date, datetime

_BOOT_CLOCK = getattr(time, "CLOCK_BOOTTIME", None)


class Clock:
    """Monotonic seconds for durations, local wall time for dates."""

    def monotonic(self) -> float:
        # Counts time asleep too, so auto-lock treats a night with the lid shut as idle.
        return time.clock_gettime(_BOOT_CLOCK) if _BOOT_CLOCK is not None else time.monotonic()

    def now(self) -> datetime:
        return datetime.now().astimezone()

    def today(self) -> date:
        return self.now().date()


class ManualClock(Clock):
    """A clock that moves only when told to; for tests and simulations."""

    def __init__(self, start: datetime | None = None) -> None:
        self._mono = 1000.0
        self._start = start or datetime(2026, 1, 15, 9, 30).astimezone()

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time does not run backwards")
        self._mono += seconds

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        from datetime import timedelta

        return self._start + timedelta(seconds=self._mono - 1000.0)
