"""The encrypted vault. No Qt here: the layer contract in pyproject.toml checks it."""

from app.vault.errors import (
    AlreadyOpen,
    CannotOpen,
    CannotWrite,
    DamagedVault,
    DiskFull,
    EmptyPassphrase,
    NewerVersion,
    NotAVault,
    PassphraseChanged,
    PassphraseNotChanged,
    QueryRejected,
    ReadOnlyPlace,
    VaultBusy,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WrongPassphrase,
)
from app.vault.settings import Setting, Settings
from app.vault.vault import Connection, Vault

__all__ = [
    "AlreadyOpen",
    "CannotOpen",
    "CannotWrite",
    "Connection",
    "DamagedVault",
    "DiskFull",
    "EmptyPassphrase",
    "NewerVersion",
    "NotAVault",
    "PassphraseChanged",
    "PassphraseNotChanged",
    "QueryRejected",
    "ReadOnlyPlace",
    "Setting",
    "Settings",
    "Vault",
    "VaultBusy",
    "VaultError",
    "VaultExists",
    "VaultLocked",
    "VaultMissing",
    "WrongPassphrase",
]
