"""The window when the vault has a problem: one calm message, the words kept."""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.config import Config
from app.reflect.model import Kind, new_entry
from app.reflect.store import ReflectStore
from app.shell.areas import AREAS
from app.shell.session import Session
from app.shell.unlock import UnlockDialog
from app.vault import DamagedVault, Vault, VaultError
from app.vault import vault as vault_module
from app.widgets.tasks import ImmediateTaskRunner
from tests.conftest import PASSPHRASE
from tests.vault.fastkey import use_fast_kdf

ROOT = Path(__file__).resolve().parents[2]
HOLDER = ROOT / "tests" / "vault" / "holder.py"


@pytest.fixture
def session(qtbot, paths, clock):
    paths.ensure_data_dir()
    made = Session(paths, Config(), clock=clock, tasks=ImmediateTaskRunner(), areas=AREAS)
    yield made
    window = made.window
    if window is not None:
        with contextlib.suppress(VaultError):
            window.flush_all()
        made._lock_now(window)
    if made.gate is not None:
        made.gate.close()
        made.gate.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def unlock(qtbot, session, passphrase=PASSPHRASE):
    session.start()
    gate = session.gate
    assert isinstance(gate, UnlockDialog)
    qtbot.keyClicks(gate.passphrase, passphrase)
    qtbot.keyClick(gate.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.window is not None)
    return session.window


def problem_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_a_listed_page(vault_path: Path) -> None:
    """Flip a byte in a page the entry list reads, but opening does not."""
    pristine = vault_path.read_bytes()
    pages = len(pristine) // 4096
    for page in range(pages - 1, 1, -1):
        data = bytearray(pristine)
        data[page * 4096 + 300] ^= 0x04
        vault_path.write_bytes(bytes(data))
        try:
            with Vault.open(vault_path, PASSPHRASE, read_only=True) as vault:
                ReflectStore(vault).window(0, 100)
        except DamagedVault:
            return
        except VaultError:
            continue
    raise AssertionError("no page of the list could be damaged alone")


def test_a_damaged_page_gives_one_message_and_no_write(qtbot, session, paths, monkeypatch):
    with Vault.create(paths.vault, PASSPHRASE) as vault:
        ReflectStore(vault).create_many(
            new_entry(
                date(2025, 1, 1) + timedelta(days=i),
                Kind.REFLECTION,
                title=f"An evening to remember, number {i}",
                body="We talked it through slowly and kindly. " * 20,
            )
            for i in range(300)
        )
    use_fast_kdf(monkeypatch)
    damage_a_listed_page(paths.vault)
    damaged = digest(paths.vault)
    window = unlock(qtbot, session)
    view = window.open_area("reflect")
    qtbot.waitUntil(lambda: len(problem_boxes()) == 1)
    for _ in range(5):  # every paint reads the list again: still one message
        view.list.viewport().repaint()
        QApplication.processEvents()
    boxes = problem_boxes()
    assert len(boxes) == 1
    assert "damaged" in boxes[0].text()
    assert "tend restore" in boxes[0].text()
    view.new_entry()
    qtbot.keyClicks(view.editor.body, "Words that must not go into a damaged file.")
    assert not view.editor.save()
    assert "damaged" in view.editor.save_problem_text.text()
    assert "Words that must not" in view.editor.body.toPlainText()  # kept on screen
    boxes[0].close()
    session._lock_now(session.window)
    assert digest(paths.vault) == damaged


