"""Read what a summary needs through the read ports and Progress's metrics. Qt-free.

Words are read only where a summary may show them: `all_words=False` (the command line
without --include-private) reads the texts of shareable entries and attempts alone.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from app.activity import DayRange, ReflectionRecord
from app.breathe.store import BreatheStore
from app.practice.store import PracticeStore
from app.progress import model as progress
from app.progress.data import ProgressData, activity_days
from app.progress.store import GoalStore
from app.reflect.store import ReflectStore
from app.summary.model import Goal, ProgressFacts, Source

# Streaks and milestones look back over the whole history, as Progress does.
HISTORY_START = date(1900, 1, 1)
DAILY_CHART_DAYS = 62  # up to two months a point a day; longer, a point a week


def gather(vault, span: DayRange, *, all_words: bool = True) -> Source:
    reflect, practice, breathe = ReflectStore(vault), PracticeStore(vault), BreatheStore(vault)
    goals = GoalStore(vault)
    history = DayRange(HISTORY_START, span.last)
    data = ProgressData(
        reflections=tuple(reflect.records(history)),
        practice=tuple(practice.records(history)),
        breaths=tuple(breathe.records(history)),
        check_ins=tuple(goals.check_ins(history)),
        goals=tuple(goals.goal_records()),
    )
    inside = data.within(span)
    entries = inside.reflections
    wanted = [e.entry_id for e in entries if all_words or e.shareable]
    texts = {t.entry_id: t for t in reflect.texts(wanted)}
    words = {}
    for record in inside.practice:
        if record.starred and (all_words or record.shareable):
            attempt = practice.attempt(record.attempt_id)
            if attempt is not None:
                words[record.attempt_id] = attempt
    return Source(
        span=span,
        entries=entries,
        texts=texts,
        attempts=inside.practice,
        words=words,
        breaths=inside.breaths,
        progress=facts(data, span, goals.goals()),
    )


def facts(data: ProgressData, span: DayRange, goals) -> ProgressFacts:
    """Streaks, milestones, goals and the mood/closeness series, from Progress's core."""
    at_end = progress.streaks(activity_days(data, span.last), span.last)
    inside = data.within(span)
    within = progress.streaks(activity_days(inside, span.last), span.last)
    reached = tuple(
        (m.reached_on, f"{m.title}: {m.text}")
        for m in progress.milestones(data, span.last)
        if span.first <= m.reached_on <= span.last
    )
    series, grain = _series(inside, span)
    return ProgressFacts(
        streak=at_end.current,
        longest_streak=within.longest,
        milestones=reached,
        goals=tuple(_goals_in(goals, span)),
        series=series,
        series_grain=grain,
    )


def _goals_in(goals, span: DayRange):
    """Goals alive during the period, with the check-ins made in it."""
    for goal in goals:
        if goal.started_on > span.last or (goal.done_on and goal.done_on < span.first):
            continue
        steps = tuple((c.day, c.note) for c in goal.check_ins if span.first <= c.day <= span.last)
        done = goal.done_on is not None and goal.done_on <= span.last
        yield Goal(title=goal.title, checkins=steps, done=done)


def _series(inside: ProgressData, span: DayRange):
    if span.days > DAILY_CHART_DAYS:
        period = progress.Period.ALL
        mood = progress.mood_trend(inside, span, period).weeks
        closeness = progress.closeness_trend(inside, span, period).weeks
        return (
            tuple((m.week, m.average, c.average) for m, c in zip(mood, closeness, strict=True)),
            "week",
        )
    return _daily(inside.reflections, span), "day"


def _daily(records: tuple[ReflectionRecord, ...], span: DayRange):
    """Each day's average mood and closeness; None on days with no rating."""
    moods: dict[date, list[int]] = defaultdict(list)
    close: dict[date, list[int]] = defaultdict(list)
    for r in records:
        if r.mood is not None:
            moods[r.day].append(r.mood)
        if r.closeness is not None:
            close[r.day].append(r.closeness)
    days = (span.first + timedelta(days=i) for i in range(span.days))
    return tuple((d, _avg(moods.get(d)), _avg(close.get(d))) for d in days)


def _avg(values: list[int] | None) -> float | None:
    return sum(values) / len(values) if values else None
