"""Render the Keep safe dialogs offscreen, light and dark:
packaging/screenshots/safekeeping-{backup,restore,export-warning}[-dark].png

QT_QPA_PLATFORM=offscreen python packaging/safekeeping_screenshots.py [OUT_DIR]

Each theme renders in its own process (a theme is set at start, as the app does); this
one starts a second run of itself for the dark shots.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.paths import Paths  # noqa: E402
from app.shell.app import make_application  # noqa: E402
from app.shell.backup_dialogs import ExportDialog, JobProgress, RestoreDialog  # noqa: E402
from app.shell.theme import apply_theme  # noqa: E402
from app.vault import Vault  # noqa: E402
from app.vault.backup import backup_into_folder, backup_name  # noqa: E402
from app.widgets.tasks import TaskRunner  # noqa: E402


class _Parked(TaskRunner):
    """Holds the job instead of running it, so the progress dialog stays on screen."""

    def __init__(self) -> None:
        pass

    def run(self, job, on_done, on_error) -> None:
        self.job = job


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "packaging" / "screenshots"
    dark = os.environ.get("TEND_SCREENSHOT_THEME") == "dark"
    tail = "-dark" if dark else ""
    app = make_application()
    apply_theme(app, "dark" if dark else "light")

    def shot(widget, name: str) -> None:
        widget.show()
        widget.adjustSize()
        for _ in range(3):
            app.processEvents()
        widget.grab().toImage().save(str(out / f"safekeeping-{name}{tail}.png"), "PNG", 0)
        widget.close()

    with tempfile.TemporaryDirectory() as tmp:
        paths = Paths(Path(tmp) / "data")
        paths.ensure_data_dir()
        vault = Vault.create(paths.vault, "screenshots only")
        start = datetime(2026, 1, 15, 8, 40)
        for day in range(4):
            backup_into_folder(vault, paths, start - timedelta(days=day, minutes=7 * day), 10)
        backup_name(paths.backups, start + timedelta(hours=3), before_restore=True).write_bytes(
            paths.vault.read_bytes()
        )

        progress = JobProgress(
            None,
            _Parked(),
            "Back up now",
            "Making an encrypted backup of your vault…",
            lambda progress, cancel: None,
            lambda _: None,
            lambda _: None,
        )
        progress.setValue(42)
        shot(progress, "backup")

        restore = RestoreDialog(paths, _Parked())
        restore.backups.setCurrentRow(1)
        shot(restore, "restore")

        shot(ExportDialog(), "export-warning")
        vault.close()
    if not dark:
        env = {**os.environ, "TEND_SCREENSHOT_THEME": "dark"}
        return subprocess.run([sys.executable, __file__, str(out)], env=env, check=False).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
