"""Read everything Progress needs from the vault, through the read ports only. No Qt.

Shared by the view, ``tend progress`` and printed summaries, so all three see the
same figures.

Public names (stable):
- ``EVERYTHING``: a DayRange from year 1 to 9999.
- ``gather(vault, span=EVERYTHING) -> ProgressData``: the records of every area
  (ReflectStore.records, PracticeStore.records, BreatheStore.records) and the goals'
  check-ins (GoalStore.check_ins) in the span, plus every goal's record.
- ``progress_report(vault, period, today, grace_day=None) -> ProgressReport``: gather
  and build; ``grace_day`` None means "as the GRACE_DAY setting says".
- ``TodayGlance`` and ``today_glance(vault, today, celebrate_milestone=True)``: what
  the Today card shows: the current streak (None when the person hid streaks) and
  the newest milestone not yet celebrated (marked celebrated by this call).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.activity import DayRange
from app.breathe.store import BreatheStore
from app.practice.store import PracticeStore
from app.progress.milestones import Milestone, milestones
from app.progress.model import Period, ProgressData, ProgressReport, Streaks, build_report
from app.progress.model import activity_days as _activity_days
from app.progress.model import streaks as _streaks
from app.progress.settings import GRACE_DAY, HIDE_STREAKS, celebrate
from app.progress.store import GoalStore
from app.reflect.store import ReflectStore
from app.vault import Settings, Vault

EVERYTHING = DayRange(date(1, 1, 1), date(9999, 12, 31))


def gather(vault: Vault, span: DayRange = EVERYTHING) -> ProgressData:
    goals = GoalStore(vault)
    return ProgressData(
        reflections=tuple(ReflectStore(vault).records(span)),
        practice=tuple(PracticeStore(vault).records(span)),
        breaths=tuple(BreatheStore(vault).records(span)),
        check_ins=tuple(goals.check_ins(span)),
        goals=tuple(goals.goal_records()),
    )


def progress_report(
    vault: Vault, period: Period | str, today: date, grace_day: bool | None = None
) -> ProgressReport:
    if grace_day is None:
        grace_day = Settings(vault).read(GRACE_DAY)
    return build_report(gather(vault), period, today, grace_day)


@dataclass(frozen=True)
class TodayGlance:
    streak: Streaks | None  # None when the person chose to hide streaks
    milestone: Milestone | None  # newest not yet celebrated


def today_glance(vault: Vault, today: date, celebrate_milestone: bool = True) -> TodayGlance:
    settings = Settings(vault)
    grace = settings.read(GRACE_DAY)
    data = gather(vault, DayRange(EVERYTHING.first, today)).lived(today)
    streak = None
    if not settings.read(HIDE_STREAKS):
        streak = _streaks(_activity_days(data, today), today, grace)
    milestone = None
    if celebrate_milestone:
        milestone = celebrate(settings, milestones(data, today, grace))
    return TodayGlance(streak, milestone)
