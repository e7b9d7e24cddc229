"""The vault where life gets in the way: busy, read-only, full, rekeyed elsewhere, checked."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.reflect.model import new_entry
from app.reflect.store import ReflectStore
from app.vault import (
    DiskFull,
    PassphraseChanged,
    Settings,
    Vault,
    VaultBusy,
)
from app.vault import vault as vault_module
from tests.conftest import PASSPHRASE

DAY = date(2026, 1, 5)
ROOT = Path(__file__).resolve().parents[2]
HOLDER = ROOT / "tests" / "vault" / "holder.py"


def run_cli(args: list[str], capsys, stdin: str = "") -> tuple[int, str, str]:
    old, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        code = main(args)
    finally:
        sys.stdin = old
    out, err = capsys.readouterr()
    return code, out, err


@contextlib.contextmanager
def holder(vault_path: Path, *action: str):
    env = {**os.environ, "TEND_TEST_PASSPHRASE": PASSPHRASE}
    process = subprocess.Popen(
        [sys.executable, str(HOLDER), str(vault_path), *action],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        yield process
    finally:
        with contextlib.suppress(OSError, ValueError):
            process.stdin.close()
        process.wait(timeout=30)
        process.stdout.close()


# -- defect 8: a read-only check leaves the folder as it found it ----------------------


def test_check_leaves_no_wal_or_shm_beside_the_vault(paths, capsys, monkeypatch):
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()
    before = sorted(os.listdir(paths.data_dir))
    assert before == ["tend.db"]
    monkeypatch.setenv("TEND_PASSPHRASE", PASSPHRASE)
    code, out, _err = run_cli(["check", "--data-dir", str(paths.data_dir)], capsys)
    assert code == 0
    assert "sound" in out
    assert sorted(os.listdir(paths.data_dir)) == before
    for command in (["list"], ["search", "anything"]):
        run_cli([*command, "--data-dir", str(paths.data_dir)], capsys)
        assert sorted(os.listdir(paths.data_dir)) == before, command


def test_check_of_a_damaged_vault_changes_nothing_beside_it(paths, capsys, monkeypatch):
    paths.ensure_data_dir()
    with Vault.create(paths.vault, PASSPHRASE) as vault:
        Settings(vault).set("words", "x" * 20000)
    data = bytearray(paths.vault.read_bytes())
    data[-4096 + 100] ^= 0x10
    paths.vault.write_bytes(bytes(data))
    monkeypatch.setenv("TEND_PASSPHRASE", PASSPHRASE)
    code, _out, err = run_cli(["check", "--data-dir", str(paths.data_dir)], capsys)
    assert code == 1
    assert "damaged" in err
    assert "not been changed" in err
    assert sorted(os.listdir(paths.data_dir)) == ["tend.db"]


# -- defect 6: a read-only folder, a full disk -----------------------------------------


CRAMPED = ROOT / "tests" / "vault" / "cramped_driver.py"
can_mount = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("unshare") is None,
    reason="needs root and unshare for a private read-only or full mount",
)


def cramped(how: str, tmp_path: Path) -> dict:
    """list/search/check/write on a copy of a small vault in a read-only or full place."""
    vault_path = tmp_path / "source.db"
    with Vault.create(vault_path, PASSPHRASE) as vault:
        ReflectStore(vault).create(new_entry(DAY, body="A walk by the river helped."))
    work = tmp_path / "place"
    work.mkdir()
    env = {**os.environ, "TEND_PASSPHRASE": PASSPHRASE}
    done = subprocess.run(
        ["unshare", "-m", sys.executable, str(CRAMPED), how, str(vault_path), str(work)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@can_mount
@pytest.mark.parametrize("how", ["readonly", "full"])
def test_a_read_only_folder_or_full_disk_still_reads_and_names_the_cause(how, tmp_path):
    results = cramped(how, tmp_path)
    for command in ("list", "search"):
        assert results[command]["code"] == 0, results[command]["err"]
        assert "A walk by the river helped." in results[command]["out"]
    assert results["check"]["code"] == 0, results["check"]["err"]
    write = results["write"]
    assert write["code"] == 1
    assert "Saved" not in write["out"]
    assert ("read-only" if how == "readonly" else "disk is full") in write["err"]
    assert "another program" not in write["err"]
    assert "Traceback" not in write["err"]
    assert [f for f in results["files_after_reading"] if f != "filler"] == ["tend.db"]


def test_a_full_disk_is_named_when_a_write_open_fails(paths, monkeypatch):
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()

    class NoSpace:
        f_bavail, f_frsize = 0, 4096

    def cannot_open(*_args, **_kwargs):
        raise vault_module.CannotOpen()

    monkeypatch.setattr(vault_module.os, "statvfs", lambda _path: NoSpace())
    monkeypatch.setattr(vault_module, "_connect", cannot_open)
    with pytest.raises(DiskFull):
        Vault.open(paths.vault, PASSPHRASE)


# -- defect 4: another process holds the write lock ------------------------------------


def test_a_write_lock_held_elsewhere_gives_a_busy_message_then_works(paths, capsys, monkeypatch):
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()
    monkeypatch.setenv("TEND_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(vault_module, "BUSY_TIMEOUT_S", 0.2, raising=False)
    where = ["--data-dir", str(paths.data_dir)]
    with holder(paths.vault, "hold") as other:
        assert other.stdout.readline().strip() == "holding"
        code, out, err = run_cli(["write", *where], capsys, stdin="Words to keep.")
        assert code == 1
        assert "Saved" not in out
        assert err.startswith("tend: ")
        assert "busy" in err
        assert "Traceback" not in err
        with Vault.open(paths.vault, PASSPHRASE) as vault:
            with pytest.raises(VaultBusy):
                ReflectStore(vault).create(new_entry(DAY, body="Kept for later."))
            assert ReflectStore(vault).count() == 0  # reading goes on meanwhile
        other.stdin.write("go\n")
        other.stdin.flush()
        assert other.stdout.readline().strip() == "released"
        code, out, err = run_cli(["write", *where], capsys, stdin="Words to keep.")
        assert code == 0, err
        assert "Saved entry" in out, err


def test_the_busy_wait_is_explicit_and_bounded():
    assert 1.0 <= vault_module.BUSY_TIMEOUT_S <= 10.0


# -- defect 7: the passphrase changed in another process -------------------------------


def test_a_passphrase_changed_elsewhere_is_named_not_called_damage(vault):
    store = ReflectStore(vault)
    store.create(new_entry(DAY, body="Before the change."))
    with holder(vault.path, "rekey", "a new passphrase for us") as other:
        assert other.stdout.readline().strip() == "rekeyed"
    with pytest.raises(PassphraseChanged):
        store.count()
    with pytest.raises(PassphraseChanged):  # and again, never a raw driver error
        store.window(0, 10)
    with pytest.raises(PassphraseChanged):
        store.create(new_entry(DAY, body="After the change."))
    Vault.open(vault.path, "a new passphrase for us").close()


def test_the_new_messages_quote_no_words_and_no_passphrase(paths, capsys, monkeypatch):
    """The privacy sweep over this issue's messages, the lock file and the warnings."""
    from app import vault as vault_package
    from app.reflect import cli as reflect_cli
    from app.vault.instance import lock_path

    marker = "zebracorn-7731"
    monkeypatch.setenv("TEND_PASSPHRASE", PASSPHRASE)
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE, exclusive=True).close()
    code, _out, err = run_cli(["write", "--data-dir", str(paths.data_dir), marker], capsys)
    assert code == 0
    assert err.strip() == reflect_cli.VISIBLE_TEXT  # the warning, and nothing quoted
    assert lock_path(paths.vault).read_bytes() == b""  # the lock file holds nothing
    for name in vault_package.__all__:
        kind = getattr(vault_package, name)
        if isinstance(kind, type) and issubclass(kind, vault_package.VaultError):
            assert PASSPHRASE not in kind.message
            assert marker not in kind.message
