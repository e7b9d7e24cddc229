"""Render the Breathe screenshots offscreen: packaging/screenshots/breathe-*.png.

QT_QPA_PLATFORM=offscreen python packaging/breathe_screenshots.py [OUT_DIR]

Each theme renders in its own process (a theme set at start, as the app does);
this one starts a second run of itself for the dark shot.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.breathe.model import Timings  # noqa: E402
from app.breathe.store import BreatheStore  # noqa: E402
from app.clock import ManualClock  # noqa: E402
from app.shell.app import make_application  # noqa: E402
from app.shell.theme import apply_theme  # noqa: E402
from app.shell.window import MainWindow  # noqa: E402
from app.vault import Settings, Vault  # noqa: E402
from app.widgets.tasks import ImmediateTaskRunner  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "packaging" / "screenshots"
    dark = os.environ.get("TEND_SCREENSHOT_THEME") == "dark"
    app = make_application()
    apply_theme(app, "dark" if dark else "light")
    clock = ManualClock(datetime(2026, 1, 15, 20, 30).astimezone())
    with tempfile.TemporaryDirectory() as tmp:
        vault = Vault.create(Path(tmp) / "tend.db", "screenshots only")
        BreatheStore(vault).add_pattern("Evening wind-down", Timings(40, 0, 65, 20))
        window = MainWindow(
            {
                "vault": vault,
                "settings": Settings(vault),
                "clock": clock,
                "tasks": ImmediateTaskRunner(),
            }
        )
        window.resize(1100, 720)
        window.show()
        view = window.open_area("breathe")

        def shot(name: str) -> None:
            view._frame()  # draw what the engine says at the clock's time
            for _ in range(3):
                app.processEvents()
            window.grab().toImage().save(str(out / f"breathe-{name}.png"), "PNG", 0)

        view.start()
        clock.advance(2.5)
        shot("inhale-dark" if dark else "inhale")
        view.stop()
        if dark:
            window.close()
            vault.close()
            return 0
        view.start()
        clock.advance(6)
        shot("hold")
        clock.advance(4)
        shot("exhale")
        view.stop()
        view.reduced_motion.setChecked(True)
        view.start()
        clock.advance(9)
        shot("reduced")
        view.stop()
        view.reduced_motion.setChecked(False)
        view.handle_request(flooded=True)
        clock.advance(20 * 60)
        shot("flooded-end")
        view.tabs.setCurrentIndex(2)
        view.editor.list.setCurrentRow(0)
        shot("editor")
        window.close()
        vault.close()
    QApplication.processEvents()
    env = {**os.environ, "TEND_SCREENSHOT_THEME": "dark"}
    return subprocess.run([sys.executable, __file__, str(out)], env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
