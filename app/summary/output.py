"""Write finished bytes to the one path the person chose, and nowhere else. Qt-free.

The document is rendered in memory first, so the only thing that can fail here is the
disk itself; then the half-written file is removed. No temporary file is made beside it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


class OutputError(Exception):
    """The file could not be written; the message names the path, never the contents."""


def write_document(path: Path, data: bytes, *, force: bool = False) -> None:
    """Create `path` with `data`; refuse an existing file unless `force`."""
    if path.is_dir():
        raise OutputError(f"{path} is a folder; give a file name, for example summary.pdf.")
    if not path.parent.is_dir():
        raise OutputError(f"The folder {path.parent} does not exist.")
    existed = path.exists()
    if existed and not force:
        raise OutputError(f"{path} already exists; choose another name, or use --force.")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | (0 if force else os.O_EXCL)
    try:
        fd = os.open(path, flags, 0o600)  # private: only you can read what you wrote
    except FileExistsError:
        raise OutputError(f"{path} already exists; choose another name, or use --force.") from None
    except OSError as exc:
        raise OutputError(f"Cannot write {path}: {exc.strerror or 'input/output error'}.") from None
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        with contextlib.suppress(OSError):
            path.unlink()  # leave no half-written file behind
        raise OutputError(f"Cannot write {path}: {exc.strerror or 'input/output error'}.") from None
