"""Helpers for the Reflect view tests: a context on the test vault, and entries."""

from __future__ import annotations

from datetime import date, timedelta

from app.reflect.model import Entry, Kind


def many(count: int, start: date = date(2026, 1, 14)) -> list[Entry]:
    """Entries one per day going back from ``start``, with a little variety."""
    kinds = list(Kind)
    return [
        Entry(
            entry_date=start - timedelta(days=i),
            kind=kinds[i % len(kinds)],
            title=f"Entry number {i}",
            body=f"Body of entry {i}.",
            mood=(i % 5) + 1,
            tags=("home",) if i % 2 else ("work",),
        )
        for i in range(count)
    ]


def commit_text(widget, text: str) -> None:
    """Type text the way an input method does (any script; QTest keys cover Latin-1 only)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
