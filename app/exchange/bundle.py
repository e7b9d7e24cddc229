"""Everything a person wrote, gathered from the areas' stores, and written back to them.

A Bundle is the in-memory form of an export: the exporters turn it into files, and the
importers turn files into one. Reading and writing go only through each area's store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.breathe.model import BreathSession, Timings
from app.breathe.store import BreatheStore
from app.practice.model import Attempt
from app.practice.store import PracticeStore
from app.progress.goals import Goal
from app.progress.store import GoalStore
from app.reflect.model import Entry
from app.reflect.store import ReflectStore
from app.vault import Vault

ALL_SESSIONS = 1 << 62  # recent_sessions() takes a limit; this is "every one"


@dataclass(frozen=True)
class CustomPattern:
    name: str
    timings: Timings


@dataclass
class Bundle:
    entries: list[Entry] = field(default_factory=list)
    attempts: list[Attempt] = field(default_factory=list)
    patterns: list[CustomPattern] = field(default_factory=list)
    sessions: list[BreathSession] = field(default_factory=list)
    favourites: list[str] = field(default_factory=list)  # starred repair phrase ids
    drafts: dict[str, dict[str, Any]] = field(default_factory=dict)  # practice drafts
    goals: list[Goal] = field(default_factory=list)  # with their check-ins

    @property
    def size(self) -> int:
        return (
            len(self.entries)
            + len(self.attempts)
            + len(self.patterns)
            + len(self.sessions)
            + len(self.favourites)
            + len(self.drafts)
            + len(self.goals)
        )


def entries_oldest_first(vault: Vault) -> list[Entry]:
    reflect = ReflectStore(vault)
    ids = [row.id for row in reflect.iter_rows()]
    found = [reflect.get(entry_id) for entry_id in reversed(ids)]
    return [entry for entry in found if entry is not None]


def collect(vault: Vault) -> Bundle:
    """Read everything a person wrote, oldest first, through the stores."""
    practice, breathe = PracticeStore(vault), BreatheStore(vault)
    return Bundle(
        entries=entries_oldest_first(vault),
        attempts=list(reversed(practice.history())),
        patterns=[
            CustomPattern(p.name, p.timings)
            for p in breathe.custom_patterns()
            if p.timings is not None
        ],
        sessions=list(reversed(breathe.recent_sessions(ALL_SESSIONS))),
        favourites=practice.favourites(),
        drafts=practice.drafts(),
        goals=GoalStore(vault).goals(),
    )
