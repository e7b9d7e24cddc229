"""What happened on each local day: the read ports' shared, Qt-free vocabulary.

Each area's store offers a read port that answers "what happened between these two
local days" with these small frozen records. Progress and Summaries read the areas
through these ports alone, so an area can change its tables without touching them.
A day is the calendar day the person lived it, in the zone they were in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class SetbackNote:
    """A setback's learning and its repair, as written in Reflect."""

    pattern: str | None  # criticism, contempt, defensiveness, stonewalling, withdrawing, other
    what_happened: str
    what_i_learned: str
    what_next: str
    repaired_on: date | None
    how_repaired: str


@dataclass(frozen=True)
class ReflectionRecord:
    """One journal entry as the areas above Reflect see it (no title or body)."""

    entry_id: int
    day: date
    kind: str  # reflection, check_in, gratitude, setback, unsent_letter, shared_moment, ...
    mood: int | None  # 1..5
    closeness: int | None  # 1..5
    feelings: tuple[str, ...]
    starred: bool
    shareable: bool
    setback: SetbackNote | None


@dataclass(frozen=True)
class EntryText:
    """The words of one entry, read only for a summary the person asked for."""

    entry_id: int
    day: date
    kind: str
    title: str  # the title, or the entry's first line when it has none
    body: str
    feelings: tuple[str, ...]
    tags: tuple[str, ...]
    shareable: bool


@dataclass(frozen=True)
class PracticeRecord:
    """One saved practice attempt."""

    attempt_id: int
    day: date
    exercise: str
    score: int | None  # 0..100, how gentle the coach found it
    harsh: bool
    patterns: tuple[str, ...]  # the four patterns the coach saw, each once
    starred: bool
    shareable: bool


@dataclass(frozen=True)
class BreathRecord:
    """One breathing session."""

    session_id: int
    day: date
    seconds: float
    finished: bool
    calm_before: int | None  # 1..5
    calm_after: int | None  # 1..5


@dataclass(frozen=True)
class DayRange:
    """Both ends included. Checked once here so every port reads the same way."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("a range of days ends on or after its first day")

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def bounds(self) -> tuple[str, str]:
        """The ends as the ISO text the stores keep."""
        return self.first.isoformat(), self.last.isoformat()
