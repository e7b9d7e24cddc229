"""How Breathe puts lengths, times and past sessions into words. No Qt."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.breathe.model import BreathSession, SessionPlan


def duration(seconds: float) -> str:
    """ "45 s", "5 min", "1 min 4 s"."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min" if rest == 0 else f"{minutes} min {rest} s"


def length_choice(plan: SessionPlan, minutes: float) -> str:
    """A length in the list, saying what will happen: "About 1 minute: 3 breaths"."""
    amount = f"{minutes:g} minute{'' if minutes == 1 else 's'}"
    return f"{amount}: {plan.breaths}" if plan.exact else f"About {amount}: {plan.breaths}"


def preview(plan: SessionPlan) -> str:
    """What Start will breathe: "4-7-8 · 3 breaths · 57 s"."""
    return f"{plan.pattern.name}  ·  {plan.breaths}  ·  {duration(plan.total_seconds)}"


def early_break_closing(seconds: float) -> str:
    """What a break stopped before its end says instead of "Welcome back": no pretending."""
    return (
        f"You stopped after {duration(seconds)}, and that's all right. A body that has "
        "flooded often needs twenty minutes or more to settle, so if you still feel stirred "
        "up, it's fine to ask for more time. When you do go back, a first sentence like "
        "this can help:"
    )


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
