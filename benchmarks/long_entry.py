"""Open the largest entry Tend keeps (MAX_BODY_CHARS) in the Reflect editor, then edit
and save it: the window must keep answering.

    QT_QPA_PLATFORM=offscreen python benchmarks/long_entry.py

Target (issue 14): opening, and an edit plus its save, each <= 500 ms; peak memory
<= 300 MB. A 50 MB entry once froze the window for 30-50 s at 2.9 GB, hence the limit.
The text is in paragraphs of 700 characters; one single 2-million-character paragraph
(ONE_LINE=1) is the worst case: measured 1.2 s to open and 0.7 s per edit on 2 shared cores.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.clock import ManualClock
from app.context import AreaContext
from app.paths import Paths
from app.reflect.model import MAX_BODY_CHARS, Entry
from app.reflect.store import ReflectStore
from app.shell.app import make_application
from app.vault import Settings, Vault
from app.widgets.tasks import ImmediateTaskRunner

LINE = "We talked for a long time tonight, and I listened more than I spoke. "


def main() -> int:
    app = make_application()
    paths = Paths(Path(tempfile.mkdtemp(prefix="tend-bench-")))
    paths.ensure_data_dir()
    vault = Vault.create(paths.vault, "a benchmark passphrase of some length")
    clock = ManualClock()
    text = (LINE * (MAX_BODY_CHARS // len(LINE) + 1))[:MAX_BODY_CHARS]
    if os.environ.get("ONE_LINE"):
        body = text
    else:
        body = "\n".join(text[i : i + 700] for i in range(0, len(text), 701))
    entry = ReflectStore(vault, clock).create(Entry(date(2026, 1, 10), body=body))

    from app.reflect.ui.view import ReflectView

    context = AreaContext(
        vault=vault,
        settings=Settings(vault),
        clock=clock,
        tasks=ImmediateTaskRunner(),
        open_area=lambda key, **request: None,
    )
    view = ReflectView(context)
    view.resize(1100, 700)
    view.show()
    app.processEvents()
    start = time.perf_counter()
    view.select_entry(entry.id)
    app.processEvents()
    opened = time.perf_counter() - start
    start = time.perf_counter()
    view.editor.body.insertPlainText("x")
    view.editor.save()
    app.processEvents()
    saved = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(body):,} characters: opened in {opened * 1000:.0f} ms (target <= 500), ")
    print(f"edited and saved in {saved * 1000:.0f} ms (target <= 500); peak {peak:.0f} MB")
    vault.close()
    return 0 if opened <= 0.5 and saved <= 0.5 and peak <= 300 else 1


if __name__ == "__main__":
    sys.exit(main())
