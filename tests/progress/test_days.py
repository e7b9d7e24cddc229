"""Calendar arithmetic: ISO weeks from Monday, month ends, leap days, words."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from app.activity import DayRange
from app.breathe.model import BreathSession
from app.breathe.store import BreatheStore
from app.practice.model import Attempt, ExerciseKind
from app.practice.store import PracticeStore
from app.progress.days import add_months, long_day, months, plural, week_start, weeks
from app.progress.gather import gather
from app.progress.model import Period, build_report


def test_weeks_start_on_monday_even_across_a_year_end():
    assert week_start(date(2026, 1, 1)) == date(2025, 12, 29)  # a Thursday in ISO week 1
    assert week_start(date(2026, 3, 22)) == date(2026, 3, 16)  # Sunday belongs to Monday
    assert week_start(date(2026, 3, 16)) == date(2026, 3, 16)
    assert list(weeks(date(2026, 3, 1), date(2026, 3, 10))) == [
        date(2026, 2, 23), date(2026, 3, 2), date(2026, 3, 9),
    ]  # fmt: skip


def test_months_keep_to_month_ends_and_leap_days():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 15), -13) == date(2024, 12, 15)
    assert list(months(date(2025, 11, 30), date(2026, 1, 1))) == [
        date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1),
    ]  # fmt: skip


def test_words():
    assert long_day(date(2024, 2, 29)) == "Thursday 29 February 2024"
    assert plural(1, "day") == "1 day"
    assert plural(2, "entry", "entries") == "2 entries"


def test_a_change_of_time_zone_keeps_each_thing_on_the_day_it_was_lived(vault):
    """Late evening in New York, then early morning in Tokyo: in UTC both fall on the
    same day, but they were lived on two days, and the streak says two."""
    new_york = timezone(timedelta(hours=-5))
    tokyo = timezone(timedelta(hours=9))
    evening = datetime.combine(date(2026, 3, 9), time(23, 30), new_york)  # 04:30 UTC on 10th
    morning = datetime.combine(date(2026, 3, 11), time(6, 0), tokyo)  # 21:00 UTC on 10th
    PracticeStore(vault).save_attempt(Attempt(ExerciseKind.REPAIR, "Can we start again?", evening))
    BreatheStore(vault).add_session(
        BreathSession("box", "Box breathing", morning, 60_000, 60_000, True)
    )
    data = gather(vault, DayRange(date(2026, 3, 1), date(2026, 3, 31)))
    assert [r.day for r in data.practice] == [date(2026, 3, 9)]
    assert [r.day for r in data.breaths] == [date(2026, 3, 11)]
    report = build_report(data, Period.FOUR_WEEKS, date(2026, 3, 11))
    assert report.activity.active_days == 2
    assert report.streaks.longest == 1  # the 10th was never lived by this person's clock
