"""The records Progress reads, gathered in one value, and the activity they add up to.

Pure Python. ``ProgressData`` holds what the read ports returned; ``activity_days``
and ``runs`` are shared by the metrics (model.py) and the milestones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.activity import BreathRecord, DayRange, PracticeRecord, ReflectionRecord
from app.progress.goals import CheckInRecord, GoalRecord

APPRECIATION_KINDS = frozenset({"gratitude", "shared_moment"})
SETBACK_KIND = "setback"
CHECK_IN_KIND = "check_in"


@dataclass(frozen=True)
class ProgressData:
    """What the read ports returned, oldest first. Gather reads all of it, so streaks and
    milestones see the whole history whatever period is shown."""

    reflections: tuple[ReflectionRecord, ...] = ()
    practice: tuple[PracticeRecord, ...] = ()
    breaths: tuple[BreathRecord, ...] = ()
    check_ins: tuple[CheckInRecord, ...] = ()
    goals: tuple[GoalRecord, ...] = ()

    def lived(self, today: date) -> ProgressData:
        """Only what is dated today or earlier."""
        return ProgressData(
            tuple(r for r in self.reflections if r.day <= today),
            tuple(r for r in self.practice if r.day <= today),
            tuple(r for r in self.breaths if r.day <= today),
            tuple(r for r in self.check_ins if r.day <= today),
            self.goals,
        )

    def within(self, span: DayRange) -> ProgressData:
        def inside(records: Iterable[Any]) -> tuple:
            return tuple(r for r in records if span.first <= r.day <= span.last)

        return ProgressData(
            inside(self.reflections),
            inside(self.practice),
            inside(self.breaths),
            inside(self.check_ins),
            self.goals,
        )

    @property
    def count(self) -> int:
        return len(self.reflections) + len(self.practice) + len(self.breaths) + len(self.check_ins)

    def earliest(self) -> date | None:
        firsts = [
            min(r.day for r in records)
            for records in (self.reflections, self.practice, self.breaths, self.check_ins)
            if records
        ]
        return min(firsts) if firsts else None


def activity_days(data: ProgressData, today: date) -> set[date]:
    """Every day, up to today, with any reflection, practice, breathing or check-in."""
    days: set[date] = set()
    for records in (data.reflections, data.practice, data.breaths, data.check_ins):
        days.update(r.day for r in records if r.day <= today)
    return days


def runs(days: Sequence[date], grace: int) -> list[tuple[date, date, int]]:
    """(first day, last day, active days) for each run, oldest first; days sorted."""
    found: list[tuple[date, date, int]] = []
    for day in days:
        if found and (day - found[-1][1]).days <= 1 + grace:
            first, _, count = found[-1]
            found[-1] = (first, day, count + 1)
        else:
            found.append((day, day, 1))
    return found
