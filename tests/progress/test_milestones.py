"""Milestones, each found with the day it was reached."""

from __future__ import annotations

from datetime import date, timedelta

from app.progress.milestones import MILESTONE_IDS, milestones, newest
from tests.progress.records import attempt, breath, check_in, data, entry, goal, setback

START = date(2026, 1, 5)  # a Monday


def day(n: int) -> date:
    return START + timedelta(days=n)


def reached(*records, today=date(2026, 12, 31), grace=False, goals=()):
    return {m.id: m.reached_on for m in milestones(data(*records, goals=goals), today, grace)}


def test_firsts():
    found = reached(entry(day(3)), entry(day(1)), breath(day(2)), attempt(day(4)), check_in(day(5)))
    assert found == {
        "first-entry": day(1),
        "first-breath": day(2),
        "first-practice": day(4),
        "first-goal-step": day(5),
    }


def test_first_week_with_four_reflections_is_an_iso_week():
    # Thursday to Sunday is one week; Sunday then Monday is not.
    across = reached(*[entry(day(n)) for n in (3, 4, 5, 6)])
    assert across["week-of-four"] == day(6)
    split = reached(*[entry(day(n)) for n in (4, 5, 6, 7)])
    assert "week-of-four" not in split


def test_streak_milestones_with_and_without_grace():
    every_day = [breath(day(n)) for n in range(30)]
    found = reached(*every_day)
    assert (found["streak-7"], found["streak-30"]) == (day(6), day(29))
    every_other = [breath(day(2 * n)) for n in range(8)]
    assert "streak-7" not in reached(*every_other)
    assert reached(*every_other, grace=True)["streak-7"] == day(12)


def test_setback_lesson_and_first_repair():
    found = reached(
        setback(day(0)),
        setback(day(3), learned="Ask for a pause."),
        setback(day(5), repaired_on=day(9)),
        setback(day(1), repaired_on=day(20)),
    )
    assert found["first-lesson"] == day(3)
    assert found["first-repair"] == day(9)


def test_a_repair_dated_ahead_is_not_reached_yet():
    found = reached(setback(day(0), repaired_on=day(40)), today=day(10))
    assert "first-repair" not in found


def test_counts_reached_on_the_day_of_the_nth():
    found = reached(
        *[breath(day(n), minutes=10) for n in range(7)],  # 60 minutes on the sixth
        *[attempt(day(n)) for n in range(20)],
        *[entry(day(n), "gratitude" if n % 2 else "shared_moment") for n in range(10)],
    )
    assert found["breath-60"] == day(5)
    assert found["practice-20"] == day(19)
    assert found["appreciation-10"] == day(9)


def test_a_month_of_regular_check_ins_needs_four_weeks_in_a_row():
    weeks = [[entry(day(7 * w + d), "check_in") for d in (0, 2, 4)] for w in range(4)]
    found = reached(*[r for week in weeks for r in week])
    assert found["regular-check-ins"] == day(7 * 3 + 4)
    broken = [r for w, week in enumerate(weeks) for r in week if not (w == 2 and r.day.day % 2)]
    assert "regular-check-ins" not in reached(*broken)


def test_a_goal_done_and_a_year_of_tending():
    found = reached(
        entry(date(2025, 2, 1)),
        entry(date(2026, 1, 20)),
        goals=[goal(date(2025, 3, 1), done=date(2025, 9, 9))],
        today=date(2026, 3, 1),
    )
    assert found["first-goal-done"] == date(2025, 9, 9)
    assert found["one-year"] == date(2026, 2, 1)


def test_nothing_is_reached_in_an_empty_vault_and_ids_are_unique():
    assert milestones(data(), date(2026, 1, 1)) == ()
    assert len(MILESTONE_IDS) == len(set(MILESTONE_IDS)) >= 10


def test_milestones_are_oldest_first_with_a_warm_line_and_newest_is_the_last():
    found = milestones(data(entry(day(2)), breath(day(0))), day(5))
    assert [m.id for m in found] == ["first-breath", "first-entry"]
    assert all(m.text and m.text.endswith(".") for m in found)
    assert newest(found).id == "first-entry"
    assert newest(()) is None
