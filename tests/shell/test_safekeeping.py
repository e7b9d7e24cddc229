"""Keep safe from the window: the daily backup, back up now, restore, export, import."""

from __future__ import annotations

import hashlib
import json
import stat

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressDialog

from app.config import Config
from app.exchange.bundle import entries_oldest_first
from app.shell.backup_dialogs import ExportDialog, ImportDialog, RestoreDialog
from app.shell.session import Session
from app.shell.settings_dialog import SettingsDialog
from app.vault import Settings, Vault
from app.vault.backup import BACKUPS_KEPT, list_backups, verify
from app.widgets.tasks import ImmediateTaskRunner
from tests.conftest import PASSPHRASE
from tests.exchange.fixtures import jrnl_export
from tests.shell.note_area import NOTE_AREA


@pytest.fixture
def session(qtbot, paths, clock):
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()
    made = Session(paths, Config(), clock=clock, tasks=ImmediateTaskRunner(), areas=[NOTE_AREA])
    yield made
    made.lock()
    if made.gate is not None:
        made.gate.close()
        made.gate.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def unlock(qtbot, session, passphrase=PASSPHRASE):
    gate = session.gate
    gate.passphrase.clear()
    qtbot.keyClicks(gate.passphrase, passphrase)
    qtbot.keyClick(gate.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
    return session.window


def messages(window) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_unlocking_makes_one_backup_a_day(qtbot, session, paths, clock):
    session.start()
    unlock(qtbot, session)
    (first,) = list_backups(paths.backups)
    assert verify(first.path, PASSPHRASE) > 0
    session.lock()
    unlock(qtbot, session)
    assert len(list_backups(paths.backups)) == 1  # at most once a day
    session.lock()
    clock.advance(24 * 3600)
    unlock(qtbot, session)
    assert len(list_backups(paths.backups)) == 2


def test_the_keep_safe_menu_sits_in_the_toolbar(qtbot, session):
    session.start()
    window = unlock(qtbot, session)
    assert window.keep_safe_action in window.toolbar.actions()
    labels = [a.text() for a in window.keep_safe_menu.actions() if not a.isSeparator()]
    assert labels == [
        "&Back up now…",
        "&Restore from a backup…",
        "&Export as plain text…",
        "&Import a journal…",
    ]


def test_back_up_now_to_a_chosen_file(qtbot, session, tmp_path):
    session.start()
    window = unlock(qtbot, session)
    target = tmp_path / "usb" / "tend.tendbackup"
    target.parent.mkdir()
    session.safekeeping.back_up_now(target)
    assert verify(target, PASSPHRASE) > 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    assert any("passphrase your vault has today" in text for text in messages(window))


def test_restore_checks_first_then_swaps_and_asks_to_unlock(qtbot, session, paths):
    session.start()
    window = unlock(qtbot, session)
    note = window.open_area("note")
    note.editor.setPlainText("the words of the first day")
    window.flush_all()
    target = paths.data_dir / "today.tendbackup"
    session.safekeeping.back_up_now(target)
    note.editor.setPlainText("the words of later")
    window.flush_all()

    dialog = session.safekeeping.restore()
    assert isinstance(dialog, RestoreDialog)
    dialog.choose_file(target)
    before = hashlib.sha256(paths.vault.read_bytes()).hexdigest()
    qtbot.keyClicks(dialog.passphrase, "not the one")
    qtbot.mouseClick(dialog.restore, Qt.MouseButton.LeftButton)
    assert "does not open this backup" in dialog.error.text()
    assert dialog.isVisible()
    assert session.window is window  # nothing replaced, still unlocked
    assert hashlib.sha256(paths.vault.read_bytes()).hexdigest() == before

    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.window is None and session.gate is not None)
    assert "restored from the backup" in session.gate.error.text()
    kept = [b for b in list_backups(paths.backups) if b.before_restore]
    assert len(kept) == 1
    window = unlock(qtbot, session)
    assert window.open_area("note").editor.toPlainText() == "the words of the first day"
    with Vault.open(kept[0].path, PASSPHRASE, read_only=True) as previous:
        assert Settings(previous).get("note") == "the words of later"


