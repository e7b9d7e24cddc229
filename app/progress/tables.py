"""Each chart's numbers as a plain table: for "show as a table", screen readers and print.

Pure Python. ``tables(report)`` returns one ``Table`` per chart, in the order the view
shows them, each with the chart's sentence. Cells are text, already formatted. Rows
list only the weeks (months) with something in them; the charts show the gaps.

Public names (stable): ``Table`` (key, title, sentence, columns, rows) and
``tables(report) -> tuple[Table, ...]``; keys: activity, mood, closeness, breathing,
practice, appreciation, setbacks, repair, milestones.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.progress.days import month_name, short_day
from app.progress.model import FOUR_PATTERNS, ProgressReport, Trend


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    sentence: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _trend(key: str, title: str, trend: Trend) -> Table:
    rows = tuple(
        (f"Week of {short_day(w.week)}", _number(w.average), str(w.count)) for w in trend.rated
    )
    return Table(key, title, trend.sentence, ("Week", "Average (1 to 5)", "Entries"), rows)


def tables(report: ProgressReport) -> tuple[Table, ...]:
    cal = report.calendar
    activity = Table(
        "activity",
        "Days you showed up",
        report.activity.sentence,
        ("Day", "Entries", "Practice", "Breathing (min)", "Goal check-ins"),
        tuple(
            (
                short_day(d.day),
                str(d.reflections),
                str(d.practice),
                _number(d.breath_minutes),
                str(d.check_ins),
            )
            for d in cal.days
            if d.total and report.span.first <= d.day
        ),
    )
    breathing = Table(
        "breathing",
        "Breathing",
        report.breathing.sentence,
        ("Week", "Minutes", "Sessions", "Finished"),
        tuple(
            (f"Week of {short_day(w.week)}", _number(w.minutes), str(w.sessions), str(w.finished))
            for w in report.breathing.weeks
            if w.sessions
        ),
    )
    practice = Table(
        "practice",
        "Practice",
        report.practice.sentence,
        ("Week", "Attempts", "Average gentleness", *(p.capitalize() for p in FOUR_PATTERNS)),
        tuple(
            (
                f"Week of {short_day(w.week)}",
                str(w.attempts),
                _number(w.average_score, 0),
                *(str(w.patterns[p]) for p in FOUR_PATTERNS),
            )
            for w in report.practice.weeks
            if w.attempts
        ),
    )
    appreciation = Table(
        "appreciation",
        "Appreciation and setbacks",
        report.appreciation.sentence,
        ("Month", "Appreciations", "Setbacks", "For each setback"),
        tuple(
            (month_name(m.month), str(m.appreciations), str(m.setbacks), _number(m.ratio))
            for m in report.appreciation.months
            if m.appreciations or m.setbacks
        ),
    )
    setbacks = Table(
        "setbacks",
        "Setbacks as learning",
        report.setbacks.sentence,
        ("Day", "Pattern", "What you learned", "Repaired", "Days to repair"),
        tuple(
            (
                short_day(i.day),
                (i.pattern or "").capitalize() or "–",
                i.lesson.strip() or "–",
                short_day(i.repaired_on) if i.repaired_on else "Not yet",
                "–" if i.days_to_repair is None else str(i.days_to_repair),
            )
            for i in report.setbacks.items
        ),
    )
    repair = Table(
        "repair",
        "Time to repair, by month",
        report.setbacks.sentence,
        ("Month", "Setbacks", "Repaired", "Average days"),
        tuple(
            (month_name(m.month), str(m.setbacks), str(m.repaired), _number(m.average_days))
            for m in report.setbacks.months
            if m.setbacks
        ),
    )
    milestones = Table(
        "milestones",
        "Milestones",
        f"{len(report.milestones)} milestones reached so far."
        if report.milestones
        else "Milestones will gather here as you go.",
        ("Reached", "Milestone", "About it"),
        tuple((short_day(m.reached_on), m.title, m.text) for m in report.milestones),
    )
    return (
        activity,
        _trend("mood", "Mood", report.mood),
        _trend("closeness", "Closeness", report.closeness),
        breathing,
        practice,
        appreciation,
        setbacks,
        repair,
        milestones,
    )
