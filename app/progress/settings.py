"""Progress's settings, kept in the vault, and milestones celebrated once. No Qt.

Public names (stable):
- ``HIDE_STREAKS`` (default False: streaks are shown; the Today card respects it),
  ``GRACE_DAY`` (default False: one missed day between two active days keeps a run
  going when on), ``CELEBRATED`` (the ids of milestones already celebrated).
- ``celebrated(settings) -> frozenset[str]``.
- ``celebrate(settings, reached) -> Milestone | None``: the newest milestone not yet
  celebrated, or None. Every milestone reached so far is then marked as celebrated, so
  each is celebrated at most once and an old one never pops up months later (the
  view still lists them all).
"""

from __future__ import annotations

from collections.abc import Iterable

from app.progress.milestones import Milestone, newest
from app.vault import Setting, Settings

HIDE_STREAKS: Setting[bool] = Setting("progress.hide_streaks", False)
GRACE_DAY: Setting[bool] = Setting("progress.grace_day", False)
CELEBRATED: Setting[list] = Setting("progress.celebrated_milestones", [])
# The Today page's streak and milestones, remembered while nothing recent changes.
TODAY_SEEN: Setting[dict] = Setting("progress.today_seen", {})


def celebrated(settings: Settings) -> frozenset[str]:
    return frozenset(str(item) for item in settings.read(CELEBRATED))


def celebrate(settings: Settings, reached: Iterable[Milestone]) -> Milestone | None:
    reached = tuple(reached)
    done = celebrated(settings)
    fresh = [m for m in reached if m.id not in done]
    if not fresh:
        return None
    settings.write(CELEBRATED, sorted(done | {m.id for m in reached}))
    return newest(fresh)
