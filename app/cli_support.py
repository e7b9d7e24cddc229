"""What headless subcommands share: the passphrase and the vault. Imports no Qt."""

from __future__ import annotations

import os
import sys
from argparse import Namespace
from getpass import getpass
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import Paths

if TYPE_CHECKING:
    from app.vault import Vault

PASSPHRASE_ENV = "TEND_PASSPHRASE"

# Characters that would let stored text steer a terminal: bidi controls reorder what
# follows them (a title could show one thing and mean another), and C0/C1 controls
# (ESC above all) start escape sequences. Shown as U+FFFD instead.
_STEERING = {
    **{c: "\ufffd" for c in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F))},
    **{c: "\ufffd" for c in range(0x2066, 0x206A)},
    **{c: "\ufffd" for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)) if c != 0x09},
}


def for_terminal(text: str) -> str:
    """Text as it may be shown on a terminal: no bidi or control characters left raw."""
    return text.translate(_STEERING)


class UserError(Exception):
    """A condition the person can fix; its message is printed, never a traceback."""


def paths_of(args: Namespace) -> Paths:
    return Paths.resolve(getattr(args, "data_dir", None))


def read_passphrase(args: Namespace, *, confirm: bool = False) -> str:
    """From --passphrase-file, else $TEND_PASSPHRASE, else a terminal prompt without echo."""
    file = getattr(args, "passphrase_file", None)
    if file:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise UserError(f"Cannot read the passphrase file {file}.") from None
        # One trailing line break is the file's, not the passphrase's.
        return text.removesuffix("\n").removesuffix("\r")
    if PASSPHRASE_ENV in os.environ:
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise UserError(f"No passphrase given: use --passphrase-file FILE or set {PASSPHRASE_ENV}.")
    try:
        passphrase = getpass("Passphrase: ")
        again = getpass("Passphrase again: ") if confirm else passphrase
    except EOFError:
        raise UserError("No passphrase given.") from None
    if again != passphrase:
        raise UserError("The two passphrases differ; nothing was created.")
    return passphrase


def open_vault(args: Namespace, *, read_only: bool = False) -> Vault:
    from app.vault import Vault

    return Vault.open(paths_of(args).vault, read_passphrase(args), read_only=read_only)


def open_for_reading(args: Namespace) -> Vault:
    """Read-only, so reading works in a read-only folder or on a full disk and leaves
    the folder as it was; a vault from an older Tend is opened to be brought up to date."""
    from app.vault import Vault
    from app.vault.migrations import LATEST

    path, passphrase = paths_of(args).vault, read_passphrase(args)
    vault = Vault.open(path, passphrase, read_only=True)
    if vault.version >= LATEST:
        return vault
    vault.close()
    return Vault.open(path, passphrase)


def open_for_writing(args: Namespace) -> Vault:
    """Open to write, having proved every page sound: a damaged file gets no new words."""
    vault = open_vault(args)
    try:
        vault.check_pages()
    except BaseException:
        vault.close()
        raise
    return vault
