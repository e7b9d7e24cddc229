"""`tend progress`: the way you have come, from the terminal. No Qt.

Plain text that reads kindly, or ``--json`` with the same figures (``report_as_dict``).
The vault is opened read-only: looking at progress changes nothing, not even which
milestones have been celebrated. Heavy modules are imported when the command runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from app.clock import Clock

PERIODS = ("4w", "3m", "12m", "all")
_clock: Clock = Clock()  # tests put a ManualClock here


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "progress",
        parents=[common],
        help="see the way you have come: days, trends, milestones",
        description="Your progress over a period: the days you showed up, mood and "
        "closeness, breathing, practice, appreciation and setbacks, goals and milestones.",
    )
    parser.add_argument(
        "--period",
        choices=PERIODS,
        default="4w",
        help="4w (the last 4 weeks, the default), 3m, 12m or all",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run_progress)


def run_progress(args: argparse.Namespace) -> int:
    from app.cli_support import open_vault
    from app.progress.gather import progress_report
    from app.progress.model import report_as_dict
    from app.progress.settings import HIDE_STREAKS
    from app.vault import Settings

    today = _clock.today()
    with open_vault(args, read_only=True) as vault:
        report = progress_report(vault, args.period, today)
        hide_streaks = Settings(vault).read(HIDE_STREAKS)
    out = sys.stdout
    if args.json:
        figures = report_as_dict(report)
        figures["streaks_hidden"] = hide_streaks
        if hide_streaks:
            figures["streaks"] = None
        json.dump(figures, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    write_text(report, out, hide_streaks=hide_streaks)
    return 0


# -- plain text --------------------------------------------------------------------------


def write_text(report, out: TextIO, *, hide_streaks: bool = False) -> None:
    from app.progress.days import month_name, plural, short_day

    span = report.span
    heading = f"Your progress {report.period.phrase}"
    out.write(f"{heading} ({short_day(span.first)} to {short_day(span.last)})\n\n")
    if report.welcome:
        out.write(f"{report.welcome}\n\n")
    if report.is_empty:
        return
    _section(out, "Days", report.activity.sentence)
    if hide_streaks:
        out.write("  Streaks are hidden, as you chose.\n")
    else:
        out.write(f"  {report.streaks.sentence}\n")
    # The calendar's own sentence speaks of squares on screen; here, just its figure.
    days = plural(report.calendar.active_days, "day")
    out.write(f"  Over the last 12 months you showed up on {days}.\n\n")

    weekly = report.period.value in ("4w", "3m")
    for trend in (report.mood, report.closeness):
        _section(out, trend.name.capitalize(), trend.sentence)
        if weekly:
            for point in trend.rated:
                out.write(
                    f"    week of {short_day(point.week):<18} {point.average:.1f}"
                    f"  ({plural(point.count, 'entry', 'entries')})\n"
                )
        out.write("\n")

    _section(out, "Breathing", report.breathing.sentence)
    if weekly:
        for week in report.breathing.weeks:
            if week.sessions:
                out.write(
                    f"    week of {short_day(week.week):<18} {week.minutes:5.1f} min"
                    f"  ({plural(week.sessions, 'session')}, {week.finished} finished)\n"
                )
    out.write("\n")

    _section(out, "Practice", report.practice.sentence)
    if weekly:
        for week in report.practice.weeks:
            if week.attempts:
                score = f"{week.average_score:.0f}" if week.average_score is not None else "-"
                seen = ", ".join(f"{p} {n}" for p, n in week.patterns.items() if n)
                out.write(
                    f"    week of {short_day(week.week):<18} {plural(week.attempts, 'attempt')},"
                    f" gentleness {score}" + (f"; {seen}" if seen else "") + "\n"
                )
    out.write("\n")

    _section(out, "Appreciation and setbacks", report.appreciation.sentence)
    for month in report.appreciation.months:
        if month.appreciations or month.setbacks:
            out.write(
                f"    {month_name(month.month):<16} {plural(month.appreciations, 'appreciation')},"
                f" {plural(month.setbacks, 'setback')}\n"
            )
    out.write("\n")

    _section(out, "Setbacks as learning", report.setbacks.sentence)
    for item in report.setbacks.items[-5:]:
        out.write(f"    {item.sentence}\n")
        if item.learned:
            out.write(f"      What you learned: {item.lesson.strip()}\n")
    out.write("\n")

    _section(out, "Goals", report.goals.sentence)
    out.write("\n")

    if report.milestones:
        out.write("Milestones\n")
        for milestone in report.milestones:
            out.write(f"  {short_day(milestone.reached_on):<18} {milestone.title}\n")
    if report.future_items:
        out.write(
            f"\n{report.future_items} dated after today are set aside until their day comes.\n"
        )


def _section(out: TextIO, title: str, sentence: str) -> None:
    out.write(f"{title}\n  {sentence}\n")
