"""`tend demo`: a NEW vault filled with a realistic, kind stretch of use in every area.

Qt-free. Everything is written through the areas' stores (Reflect, Practise with the
real coach's analyses, Breathe) and Progress's GoalStore, so the sample data obeys the
same rules as a person's. Seeded: the same seed, years and today give the same vault.
Used by the README's screenshots, the view's tests and benchmarks/progress.py.

Public names (stable):
- ``create_demo(path, passphrase, today, years=1, seed=DEFAULT_SEED, every_day=False)
  -> DemoCounts``: refuses an existing path (``app.vault.VaultExists``); on any failure
  the half-made file is removed.
- ``fill(vault, today, years=1, seed=DEFAULT_SEED, every_day=False) -> DemoCounts``:
  the same, into an open, empty vault.
- ``make_passphrase(rng=None) -> str``: five plain words, for printing.
- ``DemoCounts``: entries, setbacks, attempts, sessions, goals, check_ins.
"""

from __future__ import annotations

import math
import random
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from app.breathe.model import BreathSession, presets
from app.breathe.store import BreatheStore
from app.clock import ManualClock
from app.demo import words
from app.practice.coach import analyze
from app.practice.model import Attempt, ExerciseKind, scenarios
from app.practice.store import PracticeStore
from app.progress.goals import Goal, GoalKind
from app.progress.store import GoalStore
from app.reflect.model import Entry, Kind, Pattern, Setback
from app.reflect.store import ReflectStore
from app.vault import Vault

DEFAULT_SEED = 20260
_KIND_WEIGHTS = (
    (Kind.CHECK_IN, 40),
    (Kind.REFLECTION, 20),
    (Kind.GRATITUDE, 18),
    (Kind.SHARED_MOMENT, 10),
    (Kind.SETBACK, 8),
    (Kind.BOUNDARY, 5),
    (Kind.UNSENT_LETTER, 5),
)
_TEXTS = {
    Kind.REFLECTION: (words.REFLECTION_TITLES, words.REFLECTION_LINES),
    Kind.CHECK_IN: (words.CHECK_IN_TITLES, words.CHECK_IN_LINES),
    Kind.GRATITUDE: (words.GRATITUDE_TITLES, words.GRATITUDE_LINES),
    Kind.SHARED_MOMENT: (words.MOMENT_TITLES, words.MOMENT_LINES),
    Kind.BOUNDARY: (words.BOUNDARY_TITLES, words.BOUNDARY_LINES),
    Kind.UNSENT_LETTER: (words.LETTER_TITLES, words.LETTER_LINES),
    Kind.SETBACK: (words.SETBACK_TITLES, words.SETBACK_HAPPENED),
}
_PATTERNS = (
    Pattern.CRITICISM,
    Pattern.DEFENSIVENESS,
    Pattern.STONEWALLING,
    Pattern.WITHDRAWING,
    Pattern.CONTEMPT,
)


@dataclass(frozen=True)
class DemoCounts:
    entries: int
    setbacks: int
    attempts: int
    sessions: int
    goals: int
    check_ins: int


def make_passphrase(rng: random.Random | None = None) -> str:
    pick = rng.choice if rng else secrets.choice
    return "-".join(pick(words.PASSPHRASE_WORDS) for _ in range(5))


def create_demo(
    path: Path,
    passphrase: str,
    today: date,
    years: int = 1,
    seed: int = DEFAULT_SEED,
    every_day: bool = False,
) -> DemoCounts:
    """A new vault at ``path`` with ``years`` of sample use ending ``today``."""
    vault = Vault.create(path, passphrase)
    try:
        counts = fill(vault, today, years, seed, every_day)
    except BaseException:
        vault.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    vault.close()
    return counts


def fill(
    vault: Vault,
    today: date,
    years: int = 1,
    seed: int = DEFAULT_SEED,
    every_day: bool = False,
) -> DemoCounts:
    return _Year(vault, today, years, seed, every_day).write()


def _clamp(value: float) -> int:
    return max(1, min(5, round(value)))


