"""Small builders for read-port records, so metric tests read as what happened."""

from __future__ import annotations

from datetime import date

from app.activity import BreathRecord, PracticeRecord, ReflectionRecord, SetbackNote
from app.progress.goals import CheckInRecord, GoalRecord
from app.progress.model import ProgressData

_ids = iter(range(1, 10**9))


def entry(day: date, kind: str = "reflection", mood=None, closeness=None, setback=None):
    return ReflectionRecord(next(_ids), day, kind, mood, closeness, (), False, False, setback)


def setback(day: date, pattern="criticism", learned="", repaired_on=None):
    note = SetbackNote(pattern, "", learned, "", repaired_on, "")
    return entry(day, "setback", setback=note)


def attempt(day: date, score=70, patterns=()):
    return PracticeRecord(next(_ids), day, "rewrite", score, bool(patterns), patterns, False, False)


def breath(day: date, minutes=5.0, finished=True, before=None, after=None):
    return BreathRecord(next(_ids), day, minutes * 60, finished, before, after)


def check_in(day: date, goal_id: int = 1):
    return CheckInRecord(next(_ids), goal_id, day)


def goal(started: date, done=None, kind="habit", goal_id=None):
    return GoalRecord(goal_id or next(_ids), kind, started, None, done)


def data(*records, goals=()) -> ProgressData:
    by_type: dict[type, list] = {}
    for record in records:
        by_type.setdefault(type(record), []).append(record)

    def of(kind):
        return tuple(sorted(by_type.get(kind, []), key=lambda r: r.day))

    return ProgressData(
        of(ReflectionRecord), of(PracticeRecord), of(BreathRecord), of(CheckInRecord), tuple(goals)
    )
