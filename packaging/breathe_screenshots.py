"""Render the Breathe screenshots offscreen: packaging/screenshots/breathe-*.png.

QT_QPA_PLATFORM=offscreen python packaging/breathe_screenshots.py [OUT_DIR]

Every shot is taken at 900x600 (the smallest window Tend promises to fit) in the light
theme and again in the dark one (named ...-dark.png); a few also at 1100x720. Each
theme renders in its own process (a theme set at start, as the app does): this one
starts a second run of itself for the dark shots. It prints the window's size and the
guide's place for each shot, so a window that grew or a guide that moved shows at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.breathe.model import Timings, flooded_guide  # noqa: E402
from app.breathe.store import BreatheStore  # noqa: E402
from app.clock import ManualClock  # noqa: E402
from app.context import AreaContext  # noqa: E402
from app.shell.app import make_application  # noqa: E402
from app.shell.theme import apply_theme  # noqa: E402
from app.shell.window import MainWindow  # noqa: E402
from app.vault import Settings, Vault  # noqa: E402
from app.widgets.tasks import ImmediateTaskRunner  # noqa: E402

SIZES = ((900, 600), (1100, 720))


def scenes(window: MainWindow, view: Any, clock: ManualClock) -> list[tuple[str, Callable]]:
    """(name, set-up) in order; each set-up leaves the window as its shot shows it."""

    def ready() -> None:
        view.setup.show_choice("4-7-8", "1")
        view._show_preview()

    def inhale() -> None:
        view.start()
        clock.advance(2.5)

    def hold() -> None:
        clock.advance(3.5 + 2)  # two seconds into the 4-7-8 hold

    def exhale() -> None:
        clock.advance(5 + 4)

    def paused() -> None:
        view.pause()

    def finished() -> None:
        view.resume()
        clock.advance(60)

    def reduced() -> None:
        view.show_choices()
        view.setup.reduced_motion.setChecked(True)
        view.start()
        clock.advance(9)

    def flooded_elsewhere() -> None:
        view.stop()
        view.setup.reduced_motion.setChecked(False)
        window.open_area("breathe", flooded=True)
        clock.advance(2 * 60 + 20)
        window.sidebar.setCurrentRow(0)  # Today
        view.indicator.refresh()  # its once-a-second tick, at the clock's time

    def flooded_running() -> None:
        window.open_area("breathe", flooded=True)  # the toolbar's action: back to it

    def flooded_early() -> None:
        view.stop()

    def flooded_end() -> None:
        view.handle_request(flooded=True)
        clock.advance(flooded_guide().minutes * 60)

    def editor() -> None:
        view.show_choices()
        view.tabs.setCurrentIndex(2)
        view.editor.list.setCurrentRow(0)

    return [
        ("ready", ready),
        ("inhale", inhale),
        ("hold", hold),
        ("exhale", exhale),
        ("paused", paused),
        ("finished", finished),
        ("reduced", reduced),
        ("flooded-elsewhere", flooded_elsewhere),
        ("flooded-running", flooded_running),
        ("flooded-early", flooded_early),
        ("flooded-end", flooded_end),
        ("editor", editor),
    ]


def render(out: Path, theme: str, size: tuple[int, int], only: set[str] | None) -> None:
    app = QApplication.instance()
    clock = ManualClock(datetime(2026, 1, 15, 20, 30).astimezone())
    with tempfile.TemporaryDirectory() as tmp:
        vault = Vault.create(Path(tmp) / "tend.db", "screenshots only")
        BreatheStore(vault).add_pattern("Evening wind-down", Timings(40, 0, 65, 20))
        windows: list[MainWindow] = []
        context = AreaContext(
            vault=vault,
            settings=Settings(vault),
            clock=clock,
            tasks=ImmediateTaskRunner(),
            open_area=lambda key, **request: windows[0].open_area(key, **request),
        )
        window = MainWindow(context)
        windows.append(window)
        window.resize(*size)
        window.show()
        view = window.open_area("breathe")
        for name, set_up in scenes(window, view, clock):
            set_up()
            if view.active and view.isVisible():
                view.stage.frame()  # draw what the engine says at the clock's time
            for _ in range(3):
                app.processEvents()
            if only is not None and name not in only:
                continue
            guide = view.stage.guide.geometry()
            suffix = "" if size == SIZES[0] else f"-{size[0]}x{size[1]}"
            path = out / f"breathe-{name}{suffix}{'-dark' if theme == 'dark' else ''}.png"
            window.grab().save(str(path), "PNG")
            print(
                f"{path.name}: window {window.width()}x{window.height()}, "
                f"guide {guide.width()}x{guide.height()} at {guide.x()},{guide.y()}"
            )
        window.close_quietly()
        vault.close()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "packaging" / "screenshots"
    theme = os.environ.get("TEND_SCREENSHOT_THEME", "light")
    app = make_application()
    apply_theme(app, theme)
    render(out, theme, SIZES[0], None)
    render(out, theme, SIZES[1], {"inhale", "flooded-end"})
    if theme == "light":
        env = {**os.environ, "TEND_SCREENSHOT_THEME": "dark"}
        return subprocess.run([sys.executable, __file__, str(out)], env=env, check=False).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
