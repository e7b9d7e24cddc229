"""The breathing engine: where you are in a session, as a pure function of elapsed time.

The view asks `state_at(plan, timer.elapsed())` every frame. Nothing here counts
ticks, so a slow or skipped frame changes nothing: the next frame is simply right.
Time is measured in whole microseconds inside, so 5.5 s boundaries land exactly
and a 20-minute session ends on the microsecond it should. No Qt here.
"""

from __future__ import annotations

import bisect
import functools
import math
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from fractions import Fraction

from app.breathe.model import BreathPattern, BreathSession, Phase, SessionPlan, check_calm
from app.clock import Clock

MICROS_PER_SECOND = 1_000_000
MICROS_PER_TENTH = 100_000


@dataclass(frozen=True)
class BreathState:
    """Everything the guide needs to draw one frame."""

    phase: Phase  # kind, label and length of the phase you are in
    phase_index: int  # its index in plan.pattern.phases
    cycle: int  # 1 for the first breath
    progress: float  # 0 at the start of the phase, up to 1 at its end
    seconds_left: float  # in this phase
    countdown: int  # seconds left in this phase, rounded up: what the label shows
    fullness: float  # how full the lungs are, 0 (empty) to 1 (full): the guide's size
    overall: float  # 0 to 1 through the whole session
    session_seconds_left: float
    finished: bool


def to_micros(elapsed: float | Fraction | int) -> int:
    """Seconds as whole microseconds; time before the start counts as the start."""
    if isinstance(elapsed, float) and not math.isfinite(elapsed):
        raise ValueError("elapsed time must be a finite number of seconds")
    return max(0, round(Fraction(elapsed) * MICROS_PER_SECOND))


@functools.lru_cache(maxsize=32)
def _phase_ends(pattern: BreathPattern) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The non-empty phases' indices and their end offsets within a cycle, in µs."""
    indices: list[int] = []
    ends: list[int] = []
    offset = 0
    for index, phase in enumerate(pattern.phases):
        if phase.tenths:  # a zero-length hold is skipped, never shown
            offset += phase.tenths * MICROS_PER_TENTH
            indices.append(index)
            ends.append(offset)
    return tuple(indices), tuple(ends)


def state_at(plan: SessionPlan, elapsed: float | Fraction | int) -> BreathState:
    """Where the session is after `elapsed` seconds of breathing (pauses excluded).

    At a boundary the new phase has begun (progress 0). At or past the end the
    session is finished and rests on the last phase's end.
    """
    now = to_micros(elapsed)
    total = plan.total_tenths * MICROS_PER_TENTH
    cycle_length = plan.pattern.cycle_tenths * MICROS_PER_TENTH
    indices, ends = _phase_ends(plan.pattern)
    finished = now >= total
    if finished:
        cycle_number, within, slot = plan.cycles - 1, cycle_length, len(ends) - 1
    else:
        cycle_number, within = divmod(now, cycle_length)
        slot = bisect.bisect_right(ends, within)
    index = indices[slot]
    phase = plan.pattern.phases[index]
    length = phase.tenths * MICROS_PER_TENTH
    left = ends[slot] - within
    progress = (length - left) / length
    start_level, end_level = plan.pattern.fullness_ranges[index]
    clamped = min(now, total)
    return BreathState(
        phase=phase,
        phase_index=index,
        cycle=cycle_number + 1,
        progress=progress,
        seconds_left=left / MICROS_PER_SECOND,
        countdown=-(-left // MICROS_PER_SECOND),
        fullness=start_level + (end_level - start_level) * progress,
        overall=clamped / total,
        session_seconds_left=(total - clamped) / MICROS_PER_SECOND,
        finished=finished,
    )


class TimerStatus(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"


class SessionTimer:
    """Elapsed breathing time from a monotonic clock, with paused time left out.

    It keeps the start of the running stretch and the sum of the stretches before
    it; it never counts ticks, so it cannot drift however often it is read.
    """

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._status = TimerStatus.READY
        self._banked = Fraction(0)  # seconds from stretches that have ended
        self._since: float | None = None  # monotonic start of the running stretch

    @property
    def status(self) -> TimerStatus:
        return self._status

    def start(self) -> None:
        if self._status != TimerStatus.READY:
            raise RuntimeError("a timer starts once")
        self._status = TimerStatus.RUNNING
        self._since = self._clock.monotonic()

    def pause(self) -> None:
        """Stop counting until resume(); does nothing unless running."""
        if self._status == TimerStatus.RUNNING:
            self._bank()
            self._status = TimerStatus.PAUSED

    def resume(self) -> None:
        """Count again after a pause; does nothing unless paused."""
        if self._status == TimerStatus.PAUSED:
            self._status = TimerStatus.RUNNING
            self._since = self._clock.monotonic()

    def stop(self) -> None:
        """Stop for good; elapsed() keeps its last value. Safe to call twice."""
        if self._status == TimerStatus.RUNNING:
            self._bank()
        if self._status != TimerStatus.READY:
            self._status = TimerStatus.STOPPED

    def elapsed(self) -> Fraction:
        """Seconds counted so far, exactly (the clock's floats are exact binary values)."""
        if self._status == TimerStatus.RUNNING and self._since is not None:
            return self._banked + self._stretch()
        return self._banked

    def _stretch(self) -> Fraction:
        assert self._since is not None
        return Fraction(self._clock.monotonic()) - Fraction(self._since)

    def _bank(self) -> None:
        self._banked += self._stretch()
        self._since = None


class GuidedSession:
    """A plan and its timer: what the view holds while you breathe.

    It notices the end itself: the first read at or past the planned end stops the
    timer, so the time saved is the plan's length and not a frame more.
    """

    def __init__(self, plan: SessionPlan, clock: Clock) -> None:
        self.plan = plan
        self.timer = SessionTimer(clock)
        self._clock = clock
        self.started_at: datetime | None = None

    @property
    def status(self) -> TimerStatus:
        return self.timer.status

    @property
    def is_running(self) -> bool:
        return self.timer.status == TimerStatus.RUNNING

    def start(self) -> BreathState:
        self.started_at = self._clock.now()
        self.timer.start()
        return self.state()

    def pause(self) -> None:
        self.timer.pause()

    def resume(self) -> None:
        self.timer.resume()

    def stop(self) -> BreathState:
        self.timer.stop()
        return self.state()

    def state(self) -> BreathState:
        current = state_at(self.plan, self.timer.elapsed())
        if current.finished and self.timer.status != TimerStatus.STOPPED:
            self.timer.stop()
        return current

    @property
    def finished(self) -> bool:
        return self.state().finished

    def actual_ms(self) -> int:
        """Breathing time so far in whole milliseconds, never beyond the plan."""
        planned = self.plan.total_tenths * 100
        return min(planned, round(self.timer.elapsed() * 1000))

    def record(
        self, *, calm_before: int | None = None, calm_after: int | None = None
    ) -> BreathSession:
        """The session as the history keeps it; call it once you are done."""
        if self.started_at is None:
            raise RuntimeError("a session is recorded after it starts")
        return BreathSession(
            pattern_id=self.plan.pattern.id,
            pattern_name=self.plan.pattern.name,
            started_at=self.started_at,
            planned_ms=self.plan.total_tenths * 100,
            actual_ms=self.actual_ms(),
            finished=self.state().finished,
            calm_before=check_calm(calm_before),
            calm_after=check_calm(calm_after),
        )
