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
    Migration(
        "practise: saved attempts with their coach analysis, and starred repair phrases",
        """
        CREATE TABLE practice_attempts (
            id          INTEGER PRIMARY KEY,
            exercise    TEXT NOT NULL,
            scenario_id TEXT,
            text        TEXT NOT NULL,
            analysis    TEXT NOT NULL,
            score       INTEGER,
            harsh       INTEGER NOT NULL DEFAULT 0,
            created_at  TEXT NOT NULL
        ) STRICT;
        CREATE INDEX practice_attempts_by_time ON practice_attempts(created_at DESC, id DESC);

        CREATE TABLE practice_favourites (
            phrase_id  TEXT PRIMARY KEY,
            starred_at TEXT NOT NULL
        ) STRICT;
        """,
    ),
)

LATEST = len(MIGRATIONS)
