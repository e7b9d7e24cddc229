"""Progress metrics: pure Python over the read ports' records, with an injected today.

No Qt, no SQL, no vault. ``app.progress.gather`` reads the records; this module turns
them into figures and one plain, kind sentence per chart (never a grade).

Conventions
- A day is the local day the person lived it (the records already carry it), so a
  change of time zone or daylight saving between entries changes nothing here.
- Weeks start on Monday (ISO 8601) and are named by their Monday; months by their
  first day. Weekly and monthly series are dense: every week (month) that touches
  the period is listed, empty ones with zero counts and ``None`` averages.
- Anything dated after ``today`` is set aside (counted in ``future_items``) and is
  in no figure: a streak is made of days already lived.
- Activity is any reflection, practice attempt, breathing session or goal check-in.

Public names (stable)
- ``Period`` (FOUR_WEEKS "4w", THREE_MONTHS "3m", TWELVE_MONTHS "12m", ALL "all"),
  ``Period.label``, ``Period.phrase``; ``Between(first, last)`` for any stretch of days
  (printed summaries), with the same ``label`` and ``phrase``;
  ``period_span(period, today, earliest)``.
- ``ProgressData``: the records (reflections, practice, breaths, check_ins, goals).
- ``build_report(data, period, today, grace_day=False) -> ProgressReport``: everything.
- ``ProgressReport``: period, span, today, activity, streaks, calendar, mood, closeness,
  breathing, practice, appreciation, setbacks, goals, milestones, future_items,
  is_empty, welcome (a friendly first sentence for an empty or young vault).
- Parts: ``ActivitySummary``, ``Streaks``, ``ActivityCalendar``/``CalendarDay``,
  ``Trend``/``WeekAverage``, ``BreathingSummary``/``BreathWeek``,
  ``PracticeSummary``/``PracticeWeek``, ``AppreciationSummary``/``MonthBalance``,
  ``SetbacksSummary``/``SetbackItem``/``RepairMonth``, ``GoalsSummary``; each summary
  has a ``sentence`` saying what its chart shows.
- Single metrics, for the Today card and summaries: ``activity_days(data, today)``,
  ``streaks(days, today, grace_day)`` (and ``streak_sentence``), ``activity_calendar(data, today)``,
  ``mood_trend``, ``closeness_trend``, ``breathing_summary``, ``practice_summary``,
  ``appreciation_summary``, ``setbacks_summary``, ``goals_summary`` (each takes
  ``(data, span, period)``), and ``milestones(data, today, grace_day)`` (from
  ``app.progress.milestones``, re-exported here with ``Milestone``).
- ``report_as_dict(report)``: the same figures as plain JSON-ready values.
- Constants: ``APPRECIATION_KINDS``, ``SETBACK_KIND``, ``RATIO_AIM`` (5),
  ``FOUR_PATTERNS``, ``CALENDAR_LEVELS`` (shade thresholds).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from app.activity import BreathRecord, DayRange, PracticeRecord, ReflectionRecord
from app.progress.data import (
    APPRECIATION_KINDS,
    CHECK_IN_KIND,
    SETBACK_KIND,
    ProgressData,
    activity_days,
    runs,
)
from app.progress.days import (
    add_months,
    long_day,
    month_start,
    months,
    plural,
    short_day,
    week_start,
    weeks,
)
from app.progress.milestones import Milestone, milestones

RATIO_AIM = 5  # the well-known five appreciations to one hard moment: a reference only
FOUR_PATTERNS = ("criticism", "contempt", "defensiveness", "stonewalling")
# A calendar cell's shade from how many things happened that day: 0 none, then 1, 2,
# 3-4, 5 or more. Fixed steps, so a day's shade never changes with other days.
CALENDAR_LEVELS = (1, 2, 3, 5)
STEADY = 0.25  # a change in an average smaller than this reads as "about the same"
TREND_ENDS = 4  # at most this many weeks at each end of a trend are compared


class Period(StrEnum):
    FOUR_WEEKS = "4w"
    THREE_MONTHS = "3m"
    TWELVE_MONTHS = "12m"
    ALL = "all"

    @property
    def label(self) -> str:
        return _PERIOD_LABELS[self]

    @property
    def phrase(self) -> str:
        """How a sentence names the period: 'in the last 4 weeks'."""
        return _PERIOD_PHRASES[self]


_PERIOD_LABELS = {
    Period.FOUR_WEEKS: "4 weeks",
    Period.THREE_MONTHS: "3 months",
    Period.TWELVE_MONTHS: "12 months",
    Period.ALL: "All time",
}
_PERIOD_PHRASES = {
    Period.FOUR_WEEKS: "in the last 4 weeks",
    Period.THREE_MONTHS: "in the last 3 months",
    Period.TWELVE_MONTHS: "in the last 12 months",
    Period.ALL: "since you began",
}


@dataclass(frozen=True)
class Between:
    """Any stretch of days, for a printed summary: both ends included. It ends today
    at the latest, since nothing after today is counted."""

    first: date
    last: date

    value = "between"

    @property
    def label(self) -> str:
        return f"{short_day(self.first)} to {short_day(self.last)}"

    @property
    def phrase(self) -> str:
        return f"from {short_day(self.first)} to {short_day(self.last)}"


def period_span(period: Period | Between, today: date, earliest: date | None = None) -> DayRange:
    """The days a period covers, ending today.

    4 weeks: this ISO week and the three before it (from a Monday). 3 and 12 months:
    this calendar month and the two (eleven) before it. All time: from the earliest
    record (or today when there is none). ``Between``: its own days, up to today.
    """
    if isinstance(period, Between):
        last = min(period.last, today)
        return DayRange(min(period.first, last), last)
    period = Period(period)
    if period is Period.FOUR_WEEKS:
        first = week_start(today) - timedelta(weeks=3)
    elif period is Period.THREE_MONTHS:
        first = add_months(month_start(today), -2)
    elif period is Period.TWELVE_MONTHS:
        first = add_months(month_start(today), -11)
    else:
        first = min(earliest or today, today)
    return DayRange(first, today)


# -- activity and streaks ------------------------------------------------------------------


@dataclass(frozen=True)
class Streaks:
    """Runs of active days. With a grace day, one missed day between two active days
    does not end a run; two in a row do. A run's length counts the active days.

    The current run is still alive when its last day is today or yesterday (today is
    not over yet), or the day before when a grace day is allowed.
    """

    current: int
    longest: int
    current_started: date | None
    longest_started: date | None
    longest_ended: date | None
    grace_day: bool
    active_today: bool
    sentence: str


def streaks(days: Iterable[date], today: date, grace_day: bool = False) -> Streaks:
    ordered = sorted(d for d in set(days) if d <= today)
    grace = 1 if grace_day else 0
    found = runs(ordered, grace)
    current, current_started = 0, None
    if found and (today - found[-1][1]).days <= 1 + grace:
        current_started, _, current = found[-1]
    longest_run = max(found, key=lambda run: (run[2], run[1]), default=None)
    longest = longest_run[2] if longest_run else 0
    active_today = bool(ordered) and ordered[-1] == today
    return Streaks(
        current=current,
        longest=longest,
        current_started=current_started,
        longest_started=longest_run[0] if longest_run else None,
        longest_ended=longest_run[1] if longest_run else None,
        grace_day=grace_day,
        active_today=active_today,
        sentence=streak_sentence(current, longest, active_today, bool(ordered)),
    )


def streak_sentence(current: int, longest: int, active_today: bool, any_days: bool) -> str:
    if not any_days:
        return "Your first day here will start a run of days; there is no rush."
    if current >= 2:
        text = f"You have shown up {current} days running."
        if longest > current:
            text += f" Your longest run so far is {plural(longest, 'day')}."
        elif current == longest:
            text += " That is your longest run so far."
        return text
    if current == 1:
        start = "You showed up today." if active_today else "You showed up yesterday."
        return f"{start} Your longest run so far is {plural(longest, 'day')}."
    return (
        f"Your longest run so far is {plural(longest, 'day')}. "
        "Whenever you come back, a new run begins."
    )


@dataclass(frozen=True)
class ActivitySummary:
    """How many days in the period had anything, and what, by area."""

    active_days: int
    days: int
    reflections: int
    practice: int
    breaths: int
    check_ins: int
    sentence: str


def activity_summary(
    data: ProgressData, span: DayRange, period: Period | Between
) -> ActivitySummary:
    active = activity_days(data, span.last)
    active_days = sum(1 for d in active if d >= span.first)
    if active_days == 0:
        sentence = "Your days will show here as you write, practise, breathe or check in on a goal."
    elif period is Period.ALL:
        sentence = (
            f"You have shown up on {plural(active_days, 'day')} since {short_day(span.first)}."
        )
    else:
        sentence = (
            f"You showed up on {active_days} of the {plural(span.days, 'day')} {period.phrase}."
        )
    return ActivitySummary(
        active_days=active_days,
        days=span.days,
        reflections=len(data.reflections),
        practice=len(data.practice),
        breaths=len(data.breaths),
        check_ins=len(data.check_ins),
        sentence=sentence,
    )


# -- the activity calendar ----------------------------------------------------------------


@dataclass(frozen=True)
class CalendarDay:
    day: date
    reflections: int
    practice: int
    breaths: int
    breath_minutes: float
    check_ins: int
    level: int  # 0 (nothing) .. 4 (a full day), for the shade
    sentence: str  # the tooltip and accessible name

    @property
    def total(self) -> int:
        return self.reflections + self.practice + self.breaths + self.check_ins


@dataclass(frozen=True)
class ActivityCalendar:
    """The last 12 months, a cell a day, in whole ISO weeks: ``first`` is a Monday and
    ``days`` runs from it to ``last`` (today), so a view lays out columns of 7."""

    first: date
    last: date
    days: tuple[CalendarDay, ...]
    active_days: int
    sentence: str

    def day(self, day: date) -> CalendarDay | None:
        index = (day - self.first).days
        return self.days[index] if 0 <= index < len(self.days) else None


def calendar_level(total: int) -> int:
    return sum(1 for step in CALENDAR_LEVELS if total >= step)


def _day_sentence(day: date, counts: Mapping[str, int], minutes: float) -> str:
    parts = []
    if counts["reflections"]:
        parts.append(plural(counts["reflections"], "journal entry", "journal entries"))
    if counts["practice"]:
        parts.append(plural(counts["practice"], "practice attempt"))
    if counts["breaths"]:
        rounded = max(1, round(minutes))
        parts.append(
            f"{plural(rounded, 'minute')} of breathing"
            + (f" in {counts['breaths']} sessions" if counts["breaths"] > 1 else "")
        )
    if counts["check_ins"]:
        parts.append(plural(counts["check_ins"], "goal check-in"))
    if not parts:
        return f"{long_day(day)}: a quiet day."
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{long_day(day)}: {listed}."


def activity_calendar(data: ProgressData, today: date) -> ActivityCalendar:
    """Per day of the last 12 months: counts per area, a shade and a sentence."""
    first = week_start(add_months(today, -12) + timedelta(days=1))
    counts: dict[date, Counter] = defaultdict(Counter)
    minutes: dict[date, float] = defaultdict(float)
    for name, records in (
        ("reflections", data.reflections),
        ("practice", data.practice),
        ("breaths", data.breaths),
        ("check_ins", data.check_ins),
    ):
        for record in records:
            if first <= record.day <= today:
                counts[record.day][name] += 1
    for breath in data.breaths:
        if first <= breath.day <= today:
            minutes[breath.day] += breath.seconds / 60
    cells = []
    day = first
    while day <= today:
        c = counts.get(day, Counter())
        total = sum(c.values())
        cells.append(
            CalendarDay(
                day=day,
                reflections=c["reflections"],
                practice=c["practice"],
                breaths=c["breaths"],
                breath_minutes=round(minutes.get(day, 0.0), 1),
                check_ins=c["check_ins"],
                level=calendar_level(total),
                sentence=_day_sentence(day, c, minutes.get(day, 0.0)),
            )
        )
        day += timedelta(days=1)
    active = sum(1 for cell in cells if cell.total)
    if active:
        sentence = (
            "Each square is a day of the last 12 months, deeper where you did more. "
            f"Over those 12 months you showed up on {plural(active, 'day')}."
        )
    else:
        sentence = "Each square will be a day of the last 12 months, shaded as you show up."
    return ActivityCalendar(first, today, tuple(cells), active, sentence)


# -- mood and closeness ----------------------------------------------------------------------


@dataclass(frozen=True)
class WeekAverage:
    week: date  # its Monday
    average: float | None  # None when nothing was rated that week
    count: int  # how many entries the average stands on


@dataclass(frozen=True)
class Trend:
    """A weekly average of a 1-5 rating, with the count behind each point."""

    name: str  # "mood" or "closeness"
    weeks: tuple[WeekAverage, ...]
    average: float | None
    count: int
    sentence: str

    @property
    def rated(self) -> tuple[WeekAverage, ...]:
        return tuple(w for w in self.weeks if w.count)


def _trend(
    name: str, ratings: Iterable[tuple[date, int]], span: DayRange, period: Period | Between
) -> Trend:
    by_week: dict[date, list[int]] = defaultdict(list)
    for day, value in ratings:
        by_week[week_start(day)].append(value)
    points = tuple(
        WeekAverage(monday, _mean(by_week[monday]), len(by_week[monday]))
        if monday in by_week
        else WeekAverage(monday, None, 0)
        for monday in weeks(span.first, span.last)
    )
    every = [v for values in by_week.values() for v in values]
    return Trend(
        name=name,
        weeks=points,
        average=_mean(every),
        count=len(every),
        sentence=_trend_sentence(name, points, span, period),
    )


def _trend_sentence(
    name: str, points: Sequence[WeekAverage], span: DayRange, period: Period | Between
) -> str:
    rated = [p for p in points if p.count]
    if not rated:
        return f"Your weekly {name} will show here once you rate it in a journal entry."
    first, last = rated[0], rated[-1]
    if len(rated) == 1:
        return (
            f"Your average {name} was {first.average:.1f} in the week of "
            f"{short_day(first.week)}, from {plural(first.count, 'entry', 'entries')}."
        )
    span_weeks = (last.week - first.week).days // 7 + 1
    # One week can be noisy: over a longer stretch, compare its first and last few
    # rated weeks (a quarter of them, up to four), weighted by their entries.
    ends = max(1, min(TREND_ENDS, len(rated) // 4))
    before, after = _weighted(rated[:ends]), _weighted(rated[-ends:])
    change = after - before
    # "the last N weeks" only when they run up to this week.
    recent = not isinstance(period, Between) and last.week == week_start(span.last)
    over = f"over the last {span_weeks} weeks" if recent else f"over {span_weeks} weeks"
    if ends > 1:
        over += f", the first {ends} rated weeks against the last {ends}"
    if abs(change) < STEADY:
        return f"Your average {name} stayed near {after:.1f} {over}."
    if change > 0:
        return f"Your average {name} rose from {before:.1f} to {after:.1f} {over}."
    return (
        f"Your average {name} moved from {before:.1f} to {after:.1f} {over}; "
        "harder weeks are part of the way too."
    )


def _weighted(points: Sequence[WeekAverage]) -> float:
    count = sum(p.count for p in points)
    return sum((p.average or 0.0) * p.count for p in points) / count if count else 0.0


def mood_trend(data: ProgressData, span: DayRange, period: Period | Between) -> Trend:
    ratings = ((r.day, r.mood) for r in data.reflections if r.mood is not None)
    return _trend("mood", ratings, span, period)


def closeness_trend(data: ProgressData, span: DayRange, period: Period | Between) -> Trend:
    ratings = ((r.day, r.closeness) for r in data.reflections if r.closeness is not None)
    return _trend("closeness", ratings, span, period)


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


# -- breathing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BreathWeek:
    week: date
    minutes: float
    sessions: int
    finished: int


@dataclass(frozen=True)
class BreathingSummary:
    weeks: tuple[BreathWeek, ...]
    minutes: float
    sessions: int
    finished: int
    calm_change: float | None  # average of after - before, over sessions rated both times
    calm_rated: int  # how many sessions that average stands on
    sentence: str


def breathing_summary(
    data: ProgressData, span: DayRange, period: Period | Between
) -> BreathingSummary:
    by_week: dict[date, list[BreathRecord]] = defaultdict(list)
    for breath in data.breaths:
        by_week[week_start(breath.day)].append(breath)
    points = tuple(
        BreathWeek(
            monday,
            round(sum(b.seconds for b in by_week.get(monday, ())) / 60, 1),
            len(by_week.get(monday, ())),
            sum(1 for b in by_week.get(monday, ()) if b.finished),
        )
        for monday in weeks(span.first, span.last)
    )
    changes = [
        b.calm_after - b.calm_before
        for b in data.breaths
        if b.calm_before is not None and b.calm_after is not None
    ]
    minutes = round(sum(b.seconds for b in data.breaths) / 60, 1)
    sessions = len(data.breaths)
    finished = sum(1 for b in data.breaths if b.finished)
    calm = _mean(changes)
    if not sessions:
        sentence = "Your breathing minutes will show here, week by week, after your first session."
    else:
        sentence = (
            f"You breathed for {plural(round(minutes), 'minute')} in "
            f"{plural(sessions, 'session')} {period.phrase}"
        )
        if calm is not None and calm > 0.05:
            sentence += (
                f"; on the {plural(len(changes), 'session')} you rated, "
                f"your calm rose by {calm:.1f} on average."
            )
        elif calm is not None:
            sentence += (
                f"; on the {plural(len(changes), 'session')} you rated, your calm held "
                "about level, and showing up still counts."
            )
        else:
            sentence += "."
    return BreathingSummary(points, minutes, sessions, finished, calm, len(changes), sentence)


# -- practice --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PracticeWeek:
    week: date
    attempts: int
    average_score: float | None
    scored: int
    patterns: Mapping[str, int]  # each of FOUR_PATTERNS: attempts that showed it


@dataclass(frozen=True)
class PracticeSummary:
    weeks: tuple[PracticeWeek, ...]
    attempts: int
    average_score: float | None
    scored: int
    patterns: Mapping[str, int]
    sentence: str


def _pattern_counts(records: Iterable[PracticeRecord]) -> dict[str, int]:
    counts = dict.fromkeys(FOUR_PATTERNS, 0)
    for record in records:
        for pattern in set(record.patterns):
            if pattern in counts:
                counts[pattern] += 1
    return counts


def practice_summary(
    data: ProgressData, span: DayRange, period: Period | Between
) -> PracticeSummary:
    by_week: dict[date, list[PracticeRecord]] = defaultdict(list)
    for record in data.practice:
        by_week[week_start(record.day)].append(record)
    points = []
    for monday in weeks(span.first, span.last):
        records = by_week.get(monday, [])
        scores = [r.score for r in records if r.score is not None]
        points.append(
            PracticeWeek(monday, len(records), _mean(scores), len(scores), _pattern_counts(records))
        )
    scores = [r.score for r in data.practice if r.score is not None]
    totals = _pattern_counts(data.practice)
    average = _mean(scores)
    attempts = len(data.practice)
    if not attempts:
        sentence = "Your practice will show here, week by week, once you save an attempt."
    else:
        sentence = f"You practised {plural(attempts, 'time')} {period.phrase}"
        sentence += (
            f", with an average gentleness of {round(average)} out of 100." if average else "."
        )
        seen = [p for p in FOUR_PATTERNS if totals[p]]
        if seen:
            top = max(seen, key=lambda p: totals[p])
            sentence += (
                f" The pattern the coach noticed most was {top}, in "
                f"{plural(totals[top], 'attempt')}: a good one to keep practising."
            )
        else:
            sentence += " The coach noticed none of the four patterns."
    return PracticeSummary(tuple(points), attempts, average, len(scores), totals, sentence)


# -- appreciation and setbacks per month -------------------------------------------------------


@dataclass(frozen=True)
class MonthBalance:
    month: date
    appreciations: int
    setbacks: int

    @property
    def ratio(self) -> float | None:
        """Appreciations for each setback; None in a month without setbacks."""
        return round(self.appreciations / self.setbacks, 2) if self.setbacks else None


@dataclass(frozen=True)
class AppreciationSummary:
    months: tuple[MonthBalance, ...]
    appreciations: int
    setbacks: int
    aim: int  # RATIO_AIM, drawn as a reference line
    sentence: str


def appreciation_summary(
    data: ProgressData, span: DayRange, period: Period | Between
) -> AppreciationSummary:
    liked: Counter = Counter()
    hard: Counter = Counter()
    for record in data.reflections:
        if record.kind in APPRECIATION_KINDS:
            liked[month_start(record.day)] += 1
        elif record.kind == SETBACK_KIND:
            hard[month_start(record.day)] += 1
    points = tuple(
        MonthBalance(month, liked[month], hard[month]) for month in months(span.first, span.last)
    )
    appreciations, setbacks = sum(liked.values()), sum(hard.values())
    reference = f"The line marks {RATIO_AIM} to 1, a balance many couples find steadying."
    if not appreciations and not setbacks:
        sentence = (
            "Gratitude and shared moments, and setbacks, will show here month by month "
            "as you write them."
        )
    elif not setbacks:
        sentence = (
            f"You noted {plural(appreciations, 'appreciation')} {period.phrase} "
            f"and no setbacks. {reference}"
        )
    else:
        each = appreciations / setbacks
        sentence = (
            f"You noted {plural(appreciations, 'appreciation')} and "
            f"{plural(setbacks, 'setback')} {period.phrase}, about {each:.1f} for each "
            f"setback. {reference}"
        )
    return AppreciationSummary(points, appreciations, setbacks, RATIO_AIM, sentence)


# -- setbacks as learning ----------------------------------------------------------------------


@dataclass(frozen=True)
class SetbackItem:
    entry_id: int
    day: date
    pattern: str | None
    lesson: str  # what was learned, in the person's words ("" when not written yet)
    repaired_on: date | None
    days_to_repair: int | None  # None while not yet repaired
    sentence: str  # a gentle line for the timeline; never quotes the person's words

    @property
    def learned(self) -> bool:
        return bool(self.lesson.strip())


@dataclass(frozen=True)
class RepairMonth:
    month: date  # the month the setbacks happened
    setbacks: int
    repaired: int
    average_days: float | None  # rupture to repair, over the repaired ones


@dataclass(frozen=True)
class SetbacksSummary:
    items: tuple[SetbackItem, ...]  # oldest first
    months: tuple[RepairMonth, ...]
    learned: int
    repaired: int
    open: int  # not yet repaired
    average_days: float | None
    sentence: str


def _setback_item(record: ReflectionRecord) -> SetbackItem:
    note = record.setback
    pattern = note.pattern if note else None
    lesson = note.what_i_learned if note else ""
    repaired_on = note.repaired_on if note else None
    days = (repaired_on - record.day).days if repaired_on else None
    what = f"A setback where {pattern} showed up" if pattern and pattern != "other" else "A setback"
    if days is None:
        tail = "not repaired yet, and there is still time."
    elif days == 0:
        tail = "repaired the same day."
    else:
        tail = f"repaired {plural(days, 'day')} later."
    learned = ", with a lesson written down" if lesson.strip() else ""
    sentence = f"{short_day(record.day)}: {what}{learned}, {tail}"
    return SetbackItem(record.entry_id, record.day, pattern, lesson, repaired_on, days, sentence)


def setbacks_summary(
    data: ProgressData, span: DayRange, period: Period | Between
) -> SetbacksSummary:
    items = tuple(_setback_item(r) for r in data.reflections if r.kind == SETBACK_KIND)
    by_month: dict[date, list[SetbackItem]] = defaultdict(list)
    for item in items:
        by_month[month_start(item.day)].append(item)
    points = []
    for month in months(span.first, span.last):
        group = by_month.get(month, [])
        repaired = [i.days_to_repair for i in group if i.days_to_repair is not None]
        points.append(RepairMonth(month, len(group), len(repaired), _mean(repaired)))
    repaired_days = [i.days_to_repair for i in items if i.days_to_repair is not None]
    learned = sum(1 for i in items if i.learned)
    still_open = sum(1 for i in items if i.repaired_on is None)
    average = _mean(repaired_days)
    return SetbacksSummary(
        items=items,
        months=tuple(points),
        learned=learned,
        repaired=len(repaired_days),
        open=still_open,
        average_days=average,
        sentence=_setbacks_sentence(items, points, learned, still_open, average, period),
    )


def _setbacks_sentence(
    items: Sequence[SetbackItem],
    points: Sequence[RepairMonth],
    learned: int,
    still_open: int,
    average: float | None,
    period: Period | Between,
) -> str:
    if not items:
        return (
            "When a hard moment comes and you write it as a setback, it will show here "
            "with what you learned and when you repaired it."
        )
    text = f"You wrote about {plural(len(items), 'setback')} {period.phrase}"
    text += f" and found a lesson in {learned}." if learned else "."
    if average is not None:
        took = "came within the same day" if average < 0.5 else f"took {average:.1f} days"
        text += f" Repair {took} on average"
        timed = [p for p in points if p.average_days is not None]
        if len(timed) >= 2:
            early = timed[: len(timed) // 2]
            late = timed[len(timed) // 2 :]
            before = _mean([p.average_days for p in early if p.average_days is not None])
            after = _mean([p.average_days for p in late if p.average_days is not None])
            if before is not None and after is not None and after < before - STEADY:
                text += f", quicker lately ({after:.1f} days against {before:.1f} earlier)"
        text += "."
    if still_open:
        text += (
            f" {plural(still_open, 'setback is', 'setbacks are')} still open: repair can "
            "come later, when you are both ready."
        )
    return text


# -- goals -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalsSummary:
    open: int  # goals started by today and not done
    done: int  # goals done within the period
    check_ins: int  # check-ins within the period
    sentence: str


def goals_summary(data: ProgressData, span: DayRange, period: Period | Between) -> GoalsSummary:
    still_open = sum(1 for g in data.goals if g.done_on is None and g.started_on <= span.last)
    done = sum(1 for g in data.goals if g.done_on and span.first <= g.done_on <= span.last)
    steps = len(data.check_ins)
    if not data.goals:
        sentence = "Goals you set together, or for yourself, will show here with each step."
    else:
        parts = [f"{plural(still_open, 'goal')} in progress"]
        if done:
            parts.append(f"{done} done {period.phrase}")
        sentence = f"You have {' and '.join(parts)}, and checked in {plural(steps, 'time')}"
        sentence += f" {period.phrase}." if not done else "."
    return GoalsSummary(still_open, done, steps, sentence)


# -- the whole report -------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgressReport:
    period: Period | Between
    span: DayRange
    today: date
    activity: ActivitySummary
    streaks: Streaks
    calendar: ActivityCalendar
    mood: Trend
    closeness: Trend
    breathing: BreathingSummary
    practice: PracticeSummary
    appreciation: AppreciationSummary
    setbacks: SetbacksSummary
    goals: GoalsSummary
    milestones: tuple[Milestone, ...]  # every milestone reached, oldest first
    future_items: int  # records dated after today, set aside
    is_empty: bool  # nothing at all yet: the view shows its friendly start
    welcome: str = field(default="")


def _welcome(data: ProgressData) -> str:
    if data.count == 0 and not data.goals:
        return (
            "This is where the way you have come will show: your days, how mood and "
            "closeness move, breathing, practice, setbacks turned into lessons, and "
            "milestones. It fills in as you use Tend; nothing to do here yet."
        )
    if data.count < 5:
        return (
            "You have begun. The charts grow clearer with each week, so a few figures "
            "may look thin for now."
        )
    return ""


def build_report(
    data: ProgressData, period: Period | Between | str, today: date, grace_day: bool = False
) -> ProgressReport:
    """Every metric for the period ending today (or for the days ``Between`` names).
    Streaks, the calendar and milestones always look at the whole history in ``data``."""
    if not isinstance(period, Between):
        period = Period(period)
    lived = data.lived(today)
    span = period_span(period, today, lived.earliest())
    inside = lived.within(span)
    return ProgressReport(
        period=period,
        span=span,
        today=today,
        activity=activity_summary(inside, span, period),
        streaks=streaks(activity_days(lived, today), today, grace_day),
        calendar=activity_calendar(lived, today),
        mood=mood_trend(inside, span, period),
        closeness=closeness_trend(inside, span, period),
        breathing=breathing_summary(inside, span, period),
        practice=practice_summary(inside, span, period),
        appreciation=appreciation_summary(inside, span, period),
        setbacks=setbacks_summary(inside, span, period),
        goals=goals_summary(inside, span, period),
        milestones=milestones(lived, today, grace_day),
        future_items=data.count - lived.count,
        is_empty=lived.count == 0 and not data.goals,
        welcome=_welcome(lived),
    )


# -- as plain values (JSON) ---------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, DayRange):
        return {"first": value.first.isoformat(), "last": value.last.isoformat()}
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def report_as_dict(report: ProgressReport) -> dict[str, Any]:
    """The report as JSON-ready values: dates as YYYY-MM-DD, every figure kept."""
    return _plain(report)


__all__ = [
    "APPRECIATION_KINDS",
    "CALENDAR_LEVELS",
    "CHECK_IN_KIND",
    "FOUR_PATTERNS",
    "RATIO_AIM",
    "SETBACK_KIND",
    "ActivityCalendar",
    "ActivitySummary",
    "AppreciationSummary",
    "Between",
    "BreathWeek",
    "BreathingSummary",
    "CalendarDay",
    "GoalsSummary",
    "Milestone",
    "MonthBalance",
    "Period",
    "PracticeSummary",
    "PracticeWeek",
    "ProgressData",
    "ProgressReport",
    "RepairMonth",
    "SetbackItem",
    "SetbacksSummary",
    "Streaks",
    "Trend",
    "WeekAverage",
    "activity_calendar",
    "activity_days",
    "activity_summary",
    "appreciation_summary",
    "breathing_summary",
    "build_report",
    "closeness_trend",
    "goals_summary",
    "milestones",
    "mood_trend",
    "period_span",
    "practice_summary",
    "report_as_dict",
    "setbacks_summary",
    "streak_sentence",
    "streaks",
]
