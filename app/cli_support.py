"""What headless subcommands share: finding and unlocking the vault.

A minimal version written by the Reflect task; the lead reconciles it with the
dispatcher. No Qt here.
"""

from __future__ import annotations

import argparse
import os
import sys

from app.paths import Paths
from app.vault import Vault, VaultError

PASSPHRASE_ENV = "TEND_PASSPHRASE"


def read_passphrase(args: argparse.Namespace) -> str:
    """From --passphrase-file, else TEND_PASSPHRASE, else a no-echo prompt on a terminal."""
    source = getattr(args, "passphrase_file", None)
    if source:
        try:
            with open(source, encoding="utf-8") as f:
                text = f.read()
        except OSError:
            raise VaultError("The passphrase file could not be read.") from None
        # One trailing newline is how files end, not part of the passphrase.
        return text.removesuffix("\n").removesuffix("\r")
    if PASSPHRASE_ENV in os.environ:
        return os.environ[PASSPHRASE_ENV]
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass("Passphrase: ")
    raise VaultError(
        f"Tend needs your passphrase: use --passphrase-file FILE or set {PASSPHRASE_ENV}."
    )


def open_vault(args: argparse.Namespace) -> Vault:
    """The vault named by --data-dir (or the default place), unlocked."""
    paths = Paths.resolve(getattr(args, "data_dir", None))
    return Vault.open(paths.vault, read_passphrase(args))
