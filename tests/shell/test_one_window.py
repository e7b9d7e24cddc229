"""Two windows on one vault: the second is told plainly; the terminal may still write;
and an update never overwrites a version it did not see."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from app.clock import ManualClock
from app.config import Config
from app.reflect.model import new_entry
from app.reflect.store import ReflectStore
from app.shell.areas import AREAS
from app.shell.session import Session
from app.vault import Vault, VaultError
from app.vault.instance import InstanceLock
from app.widgets.tasks import ImmediateTaskRunner
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
WINDOW = ROOT / "tests" / "reflect" / "kill_driver.py"
DAY = date(2026, 1, 5)


@pytest.fixture
def session(qtbot, paths, clock):
    paths.ensure_data_dir()
    made = Session(paths, Config(), clock=clock, tasks=ImmediateTaskRunner(), areas=AREAS)
    yield made
    if made.window is not None:
        with contextlib.suppress(VaultError):
            made.window.flush_all()
        made._lock_now(made.window)
    if made.gate is not None:
        made.gate.close()
        made.gate.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def unlock(qtbot, session) -> None:
    if session.gate is None:
        session.start()
    gate = session.gate
    gate.passphrase.clear()
    qtbot.keyClicks(gate.passphrase, PASSPHRASE)
    qtbot.keyClick(gate.passphrase, Qt.Key.Key_Return)


@contextlib.contextmanager
def another_window(paths):
    env = {**os.environ, "TEND_TEST_PASSPHRASE": PASSPHRASE}
    process = subprocess.Popen(
        [sys.executable, str(WINDOW), str(paths.data_dir), "Words from the first window"],
        stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        assert process.stdout.readline().strip() == "ready"
        yield process
    finally:
        process.kill()
        process.wait(timeout=30)
        process.stdout.close()


def test_a_second_window_is_told_plainly_that_tend_is_already_open(qtbot, session, paths):
    Vault.create(paths.vault, PASSPHRASE).close()
    with another_window(paths):
        assert InstanceLock.held_elsewhere(paths.vault)
        unlock(qtbot, session)
        qtbot.waitUntil(lambda: "already open" in session.gate.error.text())
        assert session.window is None
        assert session.gate.isVisible()  # no crash: the person can try again later
    assert not InstanceLock.held_elsewhere(paths.vault)  # the kernel let go with the process
    unlock(qtbot, session)
    qtbot.waitUntil(lambda: session.window is not None)


def test_the_terminal_writes_while_the_window_is_open_and_the_entry_appears(qtbot, session, paths):
    Vault.create(paths.vault, PASSPHRASE).close()
    unlock(qtbot, session)
    qtbot.waitUntil(lambda: session.window is not None)
    view = session.window.open_area("reflect")
    assert view.model.entry_count == 0
    env = {**os.environ, "TEND_PASSPHRASE": PASSPHRASE}
    done = subprocess.run(
        [sys.executable, "-m", "app", "write", "--data-dir", str(paths.data_dir)],
        cwd=ROOT, env=env, input="Written in the terminal meanwhile.", capture_output=True,
        text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    session.window.open_area("today")
    session.window.open_area("reflect")
    qtbot.waitUntil(lambda: view.model.entry_count == 1)


def test_an_update_never_overwrites_a_version_it_did_not_see(paths):
    paths.ensure_data_dir()
    clock = ManualClock()  # both saves in the same tick of the clock, the hardest case
    with (
        Vault.create(paths.vault, PASSPHRASE) as first,
        Vault.open(paths.vault, PASSPHRASE) as second,
    ):
        mine, theirs = ReflectStore(first, clock), ReflectStore(second, clock)
        original = mine.create(new_entry(DAY, body="The first words."))
        here = mine.get(original.id)
        there = theirs.get(original.id)
        for n in range(3):  # several saves elsewhere, each seen by the next
            there = theirs.update(replace_body(there, f"Edited elsewhere, time {n}."))
        kept = mine.update(replace_body(here, "Edited here, never seen there."))
        assert kept.id != original.id
        assert kept.title.endswith("(conflicting copy)")
        assert theirs.get(original.id).body == "Edited elsewhere, time 2."
        assert theirs.get(kept.id).body == "Edited here, never seen there."
        again = mine.update(replace_body(kept, "And a little more."))  # carries on as usual
        assert again.id == kept.id
        theirs.delete(original.id)
        rescued = theirs.update(replace_body(there, "Saved after it was deleted."))
        assert rescued.id not in (original.id, kept.id)
        assert mine.count() == 2


def replace_body(entry, body):
    from dataclasses import replace

    return replace(entry, body=body)


def test_the_editor_says_when_its_words_were_kept_as_a_conflicting_copy(qtbot, context, vault):
    from app.reflect.ui.view import ReflectView

    store = ReflectStore(vault, context.clock)
    entry = store.create(new_entry(DAY, body="Where we started."))
    view = ReflectView(context)
    qtbot.addWidget(view)
    view.select_entry(entry.id)
    with Vault.open(vault.path, PASSPHRASE) as elsewhere:
        other = ReflectStore(elsewhere, context.clock)
        other.update(replace_body(other.get(entry.id), "Changed in another window."))
    qtbot.keyClicks(view.editor.body, " And what I add here.")
    assert view.editor.save()
    assert "conflicting copy" in view.editor.save_problem_text.text()
    assert view.editor.save_problem.isVisibleTo(view)
    assert view.model.entry_count == 2
    assert store.get(entry.id).body == "Changed in another window."
    copy = store.get(view.editor.entry.id).body
    assert "Where we started." in copy
    assert "And what I add here." in copy


def test_starting_tend_again_says_it_is_already_open(qtbot, paths, monkeypatch):
    from app.shell import app as shell_app

    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()
    shown: list[str] = []
    # The real dialog is modal; record what it would say instead of waiting on it.
    monkeypatch.setattr(
        shell_app.QMessageBox, "information", lambda _parent, _title, text: shown.append(text)
    )
    assert not shell_app.already_open(paths)
    with another_window(paths):
        assert shell_app.already_open(paths)
    assert len(shown) == 1
    assert "already open" in shown[0]
