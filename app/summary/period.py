"""The period a summary covers: the usual choices, and how a period is written."""

from __future__ import annotations

from datetime import date, timedelta

from app.activity import DayRange

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def this_week(today: date) -> DayRange:
    """From this week's Monday up to today: the days already lived."""
    return DayRange(today - timedelta(days=today.weekday()), today)


def this_month(today: date) -> DayRange:
    return DayRange(today.replace(day=1), today)


def last_30_days(today: date) -> DayRange:
    return DayRange(today - timedelta(days=29), today)


PRESETS = {
    "week": ("This week", this_week),
    "month": ("This month", this_month),
    "30days": ("Last 30 days", last_30_days),
}


def day_text(day: date) -> str:
    """A date written out the same way everywhere, whatever the machine's language."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def period_text(span: DayRange) -> str:
    """'3 March 2026', '1–7 March 2026', '28 February – 6 March 2026', or both years."""
    first, last = span.first, span.last
    if first == last:
        return day_text(first)
    if first.year != last.year:
        return f"{day_text(first)} – {day_text(last)}"
    if first.month != last.month:
        return f"{first.day} {MONTHS[first.month - 1]} – {day_text(last)}"
    return f"{first.day}–{day_text(last)}"


def document_title(span: DayRange) -> str:
    """The PDF's title metadata: nothing beyond the name of the thing and its period."""
    return f"Tend summary, {period_text(span)}"
