"""The vault's schema history: one ordered list; a vault at version N has run the first N.

Never edit a migration that has shipped; append a new one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    description: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "settings that may say something about the user",
        """
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        """,
    ),
)

LATEST = len(MIGRATIONS)
