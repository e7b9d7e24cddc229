"""Reflect's migration runs on a vault made before it, keeping what was there."""

from __future__ import annotations

import re
from datetime import date

from app.reflect.model import Entry
from app.reflect.store import ReflectStore
from app.vault import Settings, Vault
from app.vault.migrations import MIGRATIONS
from tests.conftest import PASSPHRASE

REFLECT_VERSION = next(i + 1 for i, m in enumerate(MIGRATIONS) if "reflect_entries" in m.sql)


def test_reflect_tables_arrive_in_an_older_vault_with_data(paths, monkeypatch, clock):
    paths.ensure_data_dir()
    older = REFLECT_VERSION - 1
    with monkeypatch.context() as patch:
        patch.setattr("app.vault.vault.LATEST", older)
        with Vault.create(paths.vault, PASSPHRASE) as vault:
            assert vault.version == older
            Settings(vault).set("theme-note", "kept")
    with Vault.open(paths.vault, PASSPHRASE) as vault:
        assert vault.version == len(MIGRATIONS)
        assert Settings(vault).get("theme-note") == "kept"
        store = ReflectStore(vault, clock)
        entry = store.create(Entry(entry_date=date(2026, 1, 2), body="first entry"))
        assert [h.row.id for h in store.search("first")] == [entry.id]
        assert vault.integrity_problems() == []


def test_reflect_tables_are_prefixed():
    sql = MIGRATIONS[REFLECT_VERSION - 1].sql

    created = re.findall(r"CREATE (?:VIRTUAL )?(?:TABLE|INDEX|TRIGGER) (\w+)", sql)
    assert created
    assert all(name.startswith("reflect_") for name in created)
