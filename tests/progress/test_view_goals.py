"""Shared goals in the Progress view: add, edit, check in, mark done, delete and undo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from app.progress.goals import Goal, GoalKind
from app.progress.store import GoalStore
from app.progress.ui.view import GoalNotSaved, ProgressView
from app.vault import DiskFull
from tests.progress.view_support import TODAY, show

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def view(qtbot, context) -> ProgressView:
    made = show(qtbot, ProgressView(context))
    made.tabs.setCurrentIndex(3)
    return made


def add_goal(qtbot, view: ProgressView, title: str, why: str = "") -> None:
    qtbot.mouseClick(view.goals.add_button, LEFT)
    form = view.goals.form
    assert form.isVisible()
    assert form.title.hasFocus()
    qtbot.keyClicks(form.title, title)
    if why:
        qtbot.keyClicks(form.why, why)
    form.kind.setCurrentIndex(form.kind.findData(GoalKind.LEARN_TOGETHER.value))
    qtbot.mouseClick(form.save_button, LEFT)


def test_adding_a_goal_lists_it_with_its_kind_and_why(qtbot, view, vault):
    assert view.goals.intro.isVisible()
    add_goal(qtbot, view, "Learn to cook a curry together", "Slow evenings")
    assert not view.goals.form.isVisible()
    assert not view.goals.intro.isVisible()
    (card,) = view.goals.cards
    assert card.title.text() == "Learn to cook a curry together"
    assert card.accessibleName() == "Goal: Learn to cook a curry together"
    texts = [w.text() for w in card.findChildren(type(card.title))]
    assert "Something to learn together  ·  started 15 January 2026  ·  0 check-ins" in texts
    assert "Slow evenings" in texts
    (saved,) = GoalStore(vault).goals()
    assert saved.kind == GoalKind.LEARN_TOGETHER
    assert saved.target_on is None


def test_a_goal_without_a_name_says_so_and_keeps_the_words(qtbot, view, vault):
    qtbot.mouseClick(view.goals.add_button, LEFT)
    form = view.goals.form
    qtbot.keyClicks(form.why, "So we laugh more")
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.isVisible()
    assert form.error.isVisible()
    assert form.error.text() == "A goal needs a few words to name it."
    assert form.why.toPlainText() == "So we laugh more"
    assert GoalStore(vault).goals() == []


def test_a_vault_error_shows_its_message_and_the_form_keeps_the_words(
    qtbot, view, vault, monkeypatch
):
    def disk_full(*_args):
        raise DiskFull()

    monkeypatch.setattr(view.goal_store, "add", disk_full)
    add_goal(qtbot, view, "Walk on Sundays")
    form = view.goals.form
    assert form.isVisible()
    assert "disk is full" in form.error.text()
    assert form.title.text() == "Walk on Sundays"
    assert GoalStore(vault).goals() == []


def test_editing_a_goal_changes_it_and_sets_a_target_date(qtbot, view, vault):
    add_goal(qtbot, view, "Walk on Sundays")
    qtbot.mouseClick(view.goals.cards[0].edit_button, LEFT)
    form = view.goals.form
    assert form.heading.text() == "Change this goal"
    assert form.title.text() == "Walk on Sundays"
    form.title.selectAll()
    qtbot.keyClicks(form.title, "Walk every Sunday")
    qtbot.mouseClick(form.has_target, LEFT)
    form.target.setDate(QDate(2026, 6, 1))
    qtbot.mouseClick(form.save_button, LEFT)
    (goal,) = GoalStore(vault).goals()
    assert goal.title == "Walk every Sunday"
    assert goal.target_on == date(2026, 6, 1)
    assert (
        "aiming for 1 June 2026" in view.goals.cards[0].findChildren(type(form.heading))[1].text()
    )


def test_checking_in_adds_a_step_and_counts_as_a_day_you_showed_up(qtbot, view, vault):
    add_goal(qtbot, view, "Cook together")
    card = view.goals.cards[0]
    qtbot.mouseClick(card.check_in_button, LEFT)
    assert card.check_in_note.hasFocus()
    card.check_in_day.setDate(QDate(2026, 1, 14))
    qtbot.keyClicks(card.check_in_note, "Made dal")
    qtbot.keyClick(card.check_in_note, Qt.Key.Key_Return)
    (goal,) = GoalStore(vault).goals()
    assert [(c.day, c.note) for c in goal.check_ins] == [(date(2026, 1, 14), "Made dal")]
    card = view.goals.cards[0]
    lines = [w.text() for w in card.findChildren(type(card.title)) if w.objectName() == "checkIn"]
    assert lines == ["✓ 14 January 2026: Made dal"]
    # The figures were worked out again: the check-in is a day in the calendar.
    view.tabs.setCurrentIndex(0)
    grid = view.calendar.grid
    assert "1 goal check-in" in grid.describe(date(2026, 1, 14))
    assert view.report.goals.check_ins == 1


def test_a_check_in_cannot_be_in_the_future(qtbot, view, vault):
    add_goal(qtbot, view, "Cook together")
    card = view.goals.cards[0]
    qtbot.mouseClick(card.check_in_button, LEFT)
    assert card.check_in_day.maximumDate() == QDate(2026, 1, 15)  # the picker stops at today
    problem = view.goals.check_in(card.goal, TODAY + timedelta(days=2), "soon")
    assert "too far ahead" in problem
    assert GoalStore(vault).goals()[0].check_ins == ()


def test_marking_done_and_back(qtbot, view, vault):
    add_goal(qtbot, view, "Plant a tree")
    qtbot.mouseClick(view.goals.cards[0].done_button, LEFT)
    (goal,) = GoalStore(vault).goals()
    assert goal.done_on == TODAY
    card = view.goals.cards[0]
    assert card.done_button.text() == "Not done yet"
    assert not card.check_in_button.isVisible()
    assert "done 15 January 2026" in card.findChildren(type(card.title))[1].text()
    qtbot.mouseClick(card.done_button, LEFT)
    assert GoalStore(vault).goals()[0].done_on is None


def test_deleting_a_goal_can_be_undone_with_the_button_or_ctrl_z(qtbot, view, vault):
    store = GoalStore(vault)
    kept = store.add(Goal("Volunteer together", TODAY - timedelta(days=20)))
    store.check_in(kept.id, TODAY - timedelta(days=3), "First shift")
    view.refresh()
    qtbot.mouseClick(view.goals.cards[0].delete_button, LEFT)
    assert store.goals() == []
    assert view.goals.cards == []
    assert view.goals.undo_bar.isVisible()
    assert view.goals.undo_text.text() == "Goal deleted, with 1 check-in."

    qtbot.mouseClick(view.goals.undo_button, LEFT)
    (back,) = store.goals()
    assert back.id == kept.id
    assert [c.note for c in back.check_ins] == ["First shift"]
    assert not view.goals.undo_bar.isVisible()

    qtbot.mouseClick(view.goals.cards[0].delete_button, LEFT)
    assert store.goals() == []
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view.goals.undo_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [g.id for g in store.goals()] == [kept.id]


def test_flush_saves_a_goal_being_written_or_says_why_it_cannot(qtbot, view, vault):
    qtbot.mouseClick(view.goals.add_button, LEFT)
    qtbot.keyClicks(view.goals.form.title, "Read a book together")
    view.flush()
    assert [g.title for g in GoalStore(vault).goals()] == ["Read a book together"]

    qtbot.mouseClick(view.goals.add_button, LEFT)
    qtbot.keyClicks(view.goals.form.why, "Because")
    with pytest.raises(GoalNotSaved, match="needs a few words"):
        view.flush()
    assert view.goals.form.why.toPlainText() == "Because"
