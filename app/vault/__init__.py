"""The encrypted vault. No Qt here: the layer contract in pyproject.toml checks it."""

from app.vault.errors import (
    CannotWrite,
    DamagedVault,
    DiskFull,
    EmptyPassphrase,
    NewerVersion,
    NotAVault,
    PassphraseNotChanged,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WrongPassphrase,
)
from app.vault.settings import Settings
from app.vault.vault import Connection, Vault

__all__ = [
    "CannotWrite",
    "Connection",
    "DamagedVault",
    "DiskFull",
    "EmptyPassphrase",
    "NewerVersion",
    "NotAVault",
    "PassphraseNotChanged",
    "Settings",
    "Vault",
    "VaultError",
    "VaultExists",
    "VaultLocked",
    "VaultMissing",
    "WrongPassphrase",
]
