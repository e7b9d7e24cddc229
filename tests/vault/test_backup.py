"""Backups and restore, against real encrypted vaults in a temporary folder."""

from __future__ import annotations

import hashlib
import itertools
import os
import stat
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.reflect.model import new_entry
from app.reflect.store import ReflectStore
from app.vault import Settings, Vault, VaultLocked
from app.vault.backup import (
    BACKUPS_KEPT,
    PARTIAL_PREFIX,
    Cancelled,
    DamagedBackup,
    NewerBackup,
    NotABackup,
    WrongBackupPassphrase,
    backup_into_folder,
    backup_name,
    daily_backup,
    due_today,
    list_backups,
    make_backup,
    prepare_restore,
    rotate,
    verify,
)
from app.vault.migrations import LATEST
from tests.conftest import PASSPHRASE
from tests.vault.test_migrations import build_vault_at, sample

WHEN = datetime(2026, 3, 4, 21, 15, 0)


def fill(vault: Vault, count: int, words: str = "a quiet evening walk") -> None:
    ReflectStore(vault).create_many(
        new_entry(date(2026, 1, 1) + timedelta(days=i % 300), body=f"{words} {i}")
        for i in range(count)
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count_in(path: Path, passphrase: str = PASSPHRASE) -> int:
    with Vault.open(path, passphrase, read_only=True) as opened:
        return ReflectStore(opened).count()


def test_a_backup_is_a_verified_private_copy_that_opens_with_the_days_passphrase(vault, paths):
    fill(vault, 40)
    made = backup_into_folder(vault, paths, WHEN, keep=10)
    assert made.parent == paths.backups
    assert stat.S_IMODE(paths.backups.stat().st_mode) == 0o700
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert verify(made, PASSPHRASE) == LATEST
    assert count_in(made) == 40
    # One self-contained file: no log or index left beside it.
    assert sorted(p.name for p in paths.backups.iterdir()) == [made.name]
    # Later passphrase changes do not reach a backup already made.
    vault.change_passphrase(PASSPHRASE, "a brand new passphrase")
    with pytest.raises(WrongBackupPassphrase):
        verify(made, "a brand new passphrase")
    assert verify(made, PASSPHRASE) == LATEST
    later = backup_into_folder(vault, paths, WHEN + timedelta(hours=1), keep=10)
    assert verify(later, "a brand new passphrase") == LATEST


def test_a_backup_made_on_a_worker_thread_sees_every_committed_entry(vault, paths):
    fill(vault, 25)
    outcome: dict = {}

    def work() -> None:
        try:
            outcome["path"] = backup_into_folder(vault, paths, WHEN, keep=10)
        except Exception as exc:  # reported below; a thread cannot fail the test itself
            outcome["error"] = exc

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(30)
    assert "error" not in outcome
    assert count_in(outcome["path"]) == 25
    # The vault's own connection is still fine on this thread.
    assert ReflectStore(vault).count() == 25


def test_progress_reaches_the_end_and_cancel_leaves_nothing(vault, paths):
    fill(vault, 300, "words " * 40)
    seen = []
    target = paths.data_dir / "mine.tendbackup"
    make_backup(vault, target, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] > 0
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(seen))

    cancel = threading.Event()

    def stop_midway(done: int, total: int) -> None:
        if done > 0:
            cancel.set()

    before = sorted(p.name for p in paths.data_dir.iterdir())
    with pytest.raises(Cancelled):
        make_backup(
            vault, paths.data_dir / "stopped.tendbackup", progress=stop_midway, cancel=cancel
        )
    assert sorted(p.name for p in paths.data_dir.iterdir()) == before


def test_backup_refuses_to_overwrite_unless_asked(vault, paths):
    target = paths.data_dir / "mine.tendbackup"
    target.write_bytes(b"something the person keeps")
    with pytest.raises(FileExistsError):
        make_backup(vault, target)
    assert target.read_bytes() == b"something the person keeps"
    make_backup(vault, target, overwrite=True)
    assert verify(target, PASSPHRASE) == LATEST


def test_second_connection_needs_an_unlocked_vault(paths):
    paths.ensure_data_dir()
    opened = Vault.create(paths.vault, PASSPHRASE)
    opened.close()
    with pytest.raises(VaultLocked):
        opened.second_connection()


def test_daily_backups_once_a_day_and_only_the_newest_kept(vault, paths):
    assert Settings(vault).read(BACKUPS_KEPT) == 10
    first = daily_backup(vault, paths, WHEN, keep=3)
    assert first is not None
    assert daily_backup(vault, paths, WHEN + timedelta(hours=2), keep=3) is None
    assert not due_today(paths.backups, WHEN.date())
    for day in range(1, 6):
        assert daily_backup(vault, paths, WHEN + timedelta(days=day), keep=3) is not None
    kept = list_backups(paths.backups)
    assert [b.made_at.date() for b in kept] == [
        (WHEN + timedelta(days=d)).date() for d in (5, 4, 3)
    ]


