"""The report's figures as chart specs: the one place the view reads the model's shapes.

Each function takes a part of ``ProgressReport`` and returns a plain ``ChartSpec`` whose
sentence is the model's own. Texts for an empty chart say what will appear and how.
"""

from __future__ import annotations

from datetime import date

from app.progress.days import month_name, plural, short_day
from app.progress.model import (
    FOUR_PATTERNS,
    AppreciationSummary,
    BreathingSummary,
    MonthBalance,
    PracticeSummary,
    ProgressReport,
    SetbacksSummary,
    Trend,
)
from app.progress.ui.charts import Axis, ChartSpec, Series

MOOD_EMPTY = (
    "When you rate your mood and closeness in a journal entry, a line for each will "
    "grow here, one point a week."
)
BREATH_EMPTY = (
    "Each time you follow a breathing session in Breathe, its minutes gather here, week by week."
)
PRACTICE_EMPTY = (
    "Save an attempt in Practise and it will show here: how many you made each week, "
    "and how gentle the coach found them."
)
PATTERNS_EMPTY = (
    "When the coach notices criticism, contempt, defensiveness or stonewalling in a "
    "practice attempt, it is counted here week by week, so you can see which to work on."
)
BALANCE_EMPTY = (
    "Gratitude and shared-moment entries, and setbacks, are counted here month by "
    "month once you write them in Reflect."
)
REPAIR_EMPTY = (
    "When you write a setback in Reflect and later mark the day you repaired it, the "
    "days it took show here month by month."
)


def _short_week(monday: date, many_years: bool) -> str:
    return f"{monday:%b} {monday:%y}" if many_years else f"{monday.day} {monday:%b}"


def _labels(days: list[date], weekly: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    many_years = bool(days) and (days[-1] - days[0]).days > 300
    if weekly:
        short = tuple(_short_week(d, many_years) for d in days)
        long = tuple(f"Week of {short_day(d)}" for d in days)
    else:
        short = tuple(f"{d:%b} {d:%y}" if many_years else f"{d:%b}" for d in days)
        long = tuple(month_name(d) for d in days)
    return short, long


def mood_and_closeness(mood: Trend, closeness: Trend) -> ChartSpec:
    short, long = _labels([w.week for w in mood.weeks], weekly=True)
    return ChartSpec(
        key="mood",
        title="Mood and closeness",
        sentence=f"{mood.sentence} {closeness.sentence}",
        labels=short,
        long_labels=long,
        series=(
            Series(
                "Mood",
                tuple(w.average for w in mood.weeks),
                counts=tuple(w.count for w in mood.weeks),
            ),
            Series(
                "Closeness",
                tuple(w.average for w in closeness.weeks),
                counts=tuple(w.count for w in closeness.weeks),
            ),
        ),
        left=Axis("Average, 1-5", 1, 5),
        empty=MOOD_EMPTY,
    )


def breathing(summary: BreathingSummary) -> ChartSpec:
    short, long = _labels([w.week for w in summary.weeks], weekly=True)
    sessions = tuple(w.sessions for w in summary.weeks)
    return ChartSpec(
        key="breathing",
        title="Breathing",
        sentence=summary.sentence,
        labels=short,
        long_labels=long,
        series=(
            Series(
                "Minutes",
                tuple(w.minutes if w.sessions else None for w in summary.weeks),
                counts=sessions,
                count_word="sessions",
                bar=True,
            ),
        ),
        left=Axis("Minutes"),
        empty=BREATH_EMPTY,
    )


def practice(summary: PracticeSummary) -> ChartSpec:
    short, long = _labels([w.week for w in summary.weeks], weekly=True)
    return ChartSpec(
        key="practice",
        title="Practice",
        sentence=summary.sentence,
        labels=short,
        long_labels=long,
        series=(
            Series(
                "Attempts",
                tuple(float(w.attempts) if w.attempts else None for w in summary.weeks),
                bar=True,
                decimals=0,
            ),
            Series(
                "Average gentleness",
                tuple(w.average_score for w in summary.weeks),
                counts=tuple(w.scored for w in summary.weeks),
                count_word="scored attempts",
                right_axis=True,
                decimals=0,
            ),
        ),
        left=Axis("Attempts"),
        right=Axis("Gentleness", 0, 100),
        empty=PRACTICE_EMPTY,
    )


def patterns_sentence(summary: PracticeSummary) -> str:
    """The patterns chart's own line (the model's practice sentence covers both charts)."""
    seen = [(summary.patterns.get(p, 0), p) for p in FOUR_PATTERNS if summary.patterns.get(p)]
    if not seen:
        return (
            "The coach noticed none of the four patterns in these weeks: "
            "your words have been landing gently."
        )
    listed = [f"{name} in {plural(count, 'attempt')}" for count, name in sorted(seen, reverse=True)]
    text = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
    return f"The coach noticed {text}. Each one noticed is a chance to practise the kinder way."


def patterns(summary: PracticeSummary) -> ChartSpec:
    short, long = _labels([w.week for w in summary.weeks], weekly=True)
    series = tuple(
        Series(
            name.capitalize(),
            tuple(float(w.patterns.get(name, 0)) if w.attempts else None for w in summary.weeks),
            bar=True,
            decimals=0,
        )
        for name in FOUR_PATTERNS
    )
    return ChartSpec(
        key="patterns",
        title="The four patterns",
        sentence=patterns_sentence(summary),
        labels=short,
        long_labels=long,
        series=series,
        left=Axis("Attempts"),
        empty=PATTERNS_EMPTY,
        stacked=True,
    )


def _count(value: int, month: MonthBalance) -> float | None:
    """A month with neither is left out (a gap), so an empty year draws no axis."""
    return float(value) if month.appreciations or month.setbacks else None


def appreciation(summary: AppreciationSummary) -> ChartSpec:
    short, long = _labels([m.month for m in summary.months], weekly=False)
    return ChartSpec(
        key="appreciation",
        title="Appreciation and setbacks",
        sentence=summary.sentence,
        labels=short,
        long_labels=long,
        series=(
            Series(
                "Appreciations",
                tuple(_count(m.appreciations, m) for m in summary.months),
                bar=True,
                decimals=0,
            ),
            Series(
                "Setbacks",
                tuple(_count(m.setbacks, m) for m in summary.months),
                bar=True,
                decimals=0,
            ),
            Series(
                f"{summary.aim} for each setback",
                tuple(
                    float(summary.aim * m.setbacks) if m.setbacks else None for m in summary.months
                ),
                reference=True,
                decimals=0,
            ),
        ),
        left=Axis("Entries"),
        empty=BALANCE_EMPTY,
    )


def repair_time(summary: SetbacksSummary) -> ChartSpec:
    short, long = _labels([m.month for m in summary.months], weekly=False)
    return ChartSpec(
        key="repair",
        title="Days from rupture to repair",
        sentence=summary.sentence,
        labels=short,
        long_labels=long,
        series=(
            Series(
                "Average days to repair",
                tuple(m.average_days for m in summary.months),
                counts=tuple(m.repaired for m in summary.months),
                count_word="repaired setbacks",
            ),
        ),
        left=Axis("Days"),
        empty=REPAIR_EMPTY,
    )


def all_charts(report: ProgressReport) -> list[ChartSpec]:
    """The Trends page's charts, in reading order."""
    return [
        mood_and_closeness(report.mood, report.closeness),
        breathing(report.breathing),
        practice(report.practice),
        patterns(report.practice),
        appreciation(report.appreciation),
    ]
