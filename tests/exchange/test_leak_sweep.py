"""The leak sweep, for keeping words safe: after backups, the export warning, exports,
imports and a restore (from the window and the terminal), neither a sentence the
person wrote nor their passphrase appears in any file except the vault, its encrypted
backups, the export they chose and the file they imported from; nor in any window
title, message or terminal output that was not asked to show it."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.config import Config
from app.shell.backup_dialogs import ExportDialog
from app.shell.session import Session
from app.vault import Vault
from app.vault.backup import list_backups
from app.widgets.tasks import ImmediateTaskRunner
from tests.shell.note_area import NOTE_AREA
from tests.test_cli import python

SENTENCE = "my-secret-sentence-about-the-lake-6b1d"
IMPORTED = "an-imported-private-line-93fa"
PASSPHRASE = "sweep passphrase q9z river"
MARKERS = (SENTENCE, IMPORTED, PASSPHRASE)


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le")]


def files_with_markers(roots: list[Path], allowed: list[Path], since: float) -> list[str]:
    found = []
    for root in roots:
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = Path(folder) / name
                if any(path == a or a in path.parents for a in allowed):
                    continue
                try:
                    if path.stat().st_mtime < since or path.stat().st_size > 64 * 1024 * 1024:
                        continue
                    data = path.read_bytes()
                except OSError:
                    continue
                if any(code in data for m in MARKERS for code in encodings(m)):
                    found.append(str(path))
                if any(m in name for m in MARKERS):
                    found.append(f"name: {path}")
    return found


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
    session.gate.passphrase.clear()
    qtbot.keyClicks(session.gate.passphrase, passphrase)
    qtbot.keyClick(session.gate.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
    return session.window


def shown_text() -> str:
    parts = []
    for widget in QApplication.topLevelWidgets():
        parts.append(widget.windowTitle())
        if isinstance(widget, QMessageBox):
            parts.append(widget.text())
    return "\n".join(parts)


def test_no_marker_outside_the_vault_backups_and_chosen_files(qtbot, session, paths, tmp_path):
    since = time.time() - 1
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    source = chosen / "jrnl.json"
    source.write_text(
        json.dumps(
            {"entries": [{"title": "Walk.", "body": IMPORTED, "date": "2025-10-02",
                          "time": "19:30", "tags": [], "starred": False}]}
        ),
        encoding="utf-8",
    )  # fmt: skip
    session.start()
    window = unlock(qtbot, session)
    note = window.open_area("note")
    note.editor.setPlainText(SENTENCE)
    window.flush_all()
    session.safekeeping.back_up_now(chosen / "by-hand.tendbackup")
    warning = ExportDialog(window)
    warning.show()
    assert all(m not in shown_text() for m in MARKERS)
    warning.reject()
    session.safekeeping.export("json", chosen / "export.json")
    session.safekeeping.export("md", chosen / "md")
    session.safekeeping.import_journal("jrnl", source)
    dialog = session.safekeeping.restore()
    dialog.choose_file(chosen / "by-hand.tendbackup")
    qtbot.keyClicks(dialog.passphrase, "a wrong one " + PASSPHRASE[:4])
    qtbot.mouseClick(dialog.restore, Qt.MouseButton.LeftButton)
    assert all(m not in shown_text() + dialog.error.text() for m in MARKERS)
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.window is None)
    assert all(m not in shown_text() for m in MARKERS)

    # The terminal: each command's output names paths and counts, never the words.
    data = ["--data-dir", str(paths.data_dir)]
    outputs = [
        python("-m", "app", *data, "backup", passphrase=PASSPHRASE),
        python("-m", "app", *data, "export", "--format", "json", "--output",
               str(chosen / "cli.json"), passphrase=PASSPHRASE),
        python("-m", "app", *data, "import", "--format", "jrnl", str(source),
               passphrase=PASSPHRASE),
        python("-m", "app", *data, "import", "--format", "tend", str(source),
               passphrase=PASSPHRASE),
        python("-m", "app", *data, "restore", str(chosen / "by-hand.tendbackup"),
               passphrase="not it"),
        python("-m", "app", *data, "restore", str(chosen / "by-hand.tendbackup"),
               passphrase=PASSPHRASE),
    ]  # fmt: skip
    assert [r.returncode for r in outputs] == [0, 0, 0, 1, 1, 0]
    assert "plain text" in outputs[1].stderr
    for result in outputs:
        assert all(m not in result.stdout + result.stderr for m in MARKERS)

    assert len(list_backups(paths.backups)) >= 3  # daily, before-restore, terminal
    roots = [tmp_path, Path(tempfile.gettempdir())]
    leaks = files_with_markers(roots, allowed=[chosen], since=since)
    assert leaks == []
    # The sweep can see a marker: the chosen export holds the words in plain text.
    assert files_with_markers([chosen], allowed=[], since=since)
