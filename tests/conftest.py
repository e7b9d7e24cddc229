"""Shared test setup: offscreen Qt, no network, a fresh encrypted vault per test."""

from __future__ import annotations

import os

# Before anything imports Qt: without a display, Qt would abort the whole run.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from pathlib import Path

import pytest

from app.clock import ManualClock
from app.paths import Paths
from app.vault import Vault

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _application_theme_left_as_found():
    """A test that themes the whole application (as Settings does) leaves it as found:
    an app-wide style sheet left behind would repaint later tests' widgets."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    before = None if app is None else (app.palette(), app.styleSheet())
    yield
    if before is not None and (app.palette(), app.styleSheet()) != before:
        app.setPalette(before[0])
        app.setStyleSheet(before[1])


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


@pytest.fixture
def requests() -> list:
    """What views asked the window to open, as (area key, request) pairs."""
    return []


@pytest.fixture
def context(vault, clock, requests):
    """What the shell hands an area's view: the test vault, a manual clock, no threads."""
    from app.context import AreaContext
    from app.vault import Settings
    from app.widgets.tasks import ImmediateTaskRunner

    return AreaContext(
        vault=vault,
        settings=Settings(vault),
        clock=clock,
        tasks=ImmediateTaskRunner(),
        open_area=lambda key, **request: requests.append((key, request)),
    )