def test_listing_skips_partial_files_and_strangers(vault, paths):
    made = backup_into_folder(vault, paths, WHEN, keep=10)
    (paths.backups / f"{PARTIAL_PREFIX}abc.tendbackup").write_bytes(b"half")
    (paths.backups / "notes.txt").write_text("not a backup")
    assert [b.path for b in list_backups(paths.backups)] == [made]


def test_rotation_keeps_copies_made_before_a_restore(vault, paths):
    folder = paths.ensure_backups_dir()
    before = backup_name(folder, WHEN, before_restore=True)
    before.write_bytes(b"x")
    for day in range(4):
        backup_into_folder(vault, paths, WHEN + timedelta(days=day), keep=10)
    rotate(folder, 1)
    names = [b.path.name for b in list_backups(folder)]
    assert len(names) == 2
    assert before.name in names


# -- restore ---------------------------------------------------------------------------


@pytest.fixture
def backup_of_five(vault, paths) -> Path:
    fill(vault, 5)
    return backup_into_folder(vault, paths, WHEN, keep=10)


def test_restore_keeps_the_current_vault_and_swaps_in_the_backup(vault, paths, backup_of_five):
    fill(vault, 7)  # written after the backup
    vault.close()
    current = digest(paths.vault)
    prepared = prepare_restore(paths, backup_of_five, PASSPHRASE)
    kept = prepared.commit(WHEN + timedelta(minutes=5))
    assert kept is not None
    assert kept.parent == paths.backups
    assert digest(kept) == current
    assert count_in(kept) == 12
    assert count_in(paths.vault) == 5
    leftovers = [p.name for p in paths.data_dir.iterdir() if p.name.startswith(".")]
    assert leftovers == []
    assert stat.S_IMODE(paths.vault.stat().st_mode) == 0o600


def test_restore_removes_a_stale_log_and_keeps_it_with_the_old_vault(paths, backup_of_five, vault):
    vault.close()
    wal = Path(f"{paths.vault}-wal")
    wal.write_bytes(b"a log from the old file")
    Path(f"{paths.vault}-shm").write_bytes(b"an index")
    kept = prepare_restore(paths, backup_of_five, PASSPHRASE).commit(WHEN)
    assert not wal.exists()
    assert not Path(f"{paths.vault}-shm").exists()
    assert Path(f"{kept}-wal").read_bytes() == b"a log from the old file"
    assert count_in(paths.vault) == 5


@pytest.mark.parametrize(
    ("spoil", "error"),
    [
        ("wrong passphrase", WrongBackupPassphrase),
        ("flipped byte", DamagedBackup),
        ("cut short", DamagedBackup),
        ("plain text", NotABackup),
        ("empty", NotABackup),
        ("newer version", NewerBackup),
    ],
)
def test_a_bad_backup_changes_nothing(vault, paths, backup_of_five, spoil, error):
    fill(vault, 2)
    vault.close()
    before = digest(paths.vault)
    source = backup_of_five
    passphrase = PASSPHRASE
    data = bytearray(source.read_bytes())
    if spoil == "wrong passphrase":
        passphrase = "not the one"
    elif spoil == "flipped byte":
        data[len(data) // 2] ^= 0x40
        source.write_bytes(bytes(data))
    elif spoil == "cut short":
        source.write_bytes(bytes(data[: len(data) // 2 + 100]))
    elif spoil == "plain text":
        source.write_text("just some notes\n" * 500)
    elif spoil == "empty":
        source.write_bytes(b"")
    elif spoil == "newer version":
        with Vault.open(source, PASSPHRASE) as newer:
            newer.connection.execute(f"PRAGMA user_version = {LATEST + 1}")
    with pytest.raises(error) as caught:
        prepare_restore(paths, source, passphrase)
    assert "Nothing was changed" in str(caught.value)
    assert digest(paths.vault) == before
    assert sorted(p.name for p in paths.data_dir.iterdir()) == ["backups", "tend.db"]


def test_an_older_backup_is_migrated_when_restored(paths, tmp_path):
    old = tmp_path / "old.tendbackup"
    build_vault_at(old, 1)
    prepared = prepare_restore(paths, old, PASSPHRASE)
    assert prepared.version == LATEST
    prepared.commit(WHEN)
    with Vault.open(paths.vault, PASSPHRASE) as restored:
        assert restored.version == LATEST
        _, query, expected = sample(0)
        assert restored.connection.execute(query).fetchone()[0] == expected
    assert os.path.getsize(old) > 0  # the chosen file is only read


def test_restore_waits_for_a_window_that_has_the_vault_open(vault, paths, backup_of_five):
    from app.vault import AlreadyOpen
    from app.vault.instance import InstanceLock

    vault.close()
    current = digest(paths.vault)
    prepared = prepare_restore(paths, backup_of_five, PASSPHRASE)
    window = InstanceLock.take(paths.vault)  # as an open window holds it
    try:
        with pytest.raises(AlreadyOpen):
            prepared.commit(WHEN)
        assert digest(paths.vault) == current  # nothing swapped, nothing kept aside
        assert not paths.backups.exists() or not any(
            "before" in p.name for p in paths.backups.iterdir()
        )
    finally:
        window.release()
    prepared.commit(WHEN)  # once the window is closed, it goes ahead
    assert count_in(paths.vault) == 5
