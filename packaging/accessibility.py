"""Look at Tend as a screen reader hears it, and at any display scale.

Run from the project root, with the sample year from app.demo in a temporary vault:

    python packaging/accessibility.py tree OUT.txt
        writes what Qt's accessibility layer exposes for every screen (role, name,
        description, and whether Tab reaches it), indented as the tree nests, so a
        person can read it top to bottom as a screen reader would announce it;
    QT_SCALE_FACTOR=2 python packaging/accessibility.py shots DIR
        saves a screenshot of every screen into DIR (run it once per scale;
        TEND_THEME=dark for the dark scheme).

Under Xvfb (``Xvfb :66 -screen 0 2732x1536x24 & openbox &``, then DISPLAY=:66) the
window is real; without a display it uses Qt's offscreen platform. Not part of the
test suite: tests/test_accessibility.py checks the rules, this shows the result.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

from app.clock import ManualClock
from app.context import AreaContext
from app.demo import fill
from app.shell.areas import AREAS
from app.shell.theme import apply_theme
from app.shell.window import MainWindow
from app.vault import Settings, Vault
from app.widgets.tasks import ImmediateTaskRunner

TODAY = date(2026, 12, 1)
PASSPHRASE = "accessibility look passphrase"


def build_window(folder: Path) -> MainWindow:
    vault = Vault.create(folder / "tend.db", PASSPHRASE)
    fill(vault, TODAY)
    clock = ManualClock(datetime.combine(TODAY, time(20, 0)).astimezone())
    context = AreaContext(
        vault=vault,
        settings=Settings(vault),
        clock=clock,
        tasks=ImmediateTaskRunner(),
        open_area=lambda *_args, **_request: None,
    )
    return MainWindow(context)


def _today(window: MainWindow) -> QWidget:
    window.sidebar.setCurrentRow(0)
    return window.today


def _tab(key: str, index: int) -> Callable[[MainWindow], QWidget]:
    def show(window: MainWindow) -> QWidget:
        view = window.open_area(key)
        view.tabs.setCurrentIndex(index)
        return view

    return show


def _exercise(key: str) -> Callable[[MainWindow], QWidget]:
    def show(window: MainWindow) -> QWidget:
        view = window.open_area("practice")
        view.open_exercise(key)
        return view

    return show


def _reflect_entry(window: MainWindow) -> QWidget:
    view = window.open_area("reflect")
    view.list.setCurrentIndex(view.model.index(1))
    return view


def screens() -> dict[str, Callable[[MainWindow], QWidget]]:
    from app.practice.model import ExerciseKind

    made: dict[str, Callable[[MainWindow], QWidget]] = {
        "today": _today,
    }
    for spec in AREAS:
        made[spec.key] = lambda window, key=spec.key: window.open_area(key)
    made["reflect-entry"] = _reflect_entry
    for kind in ExerciseKind:
        made[f"practice-{kind.value}"] = _exercise(kind.value)
    made["practice-history"] = _exercise("history")
    for index, title in enumerate(("history", "patterns"), start=1):
        made[f"breathe-{title}"] = _tab("breathe", index)
    for index, title in enumerate(("trends", "setbacks", "goals"), start=1):
        made[f"progress-{title}"] = _tab("progress", index)
    return made


# -- the tree ------------------------------------------------------------------------


def describe(interface: QAccessible, depth: int, lines: list[str]) -> None:
    state = interface.state()
    if state.invisible:
        return
    role = interface.role().name
    name = interface.text(QAccessible.Text.Name)
    description = interface.text(QAccessible.Text.Description)
    value = interface.text(QAccessible.Text.Value)
    parts = [f"{'  ' * depth}{role}", repr(name)]
    if description:
        parts.append(f"desc={description!r}")
    if value and value != name:
        parts.append(f"value={value[:60]!r}")
    if state.focusable:
        parts.append("[tab]")
    lines.append(" ".join(parts))
    # Long lists and tables: the first rows tell enough.
    shown = min(interface.childCount(), 12)
    for index in range(shown):
        child = interface.child(index)
        if child is not None and child.isValid():
            describe(child, depth + 1, lines)
    if interface.childCount() > shown:
        lines.append(f"{'  ' * (depth + 1)}… {interface.childCount() - shown} more")


def write_tree(window: MainWindow, out: Path) -> None:
    lines: list[str] = []
    for screen, show in screens().items():
        root = show(window)
        QApplication.processEvents()
        lines.append(f"===== {screen}")
        describe(QAccessible.queryAccessibleInterface(root), 0, lines)
        lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(lines)} lines in {out}")


# -- the screenshots -----------------------------------------------------------------


def settle() -> None:
    """Let posted layout requests and deferred fills run, as a person's eye would wait."""
    for _ in range(5):
        QApplication.processEvents()
        QApplication.sendPostedEvents()


def dialogs(window: MainWindow, folder: Path) -> dict[str, QWidget]:
    from app.paths import Paths
    from app.shell.about import AboutDialog
    from app.shell.first_run import FirstRunDialog
    from app.shell.settings_dialog import SettingsDialog
    from app.shell.unlock import CreateDialog, UnlockDialog

    context = window.context
    return {
        "dialog-settings": SettingsDialog(
            context.vault, context.settings, "light", lambda _: None, lambda _: None
        ),
        "dialog-about": AboutDialog(Paths(folder), introduce=lambda: None),
        "dialog-unlock": UnlockDialog(folder / "tend.db"),
        "dialog-create": CreateDialog(folder / "new.db"),
        "dialog-first-run": FirstRunDialog(lambda *_args, **_request: None),
    }


def save_shots(window: MainWindow, folder: Path, data: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for screen, show in screens().items():
        show(window)
        settle()
        window.grab().save(str(folder / f"{screen}.png"))
        print(folder / f"{screen}.png")
    for screen, dialog in dialogs(window, data).items():
        dialog.show()
        settle()
        dialog.grab().save(str(folder / f"{screen}.png"))
        dialog.close()
        print(folder / f"{screen}.png")


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] not in ("tree", "shots"):
        raise SystemExit(__doc__)
    app = QApplication(sys.argv[:1])
    apply_theme(app, os.environ.get("TEND_THEME", "light"))  # as the app looks to a person
    with tempfile.TemporaryDirectory() as folder:
        window = build_window(Path(folder))
        window.show()
        app.processEvents()
        if sys.argv[1] == "tree":
            write_tree(window, Path(sys.argv[2]))
        else:
            save_shots(window, Path(sys.argv[2]), Path(folder))
        window.close_quietly()
        window.context.vault.close()


if __name__ == "__main__":
    main()
