"""How Breathe puts lengths, times and past sessions into words. No Qt."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.breathe.model import BreathSession


def duration(seconds: float) -> str:
    """ "45 s", "5 min", "1 min 4 s"."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min" if rest == 0 else f"{minutes} min {rest} s"


def clock(seconds: float) -> str:
    """Time left as a clock shows it, rounded up: "4:59"."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


def when(moment: datetime, now: datetime) -> str:
    """ "Today, 08:15", "Yesterday, 21:40" or "Mon 12 Jan, 07:05"."""
    day = moment.date()
    if day == now.date():
        prefix = "Today"
    elif day == now.date() - timedelta(days=1):
        prefix = "Yesterday"
    else:
        prefix = f"{moment:%a} {day.day} {moment:%b}"
    return f"{prefix}, {moment:%H:%M}"


def history_line(session: BreathSession, now: datetime) -> str:
    """One past session for the history list."""
    parts = [
        when(session.started_at, now),
        session.pattern_name,
        duration(session.actual_seconds),
    ]
    if not session.finished:
        parts.append("ended early")
    before, after = session.calm_before, session.calm_after
    if before is not None and after is not None:
        parts.append(f"calm {before} → {after}")
    elif before is not None:
        parts.append(f"calm {before} before")
    elif after is not None:
        parts.append(f"calm {after} after")
    return "  ·  ".join(parts)
