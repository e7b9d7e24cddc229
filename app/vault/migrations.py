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
        "breathe: custom breathing patterns and the session log",
        """
        CREATE TABLE breathe_patterns (
            id             INTEGER PRIMARY KEY,
            name           TEXT NOT NULL COLLATE NOCASE UNIQUE,
            inhale_tenths  INTEGER NOT NULL CHECK (inhale_tenths BETWEEN 1 AND 300),
            hold_in_tenths INTEGER NOT NULL CHECK (hold_in_tenths BETWEEN 0 AND 300),
            exhale_tenths  INTEGER NOT NULL CHECK (exhale_tenths BETWEEN 1 AND 300),
            hold_out_tenths INTEGER NOT NULL CHECK (hold_out_tenths BETWEEN 0 AND 300)
        ) STRICT;

        CREATE TABLE breathe_sessions (
            id           INTEGER PRIMARY KEY,
            pattern_id   TEXT NOT NULL,
            pattern_name TEXT NOT NULL,
            started_utc  TEXT NOT NULL,
            started_on   TEXT NOT NULL,
            planned_ms   INTEGER NOT NULL CHECK (planned_ms > 0),
            actual_ms    INTEGER NOT NULL CHECK (actual_ms >= 0),
            finished     INTEGER NOT NULL CHECK (finished IN (0, 1)),
            calm_before  INTEGER CHECK (calm_before BETWEEN 1 AND 5),
            calm_after   INTEGER CHECK (calm_after BETWEEN 1 AND 5)
        ) STRICT;
        CREATE INDEX breathe_sessions_by_start ON breathe_sessions (started_utc, id);
        CREATE INDEX breathe_sessions_by_day ON breathe_sessions (started_on);
        """,
    ),
)

LATEST = len(MIGRATIONS)
