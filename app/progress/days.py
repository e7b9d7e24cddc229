"""Calendar arithmetic for Progress, Qt-free: ISO weeks (Monday first), months, words.

Weeks always start on Monday, as ISO 8601 says; a week is named by its Monday.
Months are named by their first day. Day names are written out here rather than
taken from the locale, so the sentences read the same on every machine.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@lru_cache(maxsize=8192)  # called for every record; a few thousand distinct days
def week_start(day: date) -> date:
    """The Monday of the ISO week that holds ``day``."""
    return day - timedelta(days=day.weekday())


@lru_cache(maxsize=4096)
def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), kept inside shorter months:
    31 January + 1 month is 28 (or 29) February."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def weeks(first: date, last: date) -> Iterator[date]:
    """The Monday of every week that touches first..last, in order."""
    monday = week_start(first)
    while monday <= last:
        yield monday
        monday += timedelta(days=7)


def months(first: date, last: date) -> Iterator[date]:
    """The first day of every month that touches first..last, in order."""
    month = month_start(first)
    while month <= last:
        yield month
        month = add_months(month, 1)


def long_day(day: date) -> str:
    """'Tuesday 3 March 2026'."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def short_day(day: date) -> str:
    """'3 March 2026'."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def month_name(month: date) -> str:
    """'March 2026'."""
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 day', '3 days'."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def iso_or_none(day: date | None) -> str | None:
    """A day as the vault and JSON keep it, or None."""
    return day.isoformat() if day else None


def day_or_none(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
