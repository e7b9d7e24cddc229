"""Reflect's fixtures: a store on the real encrypted vault, with a hand-driven clock."""

from __future__ import annotations

import pytest

from app.reflect.store import ReflectStore


@pytest.fixture
def store(vault, clock) -> ReflectStore:
    return ReflectStore(vault, clock)
