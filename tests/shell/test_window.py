"""The main window: it fits small screens, keeps its keys, and shows focus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication

from app import resources
from app.config import Config
from app.reflect.model import Entry, Kind
from app.reflect.store import ReflectStore
from app.shell.areas import AREAS
from app.shell.session import Session
from app.shell.theme import palette_for
from app.vault import Vault
from app.widgets.tasks import ImmediateTaskRunner
from tests.conftest import PASSPHRASE
from tests.shell.test_session import unlock, wait_for_window


def themed_window(qtbot, context, size: tuple[int, int], scheme: str = "light"):
    from app.shell.window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.setStyleSheet(resources.read_text("styles/tend.qss"))
    window.setPalette(palette_for(scheme))
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def a_little_of_everything(vault, clock) -> None:
    store = ReflectStore(vault, clock)
    today = clock.today()
    for kind in Kind:
        store.create(
            Entry(
                entry_date=today,
                kind=kind,
                title=f"A {kind.value} with a title long enough to need some room on screen",
                body="Some words about the day.\n" * 20,
                mood=3,
                feelings=("hopeful", "tired", "grateful", "anxious"),
                tags=("home", "work", "evenings"),
            )
        )


@pytest.mark.parametrize("size", [(900, 600), (1366, 720)], ids=["900x600", "laptop"])
def test_every_area_fits_a_small_window_without_growing_it(qtbot, context, vault, clock, size):
    a_little_of_everything(vault, clock)
    window = themed_window(qtbot, context, size)
    for spec in AREAS:
        view = window.open_area(spec.key)
        if spec.key == "reflect":
            view.select_entry(1)
            view.filter_button.setChecked(True)  # the widest state of the list side
        QApplication.processEvents()
        assert (window.width(), window.height()) == size, spec.key
        hint = window.minimumSizeHint()
        assert hint.width() <= size[0], (spec.key, hint)
        assert hint.height() <= size[1], (spec.key, hint)
        # The view gives way itself: the scroll area around it is a last resort only.
        page = window.stack.currentWidget()
        assert view.minimumSizeHint().width() <= page.viewport().width(), spec.key


# -- the keys in the README's table, each pressed ------------------------------------


def readme_keys() -> dict[str, str]:
    """The README's keyboard table: keys column -> action column."""
    text = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = text.split("## Keyboard", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] not in ("keys", "---"):
            rows[cells[0]] = cells[1]
    return rows


@pytest.fixture
def existing_vault(paths):
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()
    return paths.vault


@pytest.fixture
def real_session(qtbot, paths, clock):
    paths.ensure_data_dir()
    made = Session(paths, Config(), clock=clock, tasks=ImmediateTaskRunner(), autolock_poll_ms=5)
    yield made
    if made.window is not None:
        made.lock()
    if made.gate is not None:
        made.gate.close()
        made.gate.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def opened(qtbot, session):
    session.start()
    unlock(qtbot, session)
    return wait_for_window(qtbot, session)


def press(qtbot, window, keys: str) -> None:
    sequence = QKeySequence(keys)
    combo = sequence[0]
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def test_every_key_in_the_readme_does_what_the_table_says(
    qtbot, real_session, existing_vault, monkeypatch
):
    from app.shell.about import AboutDialog
    from app.shell.settings_dialog import SettingsDialog

    monkeypatch.setattr(QApplication, "quit", lambda: None)  # Ctrl+Q must not end the run
    window = opened(qtbot, real_session)
    table = readme_keys()
    checked = set()

    def close_dialog(kind):
        dialog = window.findChild(kind)
        qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
        dialog.close()
        dialog.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)

    # Ctrl+1, Ctrl+2, ...: Today, then each area in order.
    for row in range(window.sidebar.count()):
        press(qtbot, window, f"Ctrl+{row + 1}")
        assert window.sidebar.currentRow() == row
    checked.add("Ctrl+1, Ctrl+2, …")

    press(qtbot, window, "Ctrl+,")
    close_dialog(SettingsDialog)
    checked.add("Ctrl+,")
    press(qtbot, window, "F1")
    close_dialog(AboutDialog)
    checked.add("F1")

    reflect = window.open_area("reflect")
    reflect.list.setFocus()
    press(qtbot, window, "Ctrl+N")
    assert reflect.right_stack.currentWidget() is reflect.editor
    assert reflect.editor.body.hasFocus()
    press(qtbot, window, "Ctrl+F")
    assert reflect.search_field.hasFocus()
    checked.add("Ctrl+N / Ctrl+F")

    practice = window.open_area("practice")
    practice.setFocus()
    press(qtbot, window, "Ctrl+S")
    assert practice.status.text()
    checked.add("Ctrl+S")

    breathe = window.open_area("breathe")
    breathe.setFocus()
    press(qtbot, window, "Space")
    assert breathe.active
    press(qtbot, window, "Esc")
    qtbot.waitUntil(lambda: not breathe.stage.running)
    checked.add("Space / Esc")

    window.open_area("reflect")
    press(qtbot, window, "Ctrl+Shift+B")
    assert window.current_key() == "breathe"
    assert breathe.flooded
    breathe.stop()
    checked.add("Ctrl+Shift+B")

    press(qtbot, window, "Ctrl+L")
    qtbot.waitUntil(lambda: real_session.window is None)
    checked.add("Ctrl+L")

    window = (unlock(qtbot, real_session), wait_for_window(qtbot, real_session))[1]
    press(qtbot, window, "Ctrl+Q")
    qtbot.waitUntil(lambda: real_session.window is None)
    assert real_session.vault is None  # saved, closed: quitting is closing
    checked.add("Ctrl+Q")

    assert checked == set(table), "the README's table and the keys pressed here differ"


def test_the_window_comes_back_to_its_area_and_size(qtbot, real_session, existing_vault, paths):
    window = opened(qtbot, real_session)
    window.open_area("progress")
    window.resize(720, 520)  # the offscreen screen is 800 x 600
    real_session.lock()
    saved = Config.load(paths.config)
    assert saved.last_area == "progress"
    window = (unlock(qtbot, real_session), wait_for_window(qtbot, real_session))[1]
    assert window.current_key() == "progress"
    assert (window.width(), window.height()) == (720, 520)


def test_a_window_left_on_a_vanished_screen_comes_back(qtbot, context):
    from app.shell.window import MainWindow, on_a_screen

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.move(9000, 7000)  # where a second monitor used to be
    on_a_screen(window)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.contains(window.frameGeometry().topLeft())
    window.move(screen.topLeft() + QPoint(20, 20))
    on_a_screen(window)  # a window already on a screen stays put
    assert window.pos() == screen.topLeft() + QPoint(20, 20)


def test_the_top_bar_buttons_and_the_sidebar_show_where_focus_is(qtbot, context):
    window = themed_window(qtbot, context, (900, 600))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    button = window.toolbar.widgetForAction(window.settings_action)
    window.sidebar.setFocus()
    QApplication.processEvents()
    sidebar_focused = window.sidebar.grab().toImage()
    without = button.grab().toImage()
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    assert button.grab().toImage() != without  # a ring is drawn
    assert window.sidebar.grab().toImage() != sidebar_focused  # and the sidebar's goes
