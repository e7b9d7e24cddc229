"""The encrypted vault. No Qt here: the layer contract in pyproject.toml checks it.

Names are loaded when first used, so code that only needs the error types or
``Setting`` (the unlock dialog's session, say) does not load the database driver
before the first window is on screen.
"""

from __future__ import annotations

import importlib
from typing import Any

_ERRORS = (
    "AlreadyOpen",
    "CannotOpen",
    "CannotWrite",
    "DamagedVault",
    "DiskFull",
    "EmptyPassphrase",
    "NewerVersion",
    "NotAVault",
    "PassphraseChanged",
    "PassphraseNotChanged",
    "QueryRejected",
    "ReadOnlyPlace",
    "VaultBusy",
    "VaultError",
    "VaultExists",
    "VaultLocked",
    "VaultMissing",
    "WrongPassphrase",
)
# Where each public name lives.
_HOME = {
    **dict.fromkeys(_ERRORS, "app.vault.errors"),
    "Setting": "app.vault.settings",
    "Settings": "app.vault.settings",
    "Connection": "app.vault.vault",
    "Vault": "app.vault.vault",
}

__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'app.vault' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # once found, a plain attribute from then on
    return value
