"""Settings that may say something about the user: kept inside the vault."""

from __future__ import annotations

import json
from typing import Any

from app.vault.vault import Vault


class Settings:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def get(self, key: str, default: Any = None) -> Any:
        row = self._vault.connection.execute(
            "SELECT value FROM settings WHERE key = ?", (key,)
        ).fetchone()
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        with self._vault.transaction() as conn:
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )
