"""Writing an export where the person chose: plaintext, private (0600/0700), atomic.

Both exports are plaintext by nature, which the window and the terminal say before
writing them; Tend never exports on its own.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from app.exchange import markdown, tend_json
from app.exchange.bundle import collect
from app.exchange.files import (
    discard_dir,
    fsync_dir,
    make_private_dir,
    publish_dir,
    temp_beside,
    write_file_atomically,
    write_private,
)
from app.vault import Vault
from app.vault.backup import Cancelled

Progress = Callable[[int, int], None]
FORMATS = ("md", "json")

PLAINTEXT_WARNING = (
    "An export is plain text: anyone who can open the files can read every word, "
    "without your passphrase. Keep it somewhere private and delete it when you are done."
)


def export_json(
    vault: Vault,
    target: Path,
    when: datetime,
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> int:
    """Everything a person wrote, in one JSON file; returns how many items it holds."""
    target = Path(target)
    if target.exists() and not overwrite:
        raise FileExistsError(17, "a file with that name exists already", str(target))
    bundle = collect(vault)
    write_file_atomically(target, tend_json.dumps(bundle, when))
    if progress is not None:
        progress(bundle.size, bundle.size)
    return bundle.size


def export_markdown(
    vault: Vault,
    target: Path,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """One Markdown file per entry in a new (or empty) folder; returns how many."""
    from app.exchange.bundle import entries_oldest_first

    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FileExistsError(
            17, "that folder is not empty; choose a new or empty one", str(target)
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    entries = entries_oldest_first(vault)
    staging = make_private_dir(temp_beside(target))
    try:
        for number, entry in enumerate(entries, 1):
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            path = staging / markdown.file_name(entry, number)
            write_private(path, markdown.entry_markdown(entry).encode("utf-8"), sync=False)
            if progress is not None:
                progress(number, len(entries))
        os.sync()  # every file on disk before the folder appears under its name
        fsync_dir(staging)
        publish_dir(staging, target)
    except BaseException:
        discard_dir(staging)
        raise
    return len(entries)
