"""Shared setup for the Progress view tests: a few real records, written through the
areas' own stores, and a shown view."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.breathe.model import BreathSession
from app.breathe.store import BreatheStore
from app.progress.ui.view import ProgressView
from app.reflect.model import Entry, Kind, Setback, SetbackPattern
from app.reflect.store import ReflectStore

TODAY = date(2026, 1, 15)  # the ManualClock's first day


def write(vault, clock, day: date, kind=Kind.REFLECTION, mood=None, closeness=None, setback=None):
    return ReflectStore(vault, clock).create(
        Entry(day, kind, body="A few quiet words.", mood=mood, closeness=closeness, setback=setback)
    )


def breathe(vault, day: date, minutes: float, before=None, after=None) -> None:
    start = datetime.combine(day, time(8, 0)).astimezone()
    BreatheStore(vault).add_session(
        BreathSession(
            pattern_id="box",
            pattern_name="Box",
            started_at=start,
            planned_ms=int(minutes * 60_000),
            actual_ms=int(minutes * 60_000),
            finished=True,
            calm_before=before,
            calm_after=after,
        )
    )


def a_season(vault, clock) -> None:
    """Two months of use: moods this week and in November, breathing, a setback."""
    write(vault, clock, TODAY, mood=4, closeness=3)
    write(vault, clock, TODAY - timedelta(days=1), mood=3, closeness=4)
    write(vault, clock, TODAY - timedelta(days=2), Kind.GRATITUDE)
    write(vault, clock, date(2025, 11, 12), mood=2, closeness=2)
    write(
        vault,
        clock,
        date(2025, 12, 3),
        Kind.SETBACK,
        setback=Setback(
            SetbackPattern.DEFENSIVENESS,
            what_i_learned="Listen first.",
            repaired_on=date(2025, 12, 5),
        ),
    )
    write(vault, clock, date(2026, 1, 6), Kind.SETBACK, setback=Setback(SetbackPattern.CRITICISM))
    breathe(vault, TODAY - timedelta(days=3), 4, before=2, after=4)
    breathe(vault, date(2025, 10, 20), 10)


def show(qtbot, view: ProgressView, size=(1000, 700)) -> ProgressView:
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return view
