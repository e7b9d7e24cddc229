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
- ``today_figures(vault, today, grace_day) -> (Streaks, milestones)``: the same
  figures as the whole history gives, remembered in a setting while nothing recent
  changes, so the Today page answers in a few milliseconds.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date, timedelta

from app.activity import DayRange
from app.breathe.store import BreatheStore
from app.practice.store import PracticeStore
from app.progress.days import day_or_none, iso_or_none
from app.progress.milestones import MILESTONES, Milestone, milestones
from app.progress.model import (
    Between,
    Period,
    ProgressData,
    ProgressReport,
    Streaks,
    build_report,
    streak_sentence,
)
from app.progress.model import activity_days as _activity_days
from app.progress.model import streaks as _streaks
from app.progress.settings import GRACE_DAY, HIDE_STREAKS, TODAY_SEEN, celebrate
from app.progress.store import GoalStore
from app.reflect.store import ReflectStore
from app.vault import Settings, Vault, VaultError

EVERYTHING = DayRange(date(1, 1, 1), date(9999, 12, 31))


def gather(vault: Vault, span: DayRange = EVERYTHING, *, goals: bool = True) -> ProgressData:
    """Every record in the span; ``goals=False`` skips the goals' own records."""
    store = GoalStore(vault)
    return ProgressData(
        reflections=tuple(ReflectStore(vault).records(span)),
        practice=tuple(PracticeStore(vault).records(span)),
        breaths=tuple(BreatheStore(vault).records(span)),
        check_ins=tuple(store.check_ins(span)),
        goals=tuple(store.goal_records()) if goals else (),
    )


def progress_report(
    vault: Vault, period: Period | Between | str, today: date, grace_day: bool | None = None
) -> ProgressReport:
    if grace_day is None:
        grace_day = Settings(vault).read(GRACE_DAY)
    return build_report(gather(vault), period, today, grace_day)


@dataclass(frozen=True)
class TodayGlance:
    streak: Streaks | None  # None when the person chose to hide streaks
    milestone: Milestone | None  # newest not yet celebrated


RECENT_DAYS = 64


def today_figures(
    vault: Vault, today: date, grace_day: bool = False
) -> tuple[Streaks, tuple[Milestone, ...]]:
    """The streak and every milestone reached, for the Today page, answered quickly.

    Reading five years through the read ports costs tens of milliseconds, too slow for
    the Today page each time it is shown. So both are worked out from the whole
    history and kept (numbers, ids and dates only, in the vault's settings) with a stamp:
    today's date, the grace-day setting, how many things the last RECENT_DAYS days hold
    and how many goals are done. While the stamp holds, only those recent days are
    read; a new day, anything added or removed lately, or a goal marked done or undone
    means working it out afresh. A read-only vault simply is not remembered.
    """
    settings = Settings(vault)
    first = max(EVERYTHING.first, today - timedelta(days=RECENT_DAYS - 1))
    recent = gather(vault, DayRange(first, today)).lived(today)
    stamp = {
        "day": today.isoformat(),
        "grace": grace_day,
        "recent": recent.count,
        "done": sum(1 for g in recent.goals if g.done_on),
    }
    kept = settings.read(TODAY_SEEN)
    if kept.get("stamp") == stamp:
        try:
            return _streak_from(kept["streak"], grace_day), _milestones_from(kept["reached"])
        except (KeyError, TypeError, ValueError):
            pass  # written by another version: work it out again
    data = gather(vault, DayRange(EVERYTHING.first, today)).lived(today)
    streak = _streaks(_activity_days(data, today), today, grace_day)
    found = milestones(data, today, grace_day)
    with contextlib.suppress(VaultError):
        settings.write(
            TODAY_SEEN,
            {
                "stamp": stamp,
                "streak": [
                    streak.current,
                    streak.longest,
                    *(iso_or_none(d) for d in (streak.current_started, streak.longest_started)),
                    iso_or_none(streak.longest_ended),
                    streak.active_today,
                ],
                "reached": [[m.id, m.reached_on.isoformat()] for m in found],
            },
        )
    return streak, found


def _streak_from(kept: list, grace_day: bool) -> Streaks:
    current, longest, started, longest_started, longest_ended, active_today = kept
    return Streaks(
        current=int(current),
        longest=int(longest),
        current_started=day_or_none(started),
        longest_started=day_or_none(longest_started),
        longest_ended=day_or_none(longest_ended),
        grace_day=grace_day,
        active_today=bool(active_today),
        sentence=streak_sentence(int(current), int(longest), bool(active_today), longest > 0),
    )


def _milestones_from(kept: list) -> tuple[Milestone, ...]:
    by_id = {rule.id: rule for rule in MILESTONES}
    return tuple(
        Milestone(key, by_id[key].title, by_id[key].text, date.fromisoformat(day))
        for key, day in kept
        if key in by_id
    )


def today_glance(vault: Vault, today: date, celebrate_milestone: bool = True) -> TodayGlance:
    """The streak (None when hidden) and the newest milestone not yet celebrated, which
    this call marks as celebrated unless ``celebrate_milestone`` is False."""
    settings = Settings(vault)
    grace = settings.read(GRACE_DAY)
    streak, found = today_figures(vault, today, grace)
    milestone = celebrate(settings, found) if celebrate_milestone else None
    return TodayGlance(None if settings.read(HIDE_STREAKS) else streak, milestone)