def test_restore_dialog_lists_backups_newest_first(qtbot, session, paths, clock):
    session.start()
    unlock(qtbot, session)
    session.lock()
    clock.advance(24 * 3600)
    unlock(qtbot, session)
    dialog = session.safekeeping.restore()
    rows = [dialog.backups.item(i).text() for i in range(dialog.backups.count())]
    assert len(rows) == 2
    assert "Fri 16 Jan 2026" in rows[0]
    assert "Thu 15 Jan 2026" in rows[1]
    assert dialog.backups.currentRow() == 0
    qtbot.mouseClick(dialog.restore, Qt.MouseButton.LeftButton)
    assert "enter the passphrase" in dialog.error.text()
    dialog.reject()


def test_the_export_warning_comes_first_and_cancel_is_the_default(qtbot):
    dialog = ExportDialog()
    qtbot.addWidget(dialog)
    assert "Markdown" in dialog.markdown.text()
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "not encrypted" in words
    assert "without your passphrase" in words
    assert dialog.format == "md"
    dialog.json.setChecked(True)
    assert dialog.format == "json"
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter cancels: nothing is written by accident
    assert dialog.result() == dialog.DialogCode.Rejected


def test_export_from_the_window_writes_where_chosen(qtbot, session, tmp_path):
    session.start()
    window = unlock(qtbot, session)
    target = tmp_path / "export.json"
    session.safekeeping.export("json", target)
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["format"] == "tend-export"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert any("plain text" in text for text in messages(window))


def test_import_from_the_window(qtbot, session, tmp_path, paths):
    session.start()
    window = unlock(qtbot, session)
    note = window.open_area("note")
    note.editor.setPlainText("unsaved words")
    source = tmp_path / "jrnl.json"
    source.write_bytes(jrnl_export())
    session.safekeeping.import_journal("jrnl", source)
    assert any("Imported 2 entries" in text for text in messages(window))
    # What was on screen was saved first; the views were rebuilt from the vault.
    assert window.open_area("note").editor.toPlainText() == "unsaved words"
    assert len(entries_oldest_first(session.vault)) == 2
    session.safekeeping.import_journal("jrnl", source)
    assert len(entries_oldest_first(session.vault)) == 2


def test_a_bad_import_file_gets_a_message_and_changes_nothing(qtbot, session, tmp_path):
    session.start()
    window = unlock(qtbot, session)
    source = tmp_path / "cut.json"
    source.write_bytes(jrnl_export()[:100])
    session.safekeeping.import_journal("jrnl", source)
    assert any("line" in text and "Nothing was imported" in text for text in messages(window))
    assert entries_oldest_first(session.vault) == []


def test_import_dialog_offers_three_formats(qtbot):
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    assert dialog.format == "tend"
    dialog.choices["dayone"].setChecked(True)
    assert dialog.format == "dayone"


def test_settings_keep_how_many_backups(qtbot, vault):
    settings = Settings(vault)
    dialog = SettingsDialog(vault, settings, "system", lambda _: None, lambda _: None)
    qtbot.addWidget(dialog)
    assert dialog.backups_kept.value() == 10
    dialog.backups_kept.setValue(4)
    assert settings.read(BACKUPS_KEPT) == 4


def test_restore_on_a_first_run_leads_to_unlocking(qtbot, tmp_path, paths, clock):
    from app.shell.unlock import CreateDialog, UnlockDialog
    from app.vault.backup import make_backup

    elsewhere = Vault.create(tmp_path / "old" / "tend.db", PASSPHRASE)
    Settings(elsewhere).set("note", "words from the old computer")
    backup = make_backup(elsewhere, tmp_path / "old.tendbackup")
    elsewhere.close()
    paths.ensure_data_dir()
    made = Session(paths, Config(), clock=clock, tasks=ImmediateTaskRunner(), areas=[NOTE_AREA])
    made.start()
    assert isinstance(made.gate, CreateDialog)
    dialog = made.safekeeping.restore()
    dialog.choose_file(backup)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(made.gate, UnlockDialog))
    assert "restored" in made.gate.error.text()
    window = unlock(qtbot, made)
    assert window.open_area("note").editor.toPlainText() == "words from the old computer"
    made.lock()
    made.gate.close()
    made.gate.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_markdown_export_gets_a_new_folder_of_its_own(qtbot, session, tmp_path, clock):
    from app.shell.backup_dialogs import new_folder_in

    (tmp_path / "tend-export-2026-01-15").mkdir()
    target = new_folder_in(tmp_path, clock.now())
    assert target == tmp_path / "tend-export-2026-01-15-2"
    session.start()
    window = unlock(qtbot, session)
    session.safekeeping.export("md", target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    assert any("Exported 0 entries" in text for text in messages(window))
