"""The Breathe migration, applied to a vault written before it existed."""

from __future__ import annotations

from datetime import datetime

from app.breathe.model import BreathSession, Timings
from app.breathe.store import BreatheStore
from app.vault import Settings, Vault
from app.vault import vault as vault_module
from app.vault.migrations import LATEST, MIGRATIONS
from tests.conftest import PASSPHRASE

BREATHE = next(i for i, m in enumerate(MIGRATIONS) if m.description.startswith("breathe:"))


def test_every_earlier_version_with_data_gains_the_breathe_tables(paths, monkeypatch):
    paths.ensure_data_dir()
    for version in range(1, BREATHE + 1):
        target = paths.data_dir / f"v{version}.db"
        with monkeypatch.context() as patch:
            patch.setattr(vault_module, "LATEST", version)
            old = Vault.create(target, PASSPHRASE)
            Settings(old).set("breathe.sound", True)
            old.close()

        with Vault.open(target, PASSPHRASE) as upgraded:
            assert upgraded.version == LATEST
            assert Settings(upgraded).get("breathe.sound") is True
            store = BreatheStore(upgraded)
            pattern = store.add_pattern("Evening", Timings(40, 0, 60, 0))
            store.add_session(
                BreathSession(
                    pattern_id=pattern.id,
                    pattern_name=pattern.name,
                    started_at=datetime(2026, 1, 1, 9, 0).astimezone(),
                    planned_ms=60_000,
                    actual_ms=60_000,
                    finished=True,
                )
            )
            assert store.totals().sessions == 1
            assert upgraded.integrity_problems() == []
