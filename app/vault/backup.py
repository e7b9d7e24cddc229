"""Encrypted backups of the vault, and restoring one. No Qt.

A backup is a consistent copy made with SQLite's online backup API through a second
connection (never a file copy of an open database), encrypted with the passphrase in
force that day. It is written under a temporary name beside its final place, checked
(SQLCipher's and SQLite's integrity checks), and only then renamed into place, so a
crash or a kill never leaves a half backup that looks finished.

Restoring first proves the backup (it opens with the passphrase given, passes both
checks and is not from a newer Tend), migrates a copy of it to the current schema, keeps
the current vault beside the backups, and then swaps the files in one rename.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.paths import Paths
from app.vault.errors import DamagedVault, NewerVersion, NotAVault, VaultError, WrongPassphrase
from app.vault.instance import InstanceLock
from app.vault.settings import Setting
from app.vault.vault import Vault, _connect

BACKUPS_KEPT = Setting("backups.keep", 10)
MIN_KEPT, MAX_KEPT = 1, 100
SUFFIX = ".tendbackup"
PARTIAL_PREFIX = ".partial-"  # never listed, never offered for restore
BEFORE_RESTORE = "before-restore"
_NAME = re.compile(r"^tend-(\d{4}-\d{2}-\d{2}-\d{6})(?:-(\d+))?(?:-(before-restore))?\.tendbackup$")
_STAMP = "%Y-%m-%d-%H%M%S"
PAGES_PER_STEP = 64

# progress(done, total): how far a long job has come, in its own units (pages, items).
Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """The person stopped the job; nothing was left behind."""

    def __init__(self) -> None:
        super().__init__("Stopped. Nothing was changed.")


class DamagedBackup(DamagedVault):
    message = (
        "This backup is damaged: some of it cannot be read, so Tend will not restore it. "
        "Nothing was changed. Try an older backup."
    )


class WrongBackupPassphrase(WrongPassphrase):
    message = (
        "That passphrase does not open this backup. A backup opens with the passphrase "
        "your vault had on the day it was made. Nothing was changed."
    )


class NewerBackup(NewerVersion):
    message = (
        "This backup was made by a newer version of Tend. Please update Tend to restore "
        "it. Nothing was changed."
    )


class NotABackup(NotAVault):
    message = "This file is not a Tend backup. Nothing was changed."


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime  # local time, from the name
    size: int
    before_restore: bool  # the vault as it was just before a restore

    @property
    def label(self) -> str:
        when = self.made_at.strftime("%a %-d %b %Y, %H:%M")
        kind = "kept before a restore" if self.before_restore else "backup"
        return f"{when} — {kind}, {_size(self.size)}"


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


# -- files ------------------------------------------------------------------------------


def fsync_dir(folder: Path) -> None:
    """Make a rename in this folder survive a power cut."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _private_temp(folder: Path) -> Path:
    """A new empty file, readable by this user only, that no listing shows."""
    while True:
        path = folder / f"{PARTIAL_PREFIX}{secrets.token_hex(6)}{SUFFIX}"
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            continue
        return path


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def remove_stale_partials(folder: Path, older_than_s: float = 3600) -> None:
    """Leftovers of a backup that was killed; young ones may belong to a running backup."""
    if not folder.is_dir():
        return
    now = datetime.now().timestamp()
    for path in folder.glob(f"{PARTIAL_PREFIX}*"):
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > older_than_s:
                path.unlink()


# -- listing ----------------------------------------------------------------------------


