"""Reliability: kill the running app right after autosave; the words are in the vault."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.reflect.store import ReflectStore
from app.vault import Vault
from tests.conftest import PASSPHRASE

DRIVER = Path(__file__).with_name("kill_driver.py")
TEXT = "words-that-must-survive-a-kill 9731"


def read_until(proc: subprocess.Popen, wanted: str, timeout: float) -> list[str]:
    """Lines from the driver up to and including ``wanted``; fails after ``timeout``."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if not selector.select(timeout=deadline - time.monotonic()):
                break
            line = proc.stdout.readline()
            if not line:
                break  # the driver ended
            seen.append(line.strip())
            if line.strip() == wanted:
                return seen
    raise AssertionError(f"driver never said {wanted!r}; said {seen}")


def test_killed_right_after_autosave_the_text_is_in_the_vault(paths):
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()
    env = {**os.environ, "TEND_TEST_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), str(paths.data_dir), TEXT],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        lines = read_until(proc, "saved", timeout=40)
        assert lines[-2:] == ["typed", "saved"]  # saved by the timer, after the typing
        proc.send_signal(signal.SIGKILL)  # no flush, no close, no checkpoint
        assert proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
    with Vault.open(paths.vault, PASSPHRASE) as vault:
        store = ReflectStore(vault)
        [row] = store.window(0, 5)
        assert store.get(row.id).body == TEXT
