"""Every earlier schema version, with data in it, opens and migrates to the latest."""

from __future__ import annotations

import pytest

from app.vault import Vault
from app.vault.migrations import LATEST, MIGRATIONS
from app.vault.vault import APPLICATION_ID, _apply_pragmas, _connect, _migrate
from tests.conftest import PASSPHRASE

# Rows to put in after each migration, as a person's data would be; checked afterwards.
# Keyed by the migration's description: (insert statements, check query, expected).
SAMPLES: dict[str, tuple[list[str], str, object]] = {
    "settings that may say something about the user": (
        ["INSERT INTO settings(key, value) VALUES ('autolock_minutes', '9')"],
        "SELECT value FROM settings WHERE key = 'autolock_minutes'",
        "9",
    ),
    "breathe: custom breathing patterns and the session log": (
        [
            "INSERT INTO breathe_patterns VALUES (1, 'Evening', 40, 0, 60, 10)",
            "INSERT INTO breathe_sessions VALUES (1, 'box', 'Box', '2026-01-02T09:00:00Z',"
            " '2026-01-02', 60000, 61000, 1, 2, 4)",
        ],
        "SELECT name || ':' || (SELECT calm_after FROM breathe_sessions) FROM breathe_patterns",
        "Evening:4",
    ),
    "reflect: journal entries, their tags and feelings, full-text search, prompt log": (
        [
            "INSERT INTO reflect_entries(kind, entry_date, title, body, display_title,"
            " created_at, updated_at) VALUES ('reflection', '2026-01-02', '', 'We walked"
            " by the river', 'We walked by the river', '2026-01-02T09:00', '2026-01-02T09:00')",
        ],
        "SELECT display_title FROM reflect_entries"
        " WHERE id IN (SELECT rowid FROM reflect_fts WHERE reflect_fts MATCH 'river')",
        "We walked by the river",
    ),
    "practise: saved attempts with their coach analysis, and starred repair phrases": (
        [
            "INSERT INTO practice_attempts(exercise, text, analysis, score, harsh, created_at)"
            " VALUES ('startup', 'When I noticed...', '{}', 88, 0, '2026-01-02T09:00:00Z')",
            "INSERT INTO practice_favourites VALUES ('sorry-1', '2026-01-02T09:00:00Z')",
        ],
        "SELECT score || ':' || (SELECT phrase_id FROM practice_favourites) FROM practice_attempts",
        "88:sorry-1",
    ),
    "practise: the local day of each attempt, for daily activity": (
        [
            "INSERT INTO practice_attempts(exercise, text, analysis, score, harsh, created_at,"
            " local_day) VALUES ('rewrite', 'Could we...', '{}', 70, 0,"
            " '2026-01-03T10:00:00+00:00', '2026-01-03')",
        ],
        "SELECT count(*) FROM practice_attempts WHERE local_day IS NOT NULL",
        2,
    ),
    "practise: drafts move from settings into their own table": (
        ["INSERT INTO practice_drafts VALUES ('listening', '{\"text\": \"So you felt\"}')"],
        "SELECT json_extract(draft, '$.text') FROM practice_drafts WHERE exercise = 'listening'",
        "So you felt",
    ),
    "practise: attempts can be starred and marked shareable for summaries": (
        ["UPDATE practice_attempts SET shareable = 1 WHERE score = 70"],
        "SELECT group_concat(score) FROM practice_attempts WHERE shareable = 1",
        "70",
    ),
    "progress: shared and personal goals with their check-ins": (
        [
            "INSERT INTO progress_goals(id, title, kind, started_on, created_at, updated_at)"
            " VALUES (1, 'Walk together on Sundays', 'shared', '2026-01-04',"
            " '2026-01-04T09:00', '2026-01-04T09:00')",
            "INSERT INTO progress_checkins(goal_id, day, note) VALUES (1, '2026-01-11', 'Did it')",
        ],
        "SELECT title || ':' || (SELECT note FROM progress_checkins) FROM progress_goals",
        "Walk together on Sundays:Did it",
    ),
    "reflect: emoji and other symbols become searchable words": (
        [
            "INSERT INTO reflect_entries(kind, entry_date, title, body, display_title,"
            " created_at, updated_at) VALUES ('reflection', '2026-01-05', 'Sunday \U0001f33b',"
            " 'Tea in the garden', 'Sunday', '2026-01-05T09:00', '2026-01-05T09:00')",
        ],
        "SELECT group_concat(rowid) FROM reflect_fts"
        " WHERE reflect_fts MATCH '\"\U0001f33b\" OR river'",
        "1,2",
    ),
}


def sample(step: int) -> tuple[list[str], str, object]:
    return SAMPLES[MIGRATIONS[step].description]


def test_every_migration_has_a_sample():
    assert set(SAMPLES) == {m.description for m in MIGRATIONS}


def build_vault_at(path, version: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = _connect(path, PASSPHRASE)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    _apply_pragmas(conn, 2048)
    for step in range(version):
        _migrate(conn, step, step + 1)
        for statement in sample(step)[0]:
            conn.execute(statement)
    conn.close()


@pytest.mark.parametrize("version", range(LATEST))
def test_migrates_from_every_earlier_version(tmp_path, version):
    path = tmp_path / "tend.db"
    build_vault_at(path, version)
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.version == LATEST
        for step in range(version):
            _, query, expected = sample(step)
            assert vault.connection.execute(query).fetchone()[0] == expected
        assert vault.integrity_problems() == []


def test_migrations_are_described():
    assert all(m.description and m.sql.strip() for m in MIGRATIONS)


def test_practice_drafts_leave_settings_for_their_own_table(tmp_path):
    path = tmp_path / "tend.db"
    build_vault_at(path, 5)
    conn = _connect(path, PASSPHRASE)
    conn.execute(
        "INSERT INTO settings VALUES ('practice.draft.startup', '{\"noticed\": \"the sink\"}')"
    )
    conn.execute("INSERT INTO settings VALUES ('practice.draft.rewrite', 'null')")
    conn.close()
    with Vault.open(path, PASSPHRASE) as vault:
        conn = vault.connection
        assert conn.execute("SELECT exercise, draft FROM practice_drafts").fetchall() == [
            ("startup", '{"noticed": "the sink"}')
        ]
        assert (
            conn.execute("SELECT count(*) FROM settings WHERE key LIKE 'practice.%'").fetchone()[0]
            == 0
        )
