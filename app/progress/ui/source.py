"""Where the view's figures come from: the read ports, then the core's report.

Reading happens on the GUI thread (the vault's connection belongs to it); the report is
pure Python over the records, so it may be built anywhere.
"""

from __future__ import annotations

from datetime import date

from app.activity import DayRange
from app.breathe.store import BreatheStore
from app.practice.store import PracticeStore
from app.progress.model import ProgressData, ProgressReport, build_report
from app.progress.store import GoalStore
from app.reflect.store import ReflectStore
from app.vault import Setting, Vault

# Everything ever recorded: streaks, milestones and "all time" need the whole history.
EVERYTHING = DayRange(date(1900, 1, 1), date(9999, 12, 31))

HIDE_STREAKS: Setting[bool] = Setting("progress.hide_streaks", False)
GRACE_DAY: Setting[bool] = Setting("progress.grace_day", False)
CELEBRATED: Setting[list] = Setting("progress.celebrated", [])
PERIOD: Setting[str] = Setting("progress.period", "3m")


def read_data(vault: Vault) -> ProgressData:
    goals = GoalStore(vault)
    return ProgressData(
        reflections=tuple(ReflectStore(vault).records(EVERYTHING)),
        practice=tuple(PracticeStore(vault).records(EVERYTHING)),
        breaths=tuple(BreatheStore(vault).records(EVERYTHING)),
        check_ins=tuple(goals.check_ins(EVERYTHING)),
        goals=tuple(goals.goal_records()),
    )


def report_for(data: ProgressData, period: str, today: date, grace_day: bool) -> ProgressReport:
    return build_report(data, period, today, grace_day=grace_day)
