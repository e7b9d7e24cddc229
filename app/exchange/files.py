"""Writing plaintext safely: private permissions from the first byte, and atomically."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path

from app.vault.backup import fsync_dir

TEMP_PREFIX = ".tend-partial-"


def make_private_dir(folder: Path) -> Path:
    """Create a folder readable by this user only (0700), parents as needed."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.mkdir(mode=0o700)
    os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask
    return folder


def write_private(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write a new 0600 file; the caller renames it (or its folder) into place.

    ``sync=False`` leaves the flush to one sync of the whole folder at the end: a
    fsync per file made a Markdown export of 10,000 entries take 45 s instead of 2.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        if sync:
            os.fsync(out.fileno())


def temp_beside(target: Path, suffix: str = "") -> Path:
    """A fresh name in the target's folder: a rename from it never crosses a disk."""
    return target.parent / f"{TEMP_PREFIX}{secrets.token_hex(6)}{suffix}"


def write_file_atomically(target: Path, data: bytes) -> Path:
    """The whole file appears at ``target``, or nothing does."""
    target = Path(target)
    if target.is_dir():
        raise IsADirectoryError(21, "that is a folder; choose a file name", str(target))
    temp = temp_beside(target, ".tmp")
    try:
        write_private(temp, data)
        os.replace(temp, target)
        fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    return target


def publish_dir(staging: Path, target: Path) -> Path:
    """Rename a finished staging folder to ``target`` (which must be new or empty)."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FileExistsError(
            17, "that folder is not empty; choose a new or empty one", str(target)
        )
    os.replace(staging, target)  # replaces an empty folder in one step
    fsync_dir(target.parent)
    return target


def discard_dir(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
