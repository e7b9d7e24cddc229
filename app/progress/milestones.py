"""Milestones: moments on the way worth noticing, each found in the data with its date.

Pure Python. ``milestones(data, today, grace_day)`` returns every milestone reached,
oldest first (ties in the order of ``MILESTONES``). Ids are stable: the "celebrated
once" setting keeps them. Each has a warm one-line text; none is a grade, and none
that is missed is ever mentioned.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from app.progress.data import (
    APPRECIATION_KINDS,
    CHECK_IN_KIND,
    SETBACK_KIND,
    ProgressData,
    activity_days,
)
from app.progress.days import add_months, week_start


@dataclass(frozen=True)
class Milestone:
    id: str
    title: str
    text: str  # one warm line, second person
    reached_on: date


@dataclass(frozen=True)
class _Facts:
    """What every rule may look at; the active days are worked out once."""

    data: ProgressData
    today: date
    grace: bool
    days: list[date]  # every active day up to today, sorted


Reached = Callable[[_Facts], date | None]


@dataclass(frozen=True)
class _Rule:
    id: str
    title: str
    text: str
    reached: Reached


def _nth(days: Iterable[date], n: int) -> date | None:
    """The day the n-th thing happened (days in any order)."""
    ordered = sorted(days)
    return ordered[n - 1] if len(ordered) >= n else None


def _streak_of(length: int) -> Reached:
    def reached(f: _Facts) -> date | None:
        count, last = 0, None
        for day in f.days:
            count = count + 1 if last and (day - last).days <= 1 + int(f.grace) else 1
            last = day
            if count >= length:
                return day
        return None

    return reached


def _week_with(n: int) -> Reached:
    def reached(f: _Facts) -> date | None:
        per_week: Counter = Counter()
        for record in sorted(f.data.reflections, key=lambda r: r.day):
            per_week[week_start(record.day)] += 1
            if per_week[week_start(record.day)] >= n:
                return record.day
        return None

    return reached


def _first_lesson(f: _Facts) -> date | None:
    return min(
        (
            r.day
            for r in f.data.reflections
            if r.kind == SETBACK_KIND and r.setback and r.setback.what_i_learned.strip()
        ),
        default=None,
    )


def _first_repair(f: _Facts) -> date | None:
    return min(
        (
            r.setback.repaired_on
            for r in f.data.reflections
            if r.setback and r.setback.repaired_on and r.setback.repaired_on <= f.today
        ),
        default=None,
    )


def _breath_minutes(minutes: int) -> Reached:
    def reached(f: _Facts) -> date | None:
        total = 0.0
        for breath in sorted(f.data.breaths, key=lambda b: b.day):
            total += breath.seconds
            if total >= minutes * 60 - 1e-6:
                return breath.day
        return None

    return reached


def _regular_check_ins(f: _Facts) -> date | None:
    """Four weeks in a row, each with daily check-ins on three days or more."""
    days_by_week: dict[date, set[date]] = defaultdict(set)
    for record in f.data.reflections:
        if record.kind == CHECK_IN_KIND:
            days_by_week[week_start(record.day)].add(record.day)
    run, previous = 0, None
    for monday in sorted(days_by_week):
        days = sorted(days_by_week[monday])
        if len(days) < 3:
            run, previous = 0, None
            continue
        run = run + 1 if previous and (monday - previous).days == 7 else 1
        previous = monday
        if run >= 4:
            return days[2]
    return None


def _close_week(f: _Facts) -> date | None:
    """The first week whose closeness, rated twice or more, averages 4 or above."""
    ratings: dict[date, list[int]] = defaultdict(list)
    for record in sorted(f.data.reflections, key=lambda r: r.day):
        if record.closeness is None:
            continue
        week = ratings[week_start(record.day)]
        week.append(record.closeness)
        if len(week) >= 2 and sum(week) / len(week) >= 4:
            return record.day
    return None


def _a_year_on(f: _Facts) -> date | None:
    if not f.days:
        return None
    anniversary = add_months(f.days[0], 12)
    if anniversary > f.today:
        return None
    # Only when you have been here in the weeks around it, so it marks a year of tending.
    near = [d for d in f.days if abs((d - anniversary).days) <= 45]
    return anniversary if near else None


MILESTONES: tuple[_Rule, ...] = (
    _Rule(
        "first-entry",
        "Your first entry",
        "You wrote your first entry. Putting it into words is a real beginning.",
        lambda f: min((r.day for r in f.data.reflections), default=None),
    ),
    _Rule(
        "first-breath",
        "A first breath together with Tend",
        "You gave yourself a first few minutes of slow breathing.",
        lambda f: min((b.day for b in f.data.breaths), default=None),
    ),
    _Rule(
        "first-practice",
        "First words practised",
        "You practised saying something hard in a kinder way for the first time.",
        lambda f: min((p.day for p in f.data.practice), default=None),
    ),
    _Rule(
        "first-goal-step",
        "A first step toward a goal",
        "You checked in on a goal: small steps are how goals are reached.",
        lambda f: min((c.day for c in f.data.check_ins), default=None),
    ),
    _Rule(
        "week-of-four",
        "A week of four reflections",
        "You wrote four times in one week. That is a lot of care.",
        _week_with(4),
    ),
    _Rule(
        "streak-7",
        "Seven days of showing up",
        "You came back seven days running. Steady attention helps things grow.",
        _streak_of(7),
    ),
    _Rule(
        "streak-30",
        "Thirty days of showing up",
        "A month of days in a row. What you are tending is clearly worth it to you.",
        _streak_of(30),
    ),
    _Rule(
        "streak-100",
        "A hundred days",
        "One hundred days running. Whatever the days held, you kept coming back.",
        _streak_of(100),
    ),
    _Rule(
        "first-lesson",
        "A setback turned into a lesson",
        "You looked back at a hard moment and found something to learn in it.",
        _first_lesson,
    ),
    _Rule(
        "first-repair",
        "A first repair",
        "You found your way back to each other after a hard moment, and wrote it down.",
        _first_repair,
    ),
    _Rule(
        "breath-60",
        "An hour of breathing",
        "Sixty minutes of slow breathing, a few at a time. Your calm has had real practice.",
        _breath_minutes(60),
    ),
    _Rule(
        "calmer-10",
        "Ten calmer sessions",
        "Ten times you finished a breathing session feeling calmer than you began.",
        lambda f: _nth(
            (
                b.day
                for b in f.data.breaths
                if b.calm_before is not None
                and b.calm_after is not None
                and b.calm_after > b.calm_before
            ),
            10,
        ),
    ),
    _Rule(
        "practice-20",
        "Twenty practice attempts",
        "Twenty times you have practised finding gentler words. That skill is yours now.",
        lambda f: _nth((p.day for p in f.data.practice), 20),
    ),
    _Rule(
        "gentle-90",
        "A very gentle start",
        "The coach found one of your attempts gentle through and through.",
        lambda f: min(
            (
                p.day
                for p in f.data.practice
                if p.score is not None and p.score >= 90 and not p.harsh
            ),
            default=None,
        ),
    ),
    _Rule(
        "appreciation-10",
        "Ten appreciations",
        "Ten times you noticed something good and wrote it down.",
        lambda f: _nth((r.day for r in f.data.reflections if r.kind in APPRECIATION_KINDS), 10),
    ),
    _Rule(
        "regular-check-ins",
        "A month of regular check-ins",
        "Four weeks of checking in with yourself several times a week. A lovely rhythm.",
        _regular_check_ins,
    ),
    _Rule(
        "close-week",
        "A close week",
        "A week in which you felt close, time and again. Worth remembering what helped.",
        _close_week,
    ),
    _Rule(
        "first-goal-done",
        "A goal reached",
        "You reached a goal you set. Take a moment to enjoy it.",
        lambda f: min(
            (x.done_on for x in f.data.goals if x.done_on and x.done_on <= f.today), default=None
        ),
    ),
    _Rule(
        "one-year",
        "A year of tending",
        "A year since your first step here, and you are still tending. Thank you for you.",
        _a_year_on,
    ),
)

MILESTONE_IDS = tuple(rule.id for rule in MILESTONES)


def milestones(data: ProgressData, today: date, grace_day: bool = False) -> tuple[Milestone, ...]:
    """Every milestone reached by today, oldest first."""
    lived = data.lived(today)
    facts = _Facts(lived, today, grace_day, sorted(activity_days(lived, today)))
    found = []
    for order, rule in enumerate(MILESTONES):
        day = rule.reached(facts)
        if day is not None and day <= today:
            found.append((day, order, Milestone(rule.id, rule.title, rule.text, day)))
    return tuple(m for _, _, m in sorted(found, key=lambda item: (item[0], item[1])))


def newest(found: Iterable[Milestone]) -> Milestone | None:
    """The most recently reached (the last listed, when two share a day)."""
    result = None
    for milestone in found:
        if result is None or milestone.reached_on >= result.reached_on:
            result = milestone
    return result