@contextlib.contextmanager
def holder(vault_path: Path, *action: str):
    env = {**os.environ, "TEND_TEST_PASSPHRASE": PASSPHRASE}
    process = subprocess.Popen(
        [sys.executable, str(HOLDER), str(vault_path), *action],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        yield process
    finally:
        with contextlib.suppress(OSError, ValueError):
            process.stdin.close()
        process.wait(timeout=30)
        process.stdout.close()


def test_a_passphrase_changed_elsewhere_locks_and_asks_for_the_new_one(qtbot, session, paths):
    Vault.create(paths.vault, PASSPHRASE).close()
    window = unlock(qtbot, session)
    view = window.open_area("reflect")
    with holder(paths.vault, "rekey", "our brand new passphrase") as other:
        assert other.stdout.readline().strip() == "rekeyed"
    view.model.reload()  # the list is read again, as after any save
    qtbot.waitUntil(lambda: session.window is None and session.gate is not None)
    assert "passphrase was changed" in session.gate.error.text()
    assert not [b for b in problem_boxes() if "Something went wrong" in b.text()]
    session.gate.passphrase.clear()
    qtbot.keyClicks(session.gate.passphrase, "our brand new passphrase")
    qtbot.keyClick(session.gate.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.window is not None)


def test_a_write_lock_held_elsewhere_says_busy_keeps_the_words_and_retries(qtbot, session, paths):
    Vault.create(paths.vault, PASSPHRASE).close()
    window = unlock(qtbot, session)
    view = window.open_area("reflect", new=True)
    with holder(paths.vault, "hold") as other:
        assert other.stdout.readline().strip() == "holding"
        qtbot.keyClicks(view.editor.body, "Words written while another program writes.")
        assert not view.editor.save()
        assert "busy" in view.editor.save_problem_text.text()
        assert view.editor.save_problem.isVisible()
        assert "while another program" in view.editor.body.toPlainText()
        other.stdin.write("go\n")
        other.stdin.flush()
        assert other.stdout.readline().strip() == "released"
        qtbot.waitUntil(lambda: view.editor.status.text() == "Saved", timeout=10_000)
    assert ReflectStore(session.vault).count() == 1
    timeout_ms = session.vault.connection.execute("PRAGMA busy_timeout").fetchone()[0]
    assert timeout_ms == vault_module.WINDOW_BUSY_TIMEOUT_S * 1000  # typing never stalls long


def test_a_vault_that_cannot_be_written_still_opens_for_reading(qtbot, session, paths, monkeypatch):
    from app.vault import ReadOnlyPlace

    with Vault.create(paths.vault, PASSPHRASE) as vault:
        ReflectStore(vault).create(new_entry(date(2026, 1, 5), body="Read me again later."))
    real_open = Vault.open.__func__

    def folder_is_read_only(cls, path, passphrase, *, read_only=False, **options):
        if not read_only:  # as opening to write fails in a read-only folder
            raise ReadOnlyPlace()
        return real_open(cls, path, passphrase, read_only=True, **options)

    monkeypatch.setattr(Vault, "open", classmethod(folder_is_read_only))
    window = unlock(qtbot, session)
    qtbot.waitUntil(lambda: any(b.objectName() == "readingOnly" for b in problem_boxes()))
    (box,) = [b for b in problem_boxes() if b.objectName() == "readingOnly"]
    assert "read-only" in box.text()
    assert "reading only" in box.text()
    view = window.open_area("reflect")
    assert view.model.entry_count == 1
    view.select_entry(view.model.entry_row(1).id)
    assert view.editor.body.toPlainText() == "Read me again later."
    assert sorted(p.name for p in paths.data_dir.iterdir()) == ["tend.db"]
    box.close()


def test_an_unread_page_in_a_slot_adds_no_crash_dialog(qtbot, monkeypatch, capsys):
    from app.shell import crash
    from app.vault import PassphraseChanged, VaultBusy

    shown: list[str] = []
    # Both dialogs are modal; record what they would say instead of waiting on them.
    monkeypatch.setattr(crash.QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(crash.QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    for problem in (DamagedVault(), PassphraseChanged()):
        crash.report(type(problem), problem, None)
    assert shown == []  # the session says these once, itself
    crash.report(VaultBusy, VaultBusy(), None)
    assert shown == [VaultBusy.message]  # plainly, not "something went wrong"
    assert "Traceback" in capsys.readouterr().err  # types and places only, on stderr
