"""Breathe: what the guide costs the machine while it animates, what the engine costs
per frame, and how fast the session log answers.

Run from the project root:  python benchmarks/breathe.py [guide]
The guide's figure needs a real window (Qt's xcb platform); without a display, start one:
    Xvfb :77 & openbox --display :77 &
    DISPLAY=:77 QT_QPA_PLATFORM=xcb python benchmarks/breathe.py
With the offscreen platform the guide is skipped: nothing reaches a screen there, so
its figure would flatter the drawing.

Targets (on a modest laptop):
  - the guide, animating in the real window through a whole breath of the 20-minute
    "I'm flooded" break (the break is 100 of them), at most 5 % of one core for Tend's
    process. Measured here (2 shared cores, Xvfb, 1100x720): before, a full repaint every
    16 ms took 20-26 % (62 paints a second); now 4.1-4.3 % (22 paints a second: a frame
    when the edge has moved half a pixel, at most 30 a second, none while the count
    alone waits), and 1.2 % with reduced motion (was 3.9-4.1 %);
  - one frame's state (GuidedSession.state) under 50 µs, so 60 frames a second
    costs well under 1 % of one core;
  - the 20-session history and the totals under 10 ms with 10,000 sessions saved.
"""

from __future__ import annotations

import os
import resource
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
GUIDE_SECONDS = 12.0  # one whole breath of the break's pattern (4 in, 1 pause, 7 out)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def x_server_cpu_seconds() -> float | None:
    """The X server's CPU time, when its lock file names it (Xvfb's does)."""
    display = os.environ.get("DISPLAY", "").lstrip(":").split(".")[0]
    try:
        pid = int(Path(f"/tmp/.X{display}-lock").read_text().strip())
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, ValueError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def guide() -> None:
    """The guide in the real window, following the break's pattern with the real clock."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        print(f"{'guide':>20}: skipped (needs a display: see the top of this file)")
        return
    from app.breathe.model import flooded_guide
    from app.clock import Clock
    from app.context import AreaContext
    from app.shell.window import MainWindow
    from app.vault import Settings
    from app.widgets.tasks import ImmediateTaskRunner

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    def run_for(seconds: float) -> None:
        loop, timer = QEventLoop(), QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one may end 5 % early
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(round(seconds * 1000))
        loop.exec()

    with tempfile.TemporaryDirectory() as folder:
        vault = Vault.create(Path(folder) / "tend.db", "benchmark passphrase")
        windows: list[MainWindow] = []
        context = AreaContext(
            vault=vault,
            settings=Settings(vault),
            clock=Clock(),
            tasks=ImmediateTaskRunner(),
            open_area=lambda key, **request: windows[0].open_area(key, **request),
        )
        window = MainWindow(context)
        windows.append(window)
        window.resize(1100, 720)
        window.show()
        view = window.open_area("breathe")
        paints = Paints()
        view.stage.guide.installEventFilter(paints)
        for reduced in (False, True):
            view.setup.reduced_motion.setChecked(reduced)
            view.start(flooded_guide().plan())
            run_for(1.0)  # let the window settle before counting
            paints.count = 0
            cpu, server, began = cpu_seconds(), x_server_cpu_seconds(), time.perf_counter()
            run_for(GUIDE_SECONDS)
            wall = time.perf_counter() - began
            share = (cpu_seconds() - cpu) / wall * 100
            words = f"{share:5.1f} % of one core, {paints.count / wall:4.1f} paints a second"
            if server is not None:
                words += f"; X server {(x_server_cpu_seconds() - server) / wall * 100:.1f} %"
            name = "guide, reduced motion" if reduced else "guide, moving"
            print(f"{name:>20}: {words} (over {wall:.0f} s of the break)")
            view.stop()
        view.setup.reduced_motion.setChecked(False)
        window.close_quietly()
        vault.close()


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
    from app.shell.app import make_application
    from app.shell.theme import apply_theme

    application = make_application()
    apply_theme(application, "light")  # the stylesheet the app draws with
    guide()
    if sys.argv[1:] != ["guide"]:  # `breathe.py guide` measures the guide alone
        engine()
        store()
