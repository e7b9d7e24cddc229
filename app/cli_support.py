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
TRIES = 3  # on a terminal, as many as the unlock dialog gives before a pause to think

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
    """A condition the person can fix; its message is printed, never a traceback. Exit 1."""

    code = 1


class BadValue(UserError):
    """A value on the command line Tend cannot use: a usage mistake, exit 2 as argparse's."""

    code = 2


def paths_of(args: Namespace) -> Paths:
    return Paths.resolve(getattr(args, "data_dir", None))


def prompts(args: Namespace) -> bool:
    """Whether the passphrase will be typed at a terminal (not read from a file or $ENV)."""
    return not getattr(args, "passphrase_file", None) and PASSPHRASE_ENV not in os.environ


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
    path = paths_of(args).vault
    return _open_with_tries(args, path, read_only=read_only)[0]


def _open_with_tries(args: Namespace, path: Path, *, read_only: bool) -> tuple[Vault, str]:
    """The vault and the passphrase that opened it; three tries when typed at a terminal."""
    from app.vault import Vault, WrongPassphrase

    if not path.exists():
        raise UserError(
            f"There is no Tend vault at {path} yet. `tend init` creates one; "
            "if yours is elsewhere, point --data-dir at its folder."
        )
    tries = TRIES if prompts(args) else 1
    for attempt in range(1, tries + 1):
        passphrase = read_passphrase(args)
        try:
            return Vault.open(path, passphrase, read_only=read_only), passphrase
        except WrongPassphrase:
            if attempt == tries:
                raise
            print("That passphrase does not open this vault. Try again.", file=sys.stderr)
    raise AssertionError("unreachable")


def confirm_weak(passphrase: str, args: Namespace) -> None:
    """Say how weak a new passphrase is, as the window does; at a terminal, ask first."""
    from app.vault.passphrase import strength

    level = strength(passphrase)
    if level.score > 1:
        return
    print(f"tend: {level.hint}", file=sys.stderr)
    if not (prompts(args) and sys.stdin.isatty()):
        return  # a script chose it on purpose; the warning is enough
    try:
        answer = input("Use it anyway? [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("y", "yes"):
        raise UserError("Nothing was created. Run `tend init` again with a longer passphrase.")


def open_for_reading(args: Namespace) -> Vault:
    """Read-only, so reading works in a read-only folder or on a full disk and leaves
    the folder as it was; a vault from an older Tend is opened to be brought up to date."""
    from app.vault import Vault
    from app.vault.migrations import LATEST

    path = paths_of(args).vault
    vault, passphrase = _open_with_tries(args, path, read_only=True)
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
