"""A vault with a month of made-up days for the summary's tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.summary.seed import seed

FIRST = date(2026, 1, 1)
DAYS = 14


@pytest.fixture
def seeded(vault):
    """(vault, ids): fourteen days from 1 January 2026, every third entry shareable."""
    return vault, seed(vault, FIRST, DAYS)