def list_backups(folder: Path) -> list[BackupInfo]:
    """Finished backups in the folder, newest first. Partial files are never listed."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        try:
            made_at = datetime.strptime(match.group(1), _STAMP)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupInfo(path, made_at, size, bool(match.group(3))))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def backup_name(folder: Path, when: datetime, *, before_restore: bool = False) -> Path:
    """tend-2026-12-01-145000.tendbackup, with -2, -3... if that second is taken."""
    stem = f"tend-{when.strftime(_STAMP)}"
    tail = f"-{BEFORE_RESTORE}" if before_restore else ""
    path = folder / f"{stem}{tail}{SUFFIX}"
    count = 2
    while path.exists():
        path = folder / f"{stem}-{count}{tail}{SUFFIX}"
        count += 1
    return path


def due_today(folder: Path, today: date) -> bool:
    """True when no daily backup has been made today yet."""
    return not any(b.made_at.date() == today and not b.before_restore for b in list_backups(folder))


def rotate(folder: Path, keep: int) -> list[Path]:
    """Delete the oldest backups beyond ``keep``; copies kept before a restore stay."""
    keep = max(MIN_KEPT, min(MAX_KEPT, int(keep)))
    daily = [b for b in list_backups(folder) if not b.before_restore]
    removed = []
    for old in daily[keep:]:
        with contextlib.suppress(FileNotFoundError):
            old.path.unlink()
            removed.append(old.path)
    return removed


# -- checking ---------------------------------------------------------------------------


def _looks_like_text(path: Path) -> bool:
    """An encrypted file starts with random bytes; notes or JSON start with letters."""
    with path.open("rb") as f:
        head = f.read(64)
    return all(32 <= byte < 127 or byte in (9, 10, 13) for byte in head)


def verify(path: Path, passphrase: str, *, read_only: bool = True) -> int:
    """Prove a backup file: it opens, passes both integrity checks, and is not from a
    newer Tend. Returns its schema version. Read-only by default: nothing is changed."""
    if not path.is_file() or path.stat().st_size == 0 or _looks_like_text(path):
        raise NotABackup()
    try:
        conn = _connect(path, passphrase, read_only=read_only)
    except VaultError:
        raise NotABackup() from None
    try:
        version = Vault._verify(conn, path)
        if Vault(path, conn).integrity_problems():
            raise DamagedBackup()
        return version
    except WrongPassphrase:
        raise WrongBackupPassphrase() from None
    except NewerVersion:
        raise NewerBackup() from None
    except DamagedVault:
        raise DamagedBackup() from None
    except VaultError:
        raise NotABackup() from None
    finally:
        conn.close()


# -- making a backup ----------------------------------------------------------------------


def make_backup(
    vault: Vault,
    dest: Path,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    overwrite: bool = False,
) -> Path:
    """Write a verified encrypted backup of ``vault`` to ``dest``.

    Safe to call on a worker thread: it opens its own connections and never touches the
    vault's. The file appears at ``dest`` only once it is complete and checked.
    """
    dest = Path(dest)
    folder = dest.parent
    if dest.exists() and not overwrite:
        raise FileExistsError(17, "a file with that name exists already", str(dest))
    temp = _private_temp(folder)
    try:
        source = vault.second_connection()
        try:
            target = _connect(temp, vault._passphrase)
            try:
                _copy_pages(source.connection, target, progress, cancel)
                # A backup is one self-contained file: no write-ahead log beside it.
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
        finally:
            source.close()
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        verify(temp, vault._passphrase)
        _fsync_file(temp)
        os.replace(temp, dest)
        fsync_dir(folder)
    except BaseException:
        _remove(temp)
        raise
    return dest


def _copy_pages(source, target, progress: Progress | None, cancel: threading.Event | None):
    def step(_status: int, remaining: int, total: int) -> None:
        if cancel is not None and cancel.is_set():
            raise Cancelled()  # the driver stops the copy when the callback raises
        if progress is not None:
            progress(total - remaining, total)

    source.backup(target, pages=PAGES_PER_STEP, progress=step)
    if progress is not None:
        pages = source.execute("PRAGMA page_count").fetchone()[0]
        progress(pages, pages)


def backup_into_folder(
    vault: Vault,
    paths: Paths,
    when: datetime,
    keep: int,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Path:
    """One backup in the backups folder, then the oldest beyond ``keep`` go."""
    folder = paths.ensure_backups_dir()
    remove_stale_partials(folder)
    made = make_backup(
        vault, backup_name(folder, when), progress=progress, cancel=cancel, overwrite=False
    )
    rotate(folder, keep)
    return made


def daily_backup(
    vault: Vault, paths: Paths, when: datetime, keep: int, cancel: threading.Event | None = None
) -> Path | None:
    """The automatic backup after unlocking: at most one a day. None if one exists."""
    if not due_today(paths.backups, when.date()):
        return None
    return backup_into_folder(vault, paths, when, keep, cancel=cancel)


# -- restoring ----------------------------------------------------------------------------


@dataclass
class PreparedRestore:
    """A checked, migrated copy of a backup waiting beside the vault to be swapped in."""

    paths: Paths
    staged: Path
    version: int

    def commit(self, when: datetime) -> Path | None:
        """Keep the current vault as a backup, then swap the staged copy in atomically.

        Call it with the vault closed. Returns where the previous vault was kept. Raises
        AlreadyOpen, changing nothing, while a window has the vault open: its later saves
        would otherwise land in the file kept aside.
        """
        lock = InstanceLock.take(self.paths.vault)
        try:
            return self._swap(when)
        finally:
            lock.release()

    def _swap(self, when: datetime) -> Path | None:
        vault = self.paths.vault
        kept = None
        if vault.exists():
            folder = self.paths.ensure_backups_dir()
            kept = backup_name(folder, when, before_restore=True)
            _keep(vault, kept)
            wal = Path(f"{vault}-wal")
            if wal.exists():  # committed words not yet folded in: they travel with it
                _keep(wal, Path(f"{kept}-wal"))
            fsync_dir(folder)
        # The old log and index belong to the old file, which is kept whole above.
        for suffix in ("-wal", "-shm"):
            Path(f"{vault}{suffix}").unlink(missing_ok=True)
        _fsync_file(self.staged)
        os.replace(self.staged, vault)
        fsync_dir(vault.parent)
        return kept

    def discard(self) -> None:
        _remove(self.staged)


def _keep(source: Path, kept: Path) -> None:
    """A second name for the current file (or a private copy where links are refused)."""
    try:
        os.link(source, kept)
    except OSError:
        fd = os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())


def prepare_restore(paths: Paths, source: Path, passphrase: str) -> PreparedRestore:
    """Check a backup and stage a migrated copy of it; the vault is not touched.

    Raises WrongBackupPassphrase, DamagedBackup, NewerBackup or NotABackup with nothing
    changed.
    """
    source = Path(source)
    if not source.is_file():
        raise NotABackup("There is no file there. Nothing was changed.")
    paths.ensure_data_dir()
    remove_stale_partials(paths.data_dir)  # a restore killed while checking, long ago
    staged = _private_temp(paths.data_dir)
    try:
        # Checked as a private copy: the chosen file is only ever read.
        with source.open("rb") as src, staged.open("wb") as out:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
        verify(staged, passphrase, read_only=False)
        try:
            opened = Vault.open(staged, passphrase)  # migrates an older schema
        except VaultError:
            raise DamagedBackup() from None
        try:
            version = opened.version
            if opened.integrity_problems():
                raise DamagedBackup()
        finally:
            opened.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{staged}{suffix}").unlink(missing_ok=True)
    except BaseException:
        _remove(staged)
        raise
    return PreparedRestore(paths, staged, version)
