"""Lengths, times and past sessions in words: plain unit tests, no Qt."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.breathe.model import BreathSession
from app.breathe.wording import clock, duration, history_line, when

NOW = datetime(2026, 1, 15, 20, 30).astimezone()


def test_durations_read_naturally():
    assert duration(45.4) == "45 s"
    assert duration(300) == "5 min"
    assert duration(64) == "1 min 4 s"
    assert duration(59.6) == "1 min"  # rounded before choosing the unit


def test_the_clock_rounds_up_so_it_never_shows_zero_too_soon():
    assert clock(299.2) == "5:00"
    assert clock(0.1) == "0:01"
    assert clock(0) == "0:00"
    assert clock(-3) == "0:00"


def test_days_are_named_today_yesterday_or_by_date():
    assert when(NOW.replace(hour=8, minute=5), NOW) == "Today, 08:05"
    assert when(NOW - timedelta(days=1), NOW) == "Yesterday, 20:30"
    assert when(NOW - timedelta(days=3), NOW) == "Mon 12 Jan, 20:30"


def session(**changes) -> BreathSession:
    fields = dict(
        pattern_id="box",
        pattern_name="Box breathing",
        started_at=NOW.replace(hour=7, minute=0),
        planned_ms=64_000,
        actual_ms=64_000,
        finished=True,
    )
    fields.update(changes)
    return BreathSession(**fields)


def test_a_history_line_says_what_was_breathed_and_how_calm():
    assert history_line(session(calm_before=2, calm_after=4), NOW) == (
        "Today, 07:00  ·  Box breathing  ·  1 min 4 s  ·  calm 2 → 4"
    )
    stopped = history_line(session(actual_ms=20_000, finished=False, calm_before=3), NOW)
    assert stopped.endswith("20 s  ·  ended early  ·  calm 3 before")
    assert history_line(session(calm_after=5), NOW).endswith("calm 5 after")
    assert "calm" not in history_line(session(), NOW)
