"""Goals the two of you pursue, or your own: what one is and the rules it keeps.

Pure Python: no Qt, no SQL. ``app.progress.store.GoalStore`` keeps them in the vault.

Public names (stable):
- ``GoalKind``: shared_experience, learn_together, help_others, habit, personal;
  ``GOAL_KIND_LABELS`` names each for a person.
- ``Goal``: title, started_on, kind, why, target_on, done_on, id, check_ins,
  created_at, updated_at; ``Goal.is_done``.
- ``CheckIn``: day, note, id, goal_id: one step taken toward a goal.
- ``GoalRecord`` and ``CheckInRecord``: the word-free read-port records that the
  metrics use (``GoalStore.goal_records()`` and ``GoalStore.check_ins(span)``).
- ``validate_goal(goal, today)`` and ``validate_check_in(check_in, today)`` return
  the tidied value or raise ``app.validation.Invalid(field, message)``.

Goals are not added to the search index: the journal's search covers entries only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from app.validation import Invalid


class GoalKind(StrEnum):
    SHARED_EXPERIENCE = "shared_experience"
    LEARN_TOGETHER = "learn_together"
    HELP_OTHERS = "help_others"
    HABIT = "habit"
    PERSONAL = "personal"


GOAL_KIND_LABELS: dict[GoalKind, str] = {
    GoalKind.SHARED_EXPERIENCE: "Something to share",
    GoalKind.LEARN_TOGETHER: "Something to learn together",
    GoalKind.HELP_OTHERS: "A way to help others",
    GoalKind.HABIT: "A habit",
    GoalKind.PERSONAL: "Just for me",
}


@dataclass(frozen=True)
class CheckIn:
    """One step taken toward a goal, on a day, with an optional note."""

    day: date
    note: str = ""
    id: int | None = None
    goal_id: int | None = None


@dataclass(frozen=True)
class Goal:
    """``id`` is None until the store saves it; ``check_ins`` are oldest first."""

    title: str
    started_on: date
    kind: GoalKind = GoalKind.SHARED_EXPERIENCE
    why: str = ""
    target_on: date | None = None
    done_on: date | None = None
    id: int | None = None
    check_ins: tuple[CheckIn, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    @property
    def label(self) -> str:
        return GOAL_KIND_LABELS[GoalKind(self.kind)]


@dataclass(frozen=True)
class GoalRecord:
    """A goal as the metrics see it: no title, no words."""

    goal_id: int
    kind: str
    started_on: date
    target_on: date | None
    done_on: date | None


@dataclass(frozen=True)
class CheckInRecord:
    """A check-in as the metrics see it: the day and whose goal, without the note."""

    check_in_id: int
    goal_id: int
    day: date


# -- validation ----------------------------------------------------------------------

EARLIEST_DATE = date(1900, 1, 1)
START_DAYS_AHEAD = 366  # a goal may be planned to start within the coming year
TARGET_YEARS_AHEAD = 30
MAX_TITLE_CHARS = 200
MAX_WHY_CHARS = 5_000
MAX_NOTE_CHARS = 5_000


def _check_day(value: object, field: str, label: str, latest: date) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise Invalid(field, f"{label} needs to be a calendar date.")
    if value < EARLIEST_DATE:
        raise Invalid(field, f"{label} is too far in the past: choose 1900 or later.")
    if value > latest:
        raise Invalid(field, f"{label} is too far ahead: choose {latest.isoformat()} or earlier.")
    return value


def _latest_target(today: date) -> date:
    try:
        return today.replace(year=today.year + TARGET_YEARS_AHEAD)
    except ValueError:  # 29 February in a year that has none
        return today.replace(year=today.year + TARGET_YEARS_AHEAD, day=28)


def validate_goal(goal: Goal, today: date) -> Goal:
    """The goal as it will be saved (title and why tidied), or Invalid naming the field.

    Messages never quote what the person wrote.
    """
    try:
        kind = GoalKind(goal.kind)
    except ValueError:
        raise Invalid("kind", "That kind of goal is not one Tend knows.") from None
    title = " ".join(str(goal.title).split())
    if not title:
        raise Invalid("title", "A goal needs a few words to name it.")
    if len(title) > MAX_TITLE_CHARS:
        raise Invalid("title", f"A goal's name can be up to {MAX_TITLE_CHARS} characters long.")
    why = str(goal.why).strip()
    if len(why) > MAX_WHY_CHARS:
        raise Invalid("why", f"Why it matters can be up to {MAX_WHY_CHARS} characters long.")
    started = _check_day(
        goal.started_on, "started_on", "The start date", today + timedelta(days=START_DAYS_AHEAD)
    )
    if goal.target_on is not None:
        _check_day(goal.target_on, "target_on", "The target date", _latest_target(today))
        if goal.target_on < started:
            raise Invalid("target_on", "The target date comes before the goal starts.")
    if goal.done_on is not None:
        _check_day(goal.done_on, "done_on", "The day it was done", today)
        if goal.done_on < started:
            raise Invalid("done_on", "The day it was done comes before the goal started.")
    return replace(goal, kind=kind, title=title, why=why)


def validate_check_in(check_in: CheckIn, today: date) -> CheckIn:
    """A check-in is for a day already lived (today or earlier), with a short note."""
    _check_day(check_in.day, "day", "The check-in date", today)
    note = str(check_in.note).strip()
    if len(note) > MAX_NOTE_CHARS:
        raise Invalid("note", f"A check-in note can be up to {MAX_NOTE_CHARS} characters long.")
    return replace(check_in, note=note)
