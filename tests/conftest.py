"""Shared test setup: offscreen Qt, no network, a fresh encrypted vault per test."""

from __future__ import annotations

import os

# Before anything imports Qt: without a display, Qt would abort the whole run.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from pathlib import Path

import pytest

from app.clock import ManualClock
from app.compat import protect_singletons
from app.paths import Paths
from app.vault import Vault

protect_singletons()  # before the first Qt call: see app/compat.py

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data")


@pytest.fixture
def vault(paths: Paths):
    paths.ensure_data_dir()
    opened = Vault.create(paths.vault, PASSPHRASE)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()
