"""Render the Progress view on `tend demo` data, light and dark, large and small, to look at.

    QT_QPA_PLATFORM=offscreen python benchmarks/progress_screens.py [--out DIR] [--years N]

Not part of the suite: it writes PNGs (one per theme, window size and tab, plus the
Today page) into --out for a person to look at. The demo vault is made once in a
temporary folder and removed afterwards; nothing in it is real.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 20)
SIZES = ((1100, 720), (900, 600))
PASSPHRASE = "demo screens only, nothing real"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", default=os.path.join(tempfile.gettempdir(), "tend-progress-screens")
    )
    parser.add_argument("--years", type=int, default=1)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from datetime import datetime

    from PySide6.QtWidgets import QApplication

    from app.clock import ManualClock
    from app.demo import fill
    from app.shell.theme import apply_theme
    from app.shell.window import MainWindow
    from app.vault import Settings, Vault
    from app.widgets.tasks import ImmediateTaskRunner

    app = QApplication.instance() or QApplication([])

    def settle() -> None:
        # Layouts ask each other in turn (a child, then its scroll area): let them finish.
        for _ in range(6):
            app.processEvents()

    with tempfile.TemporaryDirectory() as folder:
        vault = Vault.create(Path(folder) / "tend.db", PASSPHRASE)
        fill(vault, TODAY, years=args.years)
        clock = ManualClock(datetime(TODAY.year, TODAY.month, TODAY.day, 19, 30).astimezone())
        parts = {
            "vault": vault,
            "settings": Settings(vault),
            "clock": clock,
            "tasks": ImmediateTaskRunner(),
        }
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            for width, height in SIZES:
                window = MainWindow(parts)
                window.resize(width, height)
                window.show()
                settle()
                window.grab().save(str(out / f"today-{theme}-{width}x{height}.png"))
                view = window.open_area("progress")
                view.period.set_value("12m")
                for index in range(view.tabs.count()):
                    view.tabs.setCurrentIndex(index)
                    settle()
                    name = view.tabs.tabText(index).lower()
                    window.grab().save(str(out / f"progress-{theme}-{width}x{height}-{name}.png"))
                    print(out / f"progress-{theme}-{width}x{height}-{name}.png")
                if width == SIZES[0][0]:
                    # Every chart whole, scrolled into view one by one, and one as a table.
                    view.tabs.setCurrentIndex(1)
                    for period in ("12m", "all"):
                        view.period.set_value(period)
                        settle()
                        for key, panel in view.charts.items():
                            panel.grab().save(str(out / f"chart-{theme}-{period}-{key}.png"))
                    panel = view.charts["mood"]
                    panel.table_button.click()
                    settle()
                    panel.grab().save(str(out / f"chart-{theme}-all-mood-table.png"))
                    panel.table_button.click()
                    view.tabs.setCurrentIndex(2)
                    settle()
                    view.setbacks.card.grab().save(str(out / f"setbacks-{theme}-all.png"))
                window.close_quietly()
                window.deleteLater()
                app.processEvents()
        vault.close()
        # A new, empty vault: the friendly start, never an empty axis.
        empty = Vault.create(Path(folder) / "empty.db", PASSPHRASE)
        parts = {**parts, "vault": empty, "settings": Settings(empty)}
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            window = MainWindow(parts)
            window.resize(900, 600)
            window.show()
            view = window.open_area("progress")
            for index in (0, 1):
                view.tabs.setCurrentIndex(index)
                settle()
                window.grab().save(str(out / f"empty-{theme}-900x600-{index}.png"))
            window.close_quietly()
            window.deleteLater()
            app.processEvents()
        empty.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
