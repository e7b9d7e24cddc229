"""The encrypted vault. No Qt here: the layer contract in pyproject.toml checks it."""

from app.vault.errors import (
    CannotOpen,
    CannotWrite,
    DamagedVault,
    DiskFull,
    EmptyPassphrase,
    NewerVersion,
    NotAVault,
    PassphraseNotChanged,
    QueryRejected,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WrongPassphrase,
)
from app.vault.settings import Setting, Settings
from app.vault.vault import Connection, Vault

__all__ = [
    "CannotOpen",
    "CannotWrite",
    "Connection",
    "DamagedVault",
    "DiskFull",
    "EmptyPassphrase",
    "NewerVersion",
    "NotAVault",
    "PassphraseNotChanged",
    "QueryRejected",
    "Setting",
    "Settings",
    "Vault",
    "VaultError",
    "VaultExists",
    "VaultLocked",
    "VaultMissing",
    "WrongPassphrase",
]
