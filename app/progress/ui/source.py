"""Where the view's figures come from: the core's gather and report, and its settings.

Reading happens on the GUI thread (the vault's connection belongs to it); the report is
pure Python over the records, so the task runner may build it on another thread.
"""

from __future__ import annotations

from datetime import date

from app.progress.gather import gather
from app.progress.model import ProgressData, ProgressReport, build_report
from app.progress.settings import CELEBRATED, GRACE_DAY, HIDE_STREAKS
from app.vault import Setting, Vault

# The view remembers the period last chosen; the core's settings hold the rest.
PERIOD: Setting[str] = Setting("progress.period", "3m")

__all__ = ["CELEBRATED", "GRACE_DAY", "HIDE_STREAKS", "PERIOD", "read_data", "report_for"]


def read_data(vault: Vault) -> ProgressData:
    return gather(vault)  # everything: streaks, milestones and "all time" need it all


def report_for(data: ProgressData, period: str, today: date, grace_day: bool) -> ProgressReport:
    return build_report(data, period, today, grace_day=grace_day)
