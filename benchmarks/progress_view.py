"""Open and draw the Progress view on five years of daily use: time and peak memory.

    QT_QPA_PLATFORM=offscreen python benchmarks/progress_view.py [--dir DIR] [--years N]

Builds (once, cached in its own folder) a `tend demo` vault with --years of use on
every day in every area. Targets (issue 12): the view opened and drawn <= 500 ms; the
Today card's streak and milestone <= 20 ms; peak memory with the view open <= 200 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 20)
PASSPHRASE = "benchmark vault, nothing real in it"


def build(path: Path, years: int) -> None:
    from app.demo import create_demo

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    counts = create_demo(path, PASSPHRASE, TODAY, years=years, every_day=True)
    print(f"built {counts} in {time.perf_counter() - started:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dir", default=os.path.join(tempfile.gettempdir(), "tend-bench-progress-view")
    )
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    path, mark = folder / "tend.db", folder / "ready"
    if not mark.exists() or mark.read_text() != str(args.years):
        build(path, args.years)
        mark.write_text(str(args.years))

    from PySide6.QtWidgets import QApplication, QLineEdit

    from app.clock import ManualClock
    from app.context import AreaContext
    from app.shell.theme import apply_theme
    from app.vault import Settings, Vault
    from app.widgets.tasks import ImmediateTaskRunner

    app = QApplication.instance() or QApplication([])
    apply_theme(app, "light")
    warm = QLineEdit("warm up")  # in the app, the unlock dialog has painted by now
    warm.show()
    warm.grab()
    vault = Vault.open(path, PASSPHRASE)
    clock = ManualClock(datetime(2026, 11, 20, 19, 30).astimezone())
    context = AreaContext(
        vault, Settings(vault), clock, ImmediateTaskRunner(), lambda *a, **k: None
    )

    from app.progress.settings import CELEBRATED
    from app.progress.ui import source
    from app.progress.ui.today_card import ProgressTodayCard

    context.settings.write(source.PERIOD, "3m")  # the view opens on the period last chosen
    context.settings.write(CELEBRATED, [])
    started = time.perf_counter()
    card = ProgressTodayCard(context)
    first_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    again = ProgressTodayCard(context)
    card_ms = (time.perf_counter() - started) * 1000
    print(
        f"Today card (streak and milestone, built): {card_ms:.0f} ms; "
        f"{first_ms:.0f} ms when it celebrates and saves that  (target <= 20 ms)"
    )
    again.deleteLater()

    started = time.perf_counter()
    from app.progress.ui.view import ProgressView

    import_ms = (time.perf_counter() - started) * 1000
    view = ProgressView(context)
    view.resize(1100, 720)
    view.show()
    for _ in range(4):  # layouts settle in turns, then the first screen is painted
        app.processEvents()
    view.grab()
    opened = (time.perf_counter() - started) * 1000
    print(
        f"open and draw the Progress view (3 months): {opened:.0f} ms, of which importing "
        f"Qt Charts and the view {import_ms:.0f} ms  (target <= 500 ms)"
    )

    for period in ("all", "12m", "4w"):
        started = time.perf_counter()
        view.period.set_value(period)
        for tab in range(view.tabs.count()):
            view.tabs.setCurrentIndex(tab)
            app.processEvents()
            view.grab()
        took = (time.perf_counter() - started) * 1000
        print(f"switch to {period} and draw all four tabs: {took:.0f} ms")

    started = time.perf_counter()
    view.hide()
    view.show()
    app.processEvents()
    view.grab()
    print(f"show again (recomputed, 4 weeks): {(time.perf_counter() - started) * 1000:.0f} ms")

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory with the view open: {peak:.0f} MB  (target <= 200 MB)")
    card.deleteLater()
    vault.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
