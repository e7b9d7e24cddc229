"""The shell as a person meets it: create, unlock, lock, auto-lock, settings, about."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from app.config import Config
from app.shell.session import Session
from app.shell.unlock import CreateDialog, UnlockDialog
from app.vault import DiskFull, Settings, Vault
from app.widgets.tasks import ImmediateTaskRunner
from tests.conftest import PASSPHRASE
from tests.shell.note_area import NOTE_AREA

MARKER = "a-very-private-sentence-4417"


@pytest.fixture
def session(qtbot, paths, clock):
    paths.ensure_data_dir()
    made = Session(
        paths,
        Config(),
        clock=clock,
        tasks=ImmediateTaskRunner(),
        autolock_poll_ms=5,
        areas=[NOTE_AREA],
    )
    yield made
    made.lock()  # wipes and destroys the window, so no text leaks into the next test
    if made.gate is not None:
        made.gate.close()
        made.gate.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def existing_vault(paths):
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()
    return paths.vault


def unlock(qtbot, session, passphrase=PASSPHRASE):
    gate = session.gate
    assert isinstance(gate, UnlockDialog)
    gate.passphrase.clear()
    qtbot.keyClicks(gate.passphrase, passphrase)
    qtbot.keyClick(gate.passphrase, Qt.Key.Key_Return)


def wait_for_window(qtbot, session):
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
    session.window.activateWindow()
    qtbot.waitUntil(session.window.isActiveWindow)  # shortcuts need an active window
    return session.window


def visible_text() -> str:
    """Everything any text widget of the application holds right now."""
    parts = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QLineEdit):
            parts.append(widget.text())
    return "\n".join(parts)


def test_first_run_creates_a_vault_and_opens_the_window(qtbot, session, paths):
    session.start()
    gate = session.gate
    assert isinstance(gate, CreateDialog)
    assert gate.isVisible()
    assert not gate.action.isEnabled()
    assert "no way to recover" in gate.findChild(type(gate.strength), "warning").text()
    qtbot.keyClicks(gate.passphrase, "tea by the window at dusk")
    assert gate.strength.text() in {"Good.", "Strong."}
    qtbot.keyClicks(gate.confirm, "tea by the window at dusk")
    assert gate.action.isEnabled()
    qtbot.mouseClick(gate.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
    assert paths.vault.is_file()
    assert session.window.windowTitle() == "Tend"
    Vault.open(paths.vault, "tea by the window at dusk").close()


def test_create_with_differing_passphrases_creates_nothing(qtbot, session, paths):
    session.start()
    gate = session.gate
    qtbot.keyClicks(gate.passphrase, "one thing")
    qtbot.keyClicks(gate.confirm, "another thing")
    qtbot.mouseClick(gate.action, Qt.MouseButton.LeftButton)
    assert "differ" in gate.error.text()
    assert gate.error.isVisible()
    assert gate.isVisible()
    assert not paths.vault.exists()


def test_wrong_passphrase_keeps_the_dialog_and_the_file(qtbot, session, existing_vault):
    before = hashlib.sha256(existing_vault.read_bytes()).hexdigest()
    session.start()
    unlock(qtbot, session, "not it")
    gate = session.gate
    assert gate.isVisible()
    assert "does not open" in gate.error.text()
    assert session.window is None
    assert hashlib.sha256(existing_vault.read_bytes()).hexdigest() == before
    unlock(qtbot, session)
    qtbot.waitUntil(lambda: session.window is not None)
    assert not gate.isVisible()


def test_sidebar_lists_only_areas_that_exist(qtbot, session, existing_vault):
    session.start()
    unlock(qtbot, session)
    wait_for_window(qtbot, session)
    sidebar = session.window.sidebar
    titles = [sidebar.item(i).text() for i in range(sidebar.count())]
    assert titles == ["Today", "Notes"]
    jot = next(a for a in session.window.toolbar.actions() if a.text() == "Jot")
    jot.trigger()
    assert session.window.current_key() == "note"
    assert session.window.view("note").requests == [{"purpose": "jot"}]
    session.window.sidebar.setCurrentRow(0)
    assert session.window.current_key() == "today"
    qtbot.keyClick(session.window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert session.window.current_key() == "note"


def test_ctrl_l_locks_saves_and_clears_every_text(qtbot, session, existing_vault):
    session.start()
    unlock(qtbot, session)
    wait_for_window(qtbot, session)
    view = session.window.open_area("note", purpose="test")
    assert view.requests == [{"purpose": "test"}]
    qtbot.keyClicks(view.editor, MARKER)
    assert MARKER in visible_text()
    qtbot.keyClick(view.editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(session.gate, UnlockDialog) and session.gate.isVisible())
    assert session.window is None
    assert session.vault is None
    assert MARKER not in visible_text()
    # What was typed was saved on locking, and comes back on unlocking.
    unlock(qtbot, session)
    qtbot.waitUntil(lambda: session.window is not None)
    assert session.window.open_area("note").editor.toPlainText() == MARKER


def test_auto_lock_after_idle_minutes(qtbot, session, existing_vault, clock):
    session.start()
    unlock(qtbot, session)
    wait_for_window(qtbot, session)
    view = session.window.open_area("note")
    qtbot.keyClicks(view.editor, MARKER)
    clock.advance(4 * 60)
    qtbot.keyClick(view.editor, Qt.Key.Key_Space)  # activity restarts the count
    clock.advance(4 * 60)
    session.autolock._check()
    assert session.window is not None
    clock.advance(60)
    qtbot.waitUntil(lambda: session.window is None, timeout=5000)
    assert isinstance(session.gate, UnlockDialog)
    assert MARKER not in visible_text()
    with Vault.open(existing_vault, PASSPHRASE) as vault:
        assert MARKER in Settings(vault).get("note")


def test_settings_change_autolock_theme_and_passphrase(qtbot, session, existing_vault, paths):
    session.start()
    unlock(qtbot, session)
    wait_for_window(qtbot, session)
    session.window.settings_action.trigger()
    from app.shell.settings_dialog import SettingsDialog

    dialog = session.window.findChild(SettingsDialog)
    assert dialog.isVisible()
    assert dialog.autolock.value() == 5
    dialog.autolock.setValue(12)
    assert session.autolock.minutes == 12
    assert Settings(session.vault).get("autolock_minutes") == 12
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert Config.load(paths.config).theme == "dark"
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80

    qtbot.keyClicks(dialog.current, "wrong")
    qtbot.keyClicks(dialog.new, "new words for a new season")
    qtbot.keyClicks(dialog.again, "new words for a new season")
    qtbot.mouseClick(dialog.change, Qt.MouseButton.LeftButton)
    assert "not right" in dialog.message.text()
    dialog.current.clear()
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    qtbot.mouseClick(dialog.change, Qt.MouseButton.LeftButton)
    assert "changed" in dialog.status.text()
    assert dialog.new.text() == ""
    dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 200
    session.window.lock_action.trigger()
    qtbot.waitUntil(lambda: session.window is None)
    unlock(qtbot, session, PASSPHRASE)
    assert "does not open" in session.gate.error.text()
    unlock(qtbot, session, "new words for a new season")
    qtbot.waitUntil(lambda: session.window is not None)
    assert session.autolock.minutes == 12


def test_about_speaks_of_privacy_and_help(qtbot, session, existing_vault):
    session.start()
    unlock(qtbot, session)
    wait_for_window(qtbot, session)
    session.window.about_action.trigger()
    from app.shell.about import AboutDialog

    about = session.window.findChild(AboutDialog)
    text = about.text.toPlainText()
    assert str(existing_vault) in text
    assert "never connects to the internet" in text
    assert "not therapy" in text
    assert "unsafe at home" in text


def test_closing_the_window_saves_and_locks(qtbot, session, existing_vault, paths):
    session.start()
    unlock(qtbot, session)
    wait_for_window(qtbot, session)
    view = session.window.open_area("note")
    qtbot.keyClicks(view.editor, MARKER)
    vault = session.vault
    session.window.close()
    assert not vault.is_open
    assert Config.load(paths.config).window_geometry
    with Vault.open(existing_vault, PASSPHRASE) as reopened:
        assert Settings(reopened).get("note") == MARKER


def test_ctrl_l_locks_even_from_a_modal_dialog(qtbot, session, existing_vault):
    session.start()
    unlock(qtbot, session)
    wait_for_window(qtbot, session)
    session.window.settings_action.trigger()
    from app.shell.settings_dialog import SettingsDialog

    dialog = session.window.findChild(SettingsDialog)
    assert dialog.isModal()
    qtbot.keyClick(dialog.autolock, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: session.window is None)
    assert isinstance(session.gate, UnlockDialog)


def test_when_saving_fails_ctrl_l_asks_and_auto_lock_still_locks(
    qtbot, session, existing_vault, clock, monkeypatch
):
    session.start()
    unlock(qtbot, session)
    view = session.window.open_area("note")
    qtbot.keyClicks(view.editor, MARKER)

    def failing_flush() -> None:
        raise DiskFull()

    view.flush = failing_flush
    asked: list[str] = []
    monkeypatch.setattr(session, "confirm_lossy_lock", lambda reason: asked.append(reason))
    session.lock()  # the person declines to lose words: nothing is locked or wiped
    assert "disk is full" in asked[0]
    assert session.window is not None
    assert view.editor.toPlainText() == MARKER

    vault = session.vault
    clock.advance(5 * 60)
    qtbot.waitUntil(lambda: session.window is None)  # auto-lock cannot ask: it locks
    assert not vault.is_open
    assert MARKER not in visible_text()
    assert "could not be saved" in session.gate.error.text()
    assert "disk is full" in session.gate.error.text()


def test_every_area_named_in_the_registry_loads(qapp):
    """warm_up imports what each AreaSpec names; a wrong path would fail here, not at unlock."""
    import sys

    from app.shell.areas import AREAS
    from app.shell.session import warm_up

    warm_up(AREAS)
    for spec in AREAS:
        assert spec.view.partition(":")[0] in sys.modules
        assert callable(spec.load_view())
