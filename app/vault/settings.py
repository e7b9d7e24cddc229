"""Settings that may say something about the user: kept inside the vault.

Each area declares the settings it uses once, beside itself, as ``Setting(key,
default)`` constants, and reads them with ``settings.read(SETTING)``, so a key and its
default are never repeated at each use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from app.vault.errors import VaultError

if TYPE_CHECKING:
    from app.vault.vault import Vault

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T


class Settings:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def read(self, setting: Setting[T]) -> T:
        """The stored value, or the default when none is stored or it has the wrong type
        (written by an older version, say)."""
        value = self.get(setting.key, setting.default)
        default = setting.default
        if default is not None and not isinstance(value, type(default)):
            return default
        if isinstance(default, int) and not isinstance(default, bool) and isinstance(value, bool):
            return default  # JSON true is not a number of minutes
        return value

    def write(self, setting: Setting[T], value: T) -> None:
        self.set(setting.key, value)

    def get(self, key: str, default: Any = None) -> Any:
        """The stored value, or the default; also the default when the vault cannot be
        read (damaged, or its key changed elsewhere): the vault has already told its
        listeners, and a preference is never worth a second message."""
        try:
            row = self._vault.connection.execute(
                "SELECT value FROM settings WHERE key = ?", (key,)
            ).fetchone()
        except VaultError:
            if self._vault.problem is None:
                raise
            return default
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        with self._vault.transaction() as conn:
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )
