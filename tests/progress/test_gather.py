"""Gathering through the read ports, the settings, and milestones celebrated once."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from app.breathe.model import BreathSession
from app.breathe.store import BreatheStore
from app.clock import ManualClock
from app.demo import fill
from app.practice.coach import analyze
from app.practice.model import Attempt, ExerciseKind
from app.practice.store import PracticeStore
from app.progress.gather import gather, progress_report, today_glance
from app.progress.goals import Goal
from app.progress.milestones import Milestone
from app.progress.settings import CELEBRATED, GRACE_DAY, HIDE_STREAKS, celebrate, celebrated
from app.progress.store import GoalStore
from app.reflect.model import Entry, Kind
from app.reflect.store import ReflectStore
from app.vault import Settings

TODAY = date(2026, 3, 18)


def at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


@pytest.fixture
def clock():
    return ManualClock(at(TODAY, 20))


def test_gather_reads_every_area_and_goals(vault, clock):
    ReflectStore(vault, clock).create(Entry(TODAY, Kind.GRATITUDE, body="Tea.", mood=4))
    text = "You never listen to me."
    PracticeStore(vault).save_attempt(
        Attempt(ExerciseKind.REWRITE, text, at(TODAY), analysis=analyze(text).to_dict())
    )
    BreatheStore(vault).add_session(
        BreathSession("box", "Box breathing", at(TODAY - timedelta(1)), 60_000, 60_000, True, 2, 4)
    )
    goals = GoalStore(vault, clock)
    goal = goals.add(Goal("Dance class", TODAY - timedelta(3)))
    goals.check_in(goal.id, TODAY - timedelta(2))
    data = gather(vault)
    assert [r.kind for r in data.reflections] == ["gratitude"]
    assert data.practice[0].patterns == ("criticism",)
    assert data.breaths[0].calm_after == 4
    assert [c.goal_id for c in data.check_ins] == [goal.id]
    assert [g.goal_id for g in data.goals] == [goal.id]
    report = progress_report(vault, "4w", TODAY)
    assert report.streaks.current == 3
    assert report.practice.patterns["criticism"] == 1


def test_the_grace_day_setting_reaches_the_report(vault, clock):
    store = ReflectStore(vault, clock)
    for n in (0, 2, 4):
        store.create(Entry(TODAY - timedelta(n), body="A line."))
    assert progress_report(vault, "4w", TODAY).streaks.current == 1
    Settings(vault).write(GRACE_DAY, True)
    assert progress_report(vault, "4w", TODAY).streaks.current == 3


def test_celebrate_gives_the_newest_once_and_marks_every_one(vault):
    settings = Settings(vault)
    older = Milestone("first-entry", "t", "x.", date(2026, 1, 1))
    newer = Milestone("streak-7", "t", "x.", date(2026, 2, 1))
    assert celebrate(settings, [older, newer]) == newer
    assert celebrated(settings) == {"first-entry", "streak-7"}
    assert celebrate(settings, [older, newer]) is None
    latest = Milestone("breath-60", "t", "x.", date(2026, 3, 1))
    assert celebrate(settings, [older, newer, latest]) == latest
    assert settings.read(CELEBRATED) == ["breath-60", "first-entry", "streak-7"]


def test_today_glance_respects_hidden_streaks_and_celebrates_once(vault, clock):
    store = ReflectStore(vault, clock)
    for n in range(7):
        store.create(Entry(TODAY - timedelta(n), body="Here again."))
    first = today_glance(vault, TODAY)
    assert first.streak.current == 7
    assert first.milestone.id == "streak-7"
    assert today_glance(vault, TODAY).milestone is None
    Settings(vault).write(HIDE_STREAKS, True)
    assert today_glance(vault, TODAY).streak is None


def test_the_demo_is_deterministic_and_fills_every_area(vault, paths, tmp_path):
    counts = fill(vault, TODAY, seed=3)
    data = gather(vault)
    assert counts.entries == len(data.reflections) > 200
    assert counts.attempts == len(data.practice) > 80
    assert counts.sessions == len(data.breaths) > 80
    assert counts.check_ins == len(data.check_ins) > 30
    assert {r.kind for r in data.reflections} == {k.value for k in Kind}
    assert any(r.setback and r.setback.repaired_on for r in data.reflections)
    assert any(p.patterns for p in data.practice)
    assert any(p.score and p.score >= 90 for p in data.practice)
    assert all(r.day <= TODAY for r in data.reflections)
    report = progress_report(vault, "all", TODAY)
    assert len(report.milestones) >= 12
    assert report.goals.done >= 1

    from app.vault import Vault

    other = Vault.create(tmp_path / "other.db", "another passphrase")
    try:
        assert fill(other, TODAY, seed=3) == counts
        assert gather(other).reflections == data.reflections
    finally:
        other.close()


def test_the_today_streak_sees_a_run_longer_than_the_recent_days(vault, clock):
    from app.progress.gather import RECENT_DAYS

    store = ReflectStore(vault, clock)
    store.create_many(Entry(TODAY - timedelta(n), body="Daily.") for n in range(RECENT_DAYS * 2))
    first = today_glance(vault, TODAY)
    assert first.streak.current == RECENT_DAYS * 2
    assert first.milestone.id == "streak-100"
    again = today_glance(vault, TODAY)  # remembered: the same figures, nothing to celebrate
    assert (again.streak.current, again.streak.longest) == (RECENT_DAYS * 2, RECENT_DAYS * 2)
    assert again.streak.sentence == first.streak.sentence
    assert again.milestone is None


def test_the_remembered_milestones_are_worked_out_again_when_today_changes(vault, clock):
    store = ReflectStore(vault, clock)
    for n in range(1, 7):
        store.create(Entry(TODAY - timedelta(n), body="Here."))
    assert today_glance(vault, TODAY).milestone.id == "week-of-four"
    assert today_glance(vault, TODAY).milestone is None  # remembered, nothing new
    store.create(Entry(TODAY, body="The seventh day."))
    assert today_glance(vault, TODAY).milestone.id == "streak-7"


def test_a_back_dated_entry_changes_the_today_streak(vault, clock):
    store = ReflectStore(vault, clock)
    for n in (0, 1, 3):
        store.create(Entry(TODAY - timedelta(n), body="Here."))
    assert today_glance(vault, TODAY).streak.current == 2
    store.create(Entry(TODAY - timedelta(2), body="Written late, for the day before."))
    assert today_glance(vault, TODAY).streak.current == 4
