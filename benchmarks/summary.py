"""Summaries: a year of daily entries to PDF, and a month's preview.

    python benchmarks/summary.py

Targets (issue 13): `tend summary` for a year of daily entries with every section on and
every entry ticked (--include-private), whole process, <= 3 s; a month's preview built
(read through the ports, the summary made, laid out and painted onto a printer's pages)
<= 1 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.vault import Vault  # noqa: E402
from tests.summary.seed import seed  # noqa: E402

PASSPHRASE = "benchmark passphrase, not a secret"
FIRST, LAST = date(2025, 12, 1), date(2026, 11, 30)


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        vault = Vault.create(data / "tend.db", PASSPHRASE)
        seed(vault, FIRST, (LAST - FIRST).days + 1)
        out = Path(tmp) / "year.pdf"
        env = {**os.environ, "TEND_PASSPHRASE": PASSPHRASE}
        command = [
            sys.executable, "-m", "app", "summary", "--data-dir", str(data),
            "--from", FIRST.isoformat(), "--to", LAST.isoformat(), "--output", str(out),
            "--include-private", "--force",
        ]  # fmt: skip

        def whole_process() -> None:
            subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)

        year = best_of(3, whole_process)
        pages = _pages(out)
        print(f"tend summary, a year ({pages} pages, {out.stat().st_size // 1024} KiB): "
              f"{year * 1000:.0f} ms (target <= 3000)")  # fmt: skip
        month = best_of(5, lambda: _preview_month(vault))
        print(f"a month's preview built and painted: {month * 1000:.0f} ms (target <= 1000)")
        vault.close()
    return 0


def _preview_month(vault) -> None:
    """What the view does on Print preview: read, build, then a preview widget paints."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

    from app.activity import DayRange
    from app.summary.gather import gather
    from app.summary.model import build, everything_chosen
    from app.summary.ui.render import page_layout, paint_summary

    source = gather(vault, DayRange(date(2026, 11, 1), LAST))
    summary = build(source, everything_chosen(source), LAST)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout("a4"))
    preview = QPrintPreviewWidget(printer)
    preview.paintRequested.connect(lambda target: paint_summary(summary, target))
    preview.updatePreview()  # lays out and paints every page before it returns
    assert preview.pageCount() >= 1
    preview.deleteLater()


def _pages(path: Path) -> int:
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(path))
    return doc.pageCount()


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    _APP = QApplication(sys.argv[:1])
    sys.exit(main())
