"""Breathe: how much the engine costs per frame, and how fast the session log answers.

Run from the project root:  python benchmarks/breathe.py

Targets (on a modest laptop):
  - one frame's state (GuidedSession.state) under 50 µs, so 60 frames a second
    costs well under 1 % of one core;
  - the 20-session history and the totals under 10 ms with 10,000 sessions saved.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.breathe.engine import GuidedSession, state_at
from app.breathe.model import BreathSession, SessionPlan, preset
from app.breathe.store import BreatheStore
from app.clock import ManualClock
from app.vault import Vault

FRAME = 1 / 60


def best_of(runs: int, job) -> float:
    """The fastest of several runs, in seconds: the least disturbed measurement."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        timings.append(time.perf_counter() - start)
    return min(timings)


def engine() -> None:
    plan = SessionPlan.for_minutes(preset("coherent"), 20)
    frames = round(plan.total_seconds / FRAME)

    def pure() -> None:
        for n in range(frames):
            state_at(plan, n * FRAME)

    def driven() -> None:
        clock = ManualClock()
        session = GuidedSession(plan, clock)
        session.start()
        for _ in range(frames):
            clock.advance(FRAME)
            session.state()

    for name, job in (("state_at", pure), ("GuidedSession.state", driven)):
        seconds = best_of(3, job)
        per_frame = seconds / frames * 1e6
        share = per_frame * 60 / 1e6 * 100
        print(
            f"{name:>20}: {per_frame:6.2f} µs a frame; a 20-minute session at 60 fps "
            f"({frames} frames) takes {seconds * 1000:.0f} ms, {share:.3f} % of one core"
        )


def store(sessions: int = 10_000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        vault = Vault.create(Path(folder) / "tend.db", "benchmark passphrase")
        try:
            log = BreatheStore(vault)
            start_day = datetime(2024, 1, 1, 8, 0).astimezone()
            records = [
                BreathSession(
                    pattern_id="box",
                    pattern_name="Box breathing",
                    started_at=start_day + timedelta(hours=7 * n),
                    planned_ms=300_000,
                    actual_ms=240_000 + n % 60_000,
                    finished=n % 5 != 0,
                    calm_before=1 + n % 5,
                    calm_after=1 + (n + 2) % 5,
                )
                for n in range(sessions)
            ]
            began = time.perf_counter()
            for record in records:
                log.add_session(record)
            each = (time.perf_counter() - began) / sessions * 1000
            print(f"{'add_session':>20}: {each:.2f} ms each (one transaction, synchronous=FULL)")
            checks = (
                ("recent_sessions(20)", lambda: log.recent_sessions(20)),
                ("totals()", log.totals),
                (
                    "seconds_by_day(year)",
                    lambda: log.seconds_by_day(date(2025, 1, 1), date(2025, 12, 31)),
                ),
            )
            for name, job in checks:
                print(f"{name:>20}: {best_of(5, job) * 1000:.2f} ms with {sessions} sessions")
        finally:
            vault.close()


if __name__ == "__main__":
    engine()
    store()
