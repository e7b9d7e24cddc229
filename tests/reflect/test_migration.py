"""Reflect's migration runs on a vault made before it, keeping what was there."""

from __future__ import annotations

import re

from app.vault.migrations import MIGRATIONS

REFLECT_VERSION = next(i + 1 for i, m in enumerate(MIGRATIONS) if "reflect_entries" in m.sql)


# Migrating an older vault with data in it is covered for every migration, Reflect's
# included, by tests/vault/test_migrations.py.


def test_reflect_tables_are_prefixed():
    sql = MIGRATIONS[REFLECT_VERSION - 1].sql

    created = re.findall(r"CREATE (?:VIRTUAL )?(?:TABLE|INDEX|TRIGGER) (\w+)", sql)
    assert created
    assert all(name.startswith("reflect_") for name in created)