class _Year:
    """One pass over the days, writing what a person might have done on each."""

    def __init__(self, vault: Vault, today: date, years: int, seed: int, every_day: bool) -> None:
        if not 1 <= years <= 50:
            raise ValueError("a demo covers 1 to 50 years")
        self.rng = random.Random(seed)
        self.today = today
        self.first = today - timedelta(days=365 * years - 1)
        self.every_day = every_day
        self.clock = ManualClock(datetime.combine(today, time(21, 0)).astimezone())
        self.reflect = ReflectStore(vault, self.clock)
        self.practice = PracticeStore(vault)
        self.breathe = BreatheStore(vault)
        self.goals = GoalStore(vault, self.clock)
        self.vault = vault
        self._analyses: dict[str, dict] = {}

    # -- the shape of the year ------------------------------------------------------------

    def progress(self, day: date) -> float:
        """0 at the first day, 1 today: things get a little easier as time goes on."""
        span = max(1, (self.today - self.first).days)
        return (day - self.first).days / span

    def when(self, day: date, start: int = 7, end: int = 22) -> datetime:
        moment = time(self.rng.randint(start, end), self.rng.randrange(0, 60, 5))
        return datetime.combine(day, moment).astimezone()

    # -- writing --------------------------------------------------------------------------

    def write(self) -> DemoCounts:
        entries: list[Entry] = []
        attempts = sessions = 0
        day = self.first
        while day <= self.today:
            t = self.progress(day)
            # A gentle season dip in the middle of each year, a steady rise overall.
            season = 0.25 * math.sin(2 * math.pi * (day.timetuple().tm_yday / 365))
            entries += self.entries_for(day, t, season)
            if self.every_day or self.rng.random() < 0.25 + 0.2 * t:
                self.attempt(day, t)
                attempts += 1
            if self.every_day or self.rng.random() < 0.3 + 0.15 * t:
                self.session(day, t)
                sessions += 1
            day += timedelta(days=1)
        self.reflect.create_many(entries)
        goals, check_ins = self.write_goals()
        return DemoCounts(
            entries=len(entries),
            setbacks=sum(1 for e in entries if e.kind is Kind.SETBACK),
            attempts=attempts,
            sessions=sessions,
            goals=goals,
            check_ins=check_ins,
        )

    def entries_for(self, day: date, t: float, season: float) -> list[Entry]:
        rng = self.rng
        count = 1 if self.every_day else 0
        if rng.random() < 0.55 + 0.15 * t:
            count += 1
        if rng.random() < 0.08:
            count += 1
        made = []
        for _ in range(count):
            kind = rng.choices([k for k, _ in _KIND_WEIGHTS], [w for _, w in _KIND_WEIGHTS])[0]
            # Setbacks grow rarer as the months go by; appreciations a little more common.
            if kind is Kind.SETBACK and rng.random() < 0.5 * t:
                kind = Kind.GRATITUDE
            made.append(self.entry(day, kind, t, season))
        return made

    def entry(self, day: date, kind: Kind, t: float, season: float) -> Entry:
        rng = self.rng
        titles, lines = _TEXTS[kind]
        body_lines = rng.sample(lines, k=min(len(lines), rng.randint(1, 3)))
        mood_base = 2.6 + 1.1 * t + season
        closeness_base = 2.4 + 1.3 * t + season
        lift = {Kind.SETBACK: -1.2, Kind.GRATITUDE: 0.5, Kind.SHARED_MOMENT: 0.7}.get(kind, 0.0)
        rated = kind is not Kind.UNSENT_LETTER and rng.random() < 0.9
        if kind is Kind.SETBACK:
            feelings = rng.sample(words.HARD_FEELINGS, 2)
        elif kind in (Kind.GRATITUDE, Kind.SHARED_MOMENT):
            feelings = rng.sample(words.WARM_FEELINGS, 2)
        else:
            pool = words.CALM_FEELINGS + words.WARM_FEELINGS + words.HARD_FEELINGS[:4]
            feelings = rng.sample(pool, rng.randint(0, 2))
        return Entry(
            entry_date=day,
            kind=kind,
            title=rng.choice(titles) if rng.random() < 0.7 else "",
            body="\n\n".join(body_lines),
            mood=_clamp(mood_base + lift + rng.gauss(0, 0.7)) if rated else None,
            closeness=_clamp(closeness_base + lift + rng.gauss(0, 0.7)) if rated else None,
            feelings=tuple(feelings),
            tags=tuple(rng.sample(words.TAGS, rng.randint(0, 2))),
            starred=rng.random() < 0.06,
            shareable=rng.random() < 0.3,
            setback=self.setback(day, t) if kind is Kind.SETBACK else None,
            created_at=self.when(day),
            updated_at=self.when(day),
        )

    def setback(self, day: date, t: float) -> Setback:
        rng = self.rng
        repaired_on = None
        age = (self.today - day).days
        if rng.random() < (0.95 if age > 14 else 0.5):
            # Repairs come sooner as the months go by.
            wait = max(0, round(rng.expovariate(1 / (5.0 - 4.0 * t))))
            repaired_on = min(self.today, day + timedelta(days=wait))
        return Setback(
            pattern=rng.choice(_PATTERNS),
            what_happened=rng.choice(words.SETBACK_HAPPENED),
            what_i_learned=rng.choice(words.SETBACK_LEARNED) if rng.random() < 0.85 else "",
            what_next=rng.choice(words.SETBACK_NEXT) if rng.random() < 0.7 else "",
            repaired_on=repaired_on,
            how_repaired=rng.choice(words.REPAIR_HOW) if repaired_on else "",
        )

    def attempt(self, day: date, t: float) -> None:
        rng = self.rng
        harsh = rng.random() < 0.55 - 0.4 * t
        text = rng.choice(words.HARSH_LINES if harsh else words.GENTLE_LINES)
        if text not in self._analyses:
            self._analyses[text] = analyze(text).to_dict()
        exercise = rng.choice(list(ExerciseKind))
        scenario = rng.choice(scenarios()).id if exercise is ExerciseKind.REWRITE else None
        self.practice.save_attempt(
            Attempt(
                exercise=exercise,
                text=text,
                created_at=self.when(day),
                scenario_id=scenario,
                analysis=self._analyses[text],
                starred=rng.random() < 0.05,
                shareable=rng.random() < 0.2,
            )
        )

    def session(self, day: date, t: float) -> None:
        rng = self.rng
        pattern = rng.choice(presets())
        minutes = rng.choice((1, 3, 3, 5, 5, 5, 10))
        planned = minutes * 60_000
        finished = rng.random() < 0.85
        actual = planned if finished else round(planned * rng.uniform(0.2, 0.9))
        before = rng.choice((None, 1, 2, 2, 3, 3, 4))
        after = None
        if before is not None and rng.random() < 0.85:
            after = min(5, before + rng.choice((0, 1, 1, 1, 2, 2)) + (1 if t > 0.5 else 0))
        self.breathe.add_session(
            BreathSession(
                pattern_id=pattern.id,
                pattern_name=pattern.name,
                started_at=self.when(day, 6, 23),
                planned_ms=planned,
                actual_ms=actual,
                finished=finished,
                calm_before=before,
                calm_after=after,
            )
        )

    def write_goals(self) -> tuple[int, int]:
        rng = self.rng
        span = (self.today - self.first).days
        goals = check_ins = 0
        for index, (kind, title, why) in enumerate(words.GOALS):
            started = self.first + timedelta(days=round(span * index / (len(words.GOALS) + 1)))
            target = started + timedelta(days=rng.choice((60, 90, 180))) if index % 2 else None
            goal = self.goals.add(Goal(title, started, GoalKind(kind), why, target_on=target))
            goals += 1
            day = started + timedelta(days=rng.randint(1, 6))
            steps = 0
            stop = self.today if index >= 2 else min(self.today, started + timedelta(days=120))
            while day <= stop:
                self.goals.check_in(goal.id, day, rng.choice(words.CHECK_IN_NOTES))
                steps += 1
                day += timedelta(days=rng.randint(3, 12))
            check_ins += steps
            if index < 2 and steps and stop < self.today:
                self.goals.mark_done(goal.id, stop)
        return goals, check_ins
