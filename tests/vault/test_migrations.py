"""Every earlier schema version, with data in it, opens and migrates to the latest."""

from __future__ import annotations

import pytest

from app.vault import Vault
from app.vault.migrations import LATEST, MIGRATIONS
from app.vault.vault import APPLICATION_ID, _apply_pragmas, _connect, _migrate
from tests.conftest import PASSPHRASE

# Rows to put in after each migration, as a person's data would be; checked afterwards.
# When you append a migration, append its sample here: (insert statements, check query, expected).
SAMPLES: dict[int, tuple[list[str], str, object]] = {
    1: (
        ["INSERT INTO settings(key, value) VALUES ('autolock_minutes', '9')"],
        "SELECT value FROM settings WHERE key = 'autolock_minutes'",
        "9",
    ),
}


def test_every_migration_has_a_sample():
    assert set(SAMPLES) == set(range(1, LATEST + 1))


def build_vault_at(path, version: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = _connect(path, PASSPHRASE)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    _apply_pragmas(conn, 2048)
    for step in range(version):
        _migrate(conn, step, step + 1)
        for statement in SAMPLES[step + 1][0]:
            conn.execute(statement)
    conn.close()


@pytest.mark.parametrize("version", range(LATEST))
def test_migrates_from_every_earlier_version(tmp_path, version):
    path = tmp_path / "tend.db"
    build_vault_at(path, version)
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.version == LATEST
        for step in range(1, version + 1):
            _, query, expected = SAMPLES[step]
            assert vault.connection.execute(query).fetchone()[0] == expected
        assert vault.integrity_problems() == []


def test_migrations_are_described():
    assert all(m.description and m.sql.strip() for m in MIGRATIONS)
