"""Render the Reflect screenshots offscreen: packaging/screenshots/reflect-*.png.

QT_QPA_PLATFORM=offscreen python packaging/reflect_screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.clock import ManualClock  # noqa: E402
from app.reflect.model import Entry, Kind, Setback, SetbackPattern  # noqa: E402
from app.reflect.store import ReflectStore  # noqa: E402
from app.shell.app import make_application  # noqa: E402
from app.shell.theme import apply_theme  # noqa: E402
from app.shell.window import MainWindow  # noqa: E402
from app.vault import Settings, Vault  # noqa: E402
from app.widgets.tasks import ImmediateTaskRunner  # noqa: E402

SAMPLES = [
    Entry(
        date(2026, 1, 14),
        Kind.CHECK_IN,
        "",
        "## How am I, really?\n\nTired but lighter. "
        "We laughed at dinner for the first time this week.",
        4,
        4,
        ("relieved",),
        ("home",),
        True,
    ),
    Entry(
        date(2026, 1, 12),
        Kind.SETBACK,
        "The Sunday argument",
        "I raised my voice again.",
        2,
        2,
        ("frustrated", "ashamed"),
        ("conflict", "weekend"),
        setback=Setback(
            SetbackPattern.DEFENSIVENESS,
            "We argued about the weekend plans and I raised my voice when she mentioned my mother.",
            "I get defensive when I feel blamed for things I cannot change.",
            "Ask for twenty minutes, breathe, and come back to it.",
            date(2026, 1, 13),
            "We talked over tea the next evening.",
        ),
    ),
    Entry(
        date(2026, 1, 10),
        Kind.GRATITUDE,
        "",
        "She left a note on the kettle this morning. "
        "Small things like that carry me through the day.",
        5,
        5,
        (),
        ("gratitude",),
    ),
    Entry(
        date(2026, 1, 6),
        Kind.REFLECTION,
        "What I want the new year to feel like",
        "More evenings without phones. Less keeping score.",
        3,
        3,
        (),
        ("plans",),
    ),
    Entry(
        date(2025, 12, 28),
        Kind.SHARED_MOMENT,
        "Walking by the sea",
        "Cold wind, warm hands. We walked to the lighthouse and back without needing to talk.",
        5,
        5,
        (),
        ("holiday",),
        True,
    ),
    Entry(
        date(2025, 12, 20),
        Kind.BOUNDARY,
        "",
        "I need a quiet hour after work before we talk about money.",
        3,
        3,
        (),
        ("money", "work"),
    ),
    Entry(
        date(2025, 12, 15),
        Kind.UNSENT_LETTER,
        "",
        "Dear you,\n\nI am still hurt about the wedding, and I want to let it go.",
    ),
]


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "packaging" / "screenshots"
    app = make_application()
    apply_theme(app, "light")
    clock = ManualClock(datetime(2026, 1, 15, 20, 30).astimezone())
    with tempfile.TemporaryDirectory() as tmp:
        vault = Vault.create(Path(tmp) / "tend.db", "screenshots only")
        ReflectStore(vault, clock).create_many(SAMPLES)
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
        view = window.open_area("reflect")
        app.processEvents()

        def shot(name: str) -> None:
            for _ in range(3):
                app.processEvents()
            image = window.grab().toImage()
            image.save(str(out / f"reflect-{name}.png"), "PNG", 0)

        view.select_entry(view.model.entry_row(view.model.row_of_offset(3)).id)
        shot("list")
        view.start_from_set("daily-check-in")
        shot("template")
        view.select_entry(view.model.entry_row(view.model.row_of_offset(1)).id)
        view.editor.body.setFocus()
        shot("setback")
        view.search_field.setText("walk* OR hurt")
        view.run_search()
        view.filter_button.setChecked(True)
        shot("search")
        window.close()
        vault.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
