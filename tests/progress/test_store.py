"""Goals and check-ins on a real encrypted vault."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.activity import DayRange
from app.progress.goals import CheckIn, Goal, GoalKind
from app.progress.store import CheckInNotFound, GoalNotFound, GoalStore
from app.validation import Invalid


@pytest.fixture
def store(vault, clock) -> GoalStore:
    return GoalStore(vault, clock)


def test_add_list_and_update(store, clock):
    today = clock.today()
    added = store.add(
        Goal("  Cook   together on Sundays ", today, GoalKind.HABIT, why="We laugh more.")
    )
    assert added.id is not None
    assert added.title == "Cook together on Sundays"
    assert added.created_at is not None
    changed = store.update(replace(added, title="Cook on Sundays", target_on=today + timedelta(30)))
    assert store.goals() == [changed]
    assert changed.target_on == today + timedelta(30)
    assert changed.created_at == added.created_at


def test_bad_goals_name_the_field_and_write_nothing(store, clock):
    today = clock.today()
    cases = {
        "title": Goal("   ", today),
        "kind": Goal("A walk", today, kind="flying"),  # type: ignore[arg-type]
        "target_on": Goal("A walk", today, target_on=today - timedelta(1)),
        "started_on": Goal("A walk", date(1850, 1, 1)),
        "done_on": Goal("A walk", today, done_on=today + timedelta(1)),
    }
    for field, goal in cases.items():
        with pytest.raises(Invalid) as caught:
            store.add(goal)
        assert caught.value.field == field
    with pytest.raises(Invalid, match="up to 200"):
        store.add(Goal("x" * 201, today))
    assert store.goals() == []


def test_check_ins_and_their_read_port(store, clock):
    today = clock.today()
    goal = store.add(Goal("Volunteer at the shelter", today - timedelta(10), GoalKind.HELP_OTHERS))
    first = store.check_in(goal.id, today - timedelta(3), "Our first morning there.")
    second = store.check_in(goal.id, today)
    assert [c.id for c in store.get(goal.id).check_ins] == [first.id, second.id]
    span = DayRange(today - timedelta(5), today - timedelta(1))
    (record,) = store.check_ins(span)
    assert (record.check_in_id, record.goal_id, record.day) == (first.id, goal.id, first.day)
    assert not hasattr(record, "note")
    with pytest.raises(Invalid) as caught:
        store.check_in(goal.id, today + timedelta(1))
    assert caught.value.field == "day"
    with pytest.raises(GoalNotFound):
        store.check_in(9999, today)
    moved = store.update_check_in(replace(first, note="Changed"))
    assert moved.note == "Changed"


def test_remove_and_restore_a_check_in(store, clock):
    goal = store.add(Goal("Read a book together", clock.today(), GoalKind.LEARN_TOGETHER))
    step = store.check_in(goal.id, clock.today(), "Chapter one.")
    removed = store.remove_check_in(step.id)
    assert store.get(goal.id).check_ins == ()
    store.restore_check_in(removed)
    assert store.get(goal.id).check_ins == (step,)
    with pytest.raises(CheckInNotFound):
        store.remove_check_in(9999)


def test_delete_and_undo_keep_the_same_id_and_check_ins(store, clock):
    today = clock.today()
    goal = store.add(Goal("Plan a weekend away", today, GoalKind.SHARED_EXPERIENCE))
    store.check_in(goal.id, today, "Looked at maps.")
    whole = store.get(goal.id)
    deleted = store.delete(goal.id)
    assert deleted == whole
    assert store.goals() == []
    assert store.check_ins(DayRange(today, today)) == []
    assert store.restore(deleted) == whole
    with pytest.raises(GoalNotFound):
        store.delete(9999)


def test_done_and_undone_and_the_order_of_the_list(store, clock):
    today = clock.today()
    older = store.add(Goal("Walk after dinner", today - timedelta(20), GoalKind.HABIT))
    newer = store.add(Goal("Learn to dance", today - timedelta(5), GoalKind.LEARN_TOGETHER))
    done = store.add(Goal("Call my sister", today - timedelta(30), GoalKind.PERSONAL))
    store.mark_done(done.id, today - timedelta(1))
    assert [g.id for g in store.goals()] == [older.id, newer.id, done.id]
    with pytest.raises(Invalid):
        store.mark_done(older.id, today - timedelta(25))  # before it started
    assert store.mark_undone(done.id).done_on is None
    records = {r.goal_id: r for r in store.goal_records()}
    assert records[done.id].done_on is None
    assert records[newer.id].kind == "learn_together"


def test_adding_a_goal_with_check_ins(store, clock):
    today = clock.today()
    goal = store.add(Goal("Garden", today, check_ins=(CheckIn(today, "Seeds"),)))
    assert [c.note for c in goal.check_ins] == ["Seeds"]
