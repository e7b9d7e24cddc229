"""Render the Summaries screenshots offscreen: packaging/screenshots/summary-*.png.

QT_QPA_PLATFORM=offscreen python packaging/summary_screenshots.py [OUT_DIR]

Each theme renders in its own process (a theme set at start, as the app does); this one
starts a second run of itself for the dark shots. The data is made up (tests/summary/seed.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.clock import ManualClock  # noqa: E402
from app.shell.app import make_application  # noqa: E402
from app.shell.theme import apply_theme  # noqa: E402
from app.shell.window import MainWindow  # noqa: E402
from app.vault import Settings, Vault  # noqa: E402
from app.widgets.tasks import ImmediateTaskRunner  # noqa: E402
from tests.summary.seed import seed  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "packaging" / "screenshots"
    dark = os.environ.get("TEND_SCREENSHOT_THEME") == "dark"
    app = make_application()
    apply_theme(app, "dark" if dark else "light")
    clock = ManualClock(datetime(2026, 3, 24, 20, 30).astimezone())
    with tempfile.TemporaryDirectory() as tmp:
        vault = Vault.create(Path(tmp) / "tend.db", "screenshots only")
        seed(vault, date(2026, 2, 20), 32)
        window = MainWindow(
            {
                "vault": vault,
                "settings": Settings(vault),
                "clock": clock,
                "tasks": ImmediateTaskRunner(),
            }
        )
        for width, height in ((1100, 720), (900, 600)):
            window.resize(width, height)
            window.show()
            window.open_area("summary")
            for _ in range(3):
                app.processEvents()
            theme = "dark" if dark else "light"
            window.grab().save(str(out / f"summary-{width}x{height}-{theme}.png"), "PNG")
            print(f"{width}x{height} {theme}: window {window.width()}x{window.height()}")
        window.close()
        vault.close()
    if not dark:
        env = {**os.environ, "TEND_SCREENSHOT_THEME": "dark"}
        return subprocess.run([sys.executable, __file__, str(out)], env=env, check=False).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
