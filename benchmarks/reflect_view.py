"""Open the Reflect view on the 100,000-entry vault: time to first paint and peak memory.

    QT_QPA_PLATFORM=offscreen python benchmarks/reflect_view.py [--dir DIR] [--entries N]

Builds (once, cached in its own folder) the vault of benchmarks/reflect.py.
Targets (issue 3): the view open and painted <= 300 ms; peak memory with it open
<= 300 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import reflect as data  # noqa: E402  (benchmarks/reflect.py: builds and caches the vault)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dir", default=os.path.join(tempfile.gettempdir(), "tend-bench-reflect-view")
    )
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    path, mark = folder / "tend.db", folder / data.READY_MARK
    if not mark.exists() or mark.read_text() != str(args.entries):
        data.build(path, args.entries)
        mark.write_text(str(args.entries))

    from PySide6.QtWidgets import QApplication

    from app.clock import Clock
    from app.context import AreaContext
    from app.shell.app import make_application
    from app.shell.theme import apply_theme
    from app.vault import Settings, Vault
    from app.widgets.tasks import ImmediateTaskRunner

    app = make_application()
    apply_theme(app, "light")
    # In the app the unlock dialog has already been painted (fonts, style) by now.
    from PySide6.QtWidgets import QLineEdit

    warm = QLineEdit("warm up")
    warm.show()
    warm.grab()
    vault = Vault.open(path, data.PASSPHRASE)
    context = AreaContext(
        vault, Settings(vault), Clock(), ImmediateTaskRunner(), lambda *a, **k: None
    )
    started = time.perf_counter()
    from app.reflect.ui.view import ReflectView

    view = ReflectView(context)
    view.resize(1100, 720)
    view.show()
    view.grab()  # paints the first screen of rows
    opened = time.perf_counter() - started
    model = view.model
    print(f"entries {model.entry_count:,}; pages read to paint: {model.pages_fetched}")
    print(
        f"open the Reflect view (import, build, count, months, first paint): "
        f"{opened * 1000:.0f} ms  (target <= 300 ms)"
    )

    started = time.perf_counter()
    view.select_entry(model.entry_row(model.row_of_offset(50_000)).id)
    view.grab()
    print(
        f"open the entry in the middle and repaint: {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    started = time.perf_counter()
    view.list.scrollToBottom()
    view.grab()
    print(
        f"scroll to the oldest entry and repaint: {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process with the view open: {peak:.0f} MiB  (target <= 300 MB)")
    view.close()
    vault.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
