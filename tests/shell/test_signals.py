"""Logout or `kill` (SIGTERM) closes Tend the way its window would: saving first."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.reflect.store import ReflectStore
from app.vault import Vault
from tests.conftest import PASSPHRASE

DRIVER = Path(__file__).with_name("term_driver.py")
TEXT = "Typed just before the computer shut down"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def test_sigterm_saves_what_was_typed_and_closes_the_vault(paths):
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()
    env = {**os.environ, "TEND_TEST_PASSPHRASE": PASSPHRASE}
    with subprocess.Popen(
        [sys.executable, str(DRIVER), str(paths.data_dir), TEXT],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as proc:
        try:
            assert proc.stdout.readline().strip() == "typed"
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=30) == 0  # a clean exit, not death by signal
            assert "Traceback" not in proc.stderr.read()
        finally:
            if proc.poll() is None:
                proc.kill()
    wal = Path(f"{paths.vault}-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # closed cleanly, log folded in
    with Vault.open(paths.vault, PASSPHRASE) as vault:
        store = ReflectStore(vault)
        [row] = store.window(0, 5)
        assert store.get(row.id).body == TEXT
