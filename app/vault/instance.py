"""One window per vault: an advisory lock on a small file beside it.

Two windows each holding an entry in memory would overwrite each other's saves, so
the window takes this lock while the vault is unlocked and a second window is told
plainly that Tend is already open. The lock is flock(2) on ``tend.db.lock``: the
kernel drops it when the process ends, however it ends, so a crash never leaves a
vault that cannot be opened. The terminal commands do not take it: they write single
entries in their own transactions, which the window picks up when it lists again.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from app.vault.errors import AlreadyOpen


def lock_path(vault_path: Path) -> Path:
    return Path(f"{vault_path}.lock")


class InstanceLock:
    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    @classmethod
    def take(cls, vault_path: Path) -> InstanceLock:
        """Hold the lock, or raise AlreadyOpen when another process holds it."""
        try:
            fd = os.open(lock_path(vault_path), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError:
            # A read-only folder: nothing can be written there by anyone, so there is
            # nothing to guard; the open itself says why saving will not work.
            return cls(None)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise AlreadyOpen() from None
        return cls(fd)

    @staticmethod
    def held_elsewhere(vault_path: Path) -> bool:
        """Whether another process holds the lock now (it is not taken here)."""
        try:
            fd = os.open(lock_path(vault_path), os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            return False  # no lock file: nobody has ever held it
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        finally:
            os.close(fd)  # closing also drops the shared lock just taken
        return False

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
