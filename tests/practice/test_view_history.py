"""Saving attempts (Ctrl+S), the history, trying again, and drafts kept across a lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from app.config import Config
from app.context import NotSaved
from app.practice.model import ExerciseKind
from app.practice.store import PracticeStore
from app.practice.ui.history import NOTHING_SAVED
from app.shell.areas import AREAS
from app.shell.session import Session
from app.shell.unlock import UnlockDialog
from app.vault import DiskFull, Vault
from app.widgets.tasks import ImmediateTaskRunner
from tests.conftest import PASSPHRASE
from tests.shell.test_session import unlock, visible_text, wait_for_window

MARKER = "a-very-private-draft-5521"


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def save_with_ctrl_s(qtbot, widget):
    qtbot.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_history_starts_empty_and_kind(qtbot, view):
    view.open_exercise("history")
    assert view.history.empty.isVisible()
    assert view.history.empty.text() == NOTHING_SAVED
    assert not view.save_row.isVisible()


def test_nothing_to_save_says_so_gently(qtbot, view, vault):
    save_with_ctrl_s(qtbot, view.exercises[ExerciseKind.STARTUP].fields["noticed"])
    assert "nothing to save yet" in view.status.text()
    assert PracticeStore(vault).history() == []


def test_ctrl_s_saves_an_attempt_that_reopens_and_can_be_tried_again(qtbot, view, vault, clock):
    view.open_exercise("rewrite")
    rewrite = view.exercises[ExerciseKind.REWRITE]
    rewrite.picker.select("phones-dinner")
    qtbot.keyClicks(rewrite.editor.editor, "You never put your phone away.")
    save_with_ctrl_s(qtbot, rewrite.editor.editor)  # saving does not wait for the pause
    assert view.status.text().startswith("Saved.")
    (saved,) = PracticeStore(vault).history()
    assert saved.exercise == ExerciseKind.REWRITE
    assert saved.scenario_id == "phones-dinner"
    assert saved.text == "You never put your phone away."
    assert saved.harsh
    assert saved.created_at == clock.now()
    assert any("still" in line for line in saved.analysis["lines"])

    clock.advance(60)
    view.open_exercise("insight")
    insight = view.exercises[ExerciseKind.INSIGHT]
    qtbot.keyClicks(insight.fields["when"], "feel rushed")
    qtbot.keyClicks(insight.fields["i_do"], "snap")
    click(qtbot, view.save_button)

    view.open_exercise("history")
    history = view.history
    assert history.list.count() == 2
    assert history.list.item(0).text().startswith("Share an insight")
    assert "When I feel rushed, I snap." in history.list.item(0).text()
    history.list.setFocus()
    qtbot.keyClick(history.list, Qt.Key.Key_Down)
    assert history.current().id == saved.id
    assert history.shown.text() == "You never put your phone away."
    assert history.shown.editor.extraSelections()  # the marks come back from the saved notes
    assert history.shown.cards[0].flag.kind == "criticism"
    assert "still" in history.shown.lines.text()

    click(qtbot, history.again_button)
    assert view.current_key() == "rewrite"
    assert rewrite.scenario.id == "phones-dinner"
    assert rewrite.editor.text() == "You never put your phone away."

    view.open_exercise("history")
    history.list.setCurrentRow(0)
    click(qtbot, history.again_button)
    assert view.current_key() == "insight"
    assert insight.fields["when"].text() == "feel rushed"
    assert insight.fields["i_do"].text() == "snap"


def test_deleting_asks_once_more(qtbot, view, vault):
    qtbot.keyClicks(view.exercises[ExerciseKind.STARTUP].fields["feeling"], "tired")
    click(qtbot, view.save_button)
    view.open_exercise("history")
    click(qtbot, view.history.delete_button)
    assert view.history.delete_button.text() == "Yes, delete it"
    assert len(PracticeStore(vault).history()) == 1
    click(qtbot, view.history.delete_button)
    assert PracticeStore(vault).history() == []
    assert view.history.empty.isVisible()


def test_a_draft_survives_flush_and_rebuild_without_becoming_an_attempt(
    qtbot, view, make_view, vault
):
    view.open_exercise("listening")
    listening = view.exercises[ExerciseKind.LISTENING]
    listening.picker.select("money-surprise-purchase")
    qtbot.keyClicks(listening.editor.editor, "It sounds like you felt judged.")
    view.open_exercise("apology")
    qtbot.keyClicks(view.exercises[ExerciseKind.APOLOGY].fields["will"], "slow down")
    view.flush()
    assert PracticeStore(vault).history() == []  # drafts are not attempts

    again = make_view()
    assert again.current_key() == "apology"
    assert again.exercises[ExerciseKind.APOLOGY].fields["will"].text() == "slow down"
    listening = again.exercises[ExerciseKind.LISTENING]
    assert listening.scenario.id == "money-surprise-purchase"
    assert listening.editor.text() == "It sounds like you felt judged."
    assert again.exercises[ExerciseKind.STARTUP].fields["noticed"].text() == ""
    # A cleared draft stays cleared.
    listening.editor.editor.clear()
    again.flush()
    third = make_view()
    assert third.exercises[ExerciseKind.LISTENING].editor.text() == ""


def test_drafts_the_vault_cannot_keep_raise_not_saved_and_stay_on_screen(qtbot, view, monkeypatch):
    def disk_full(_drafts):
        raise DiskFull()

    monkeypatch.setattr(view.store, "save_drafts", disk_full)
    field = view.exercises[ExerciseKind.STARTUP].fields["noticed"]
    qtbot.keyClicks(field, MARKER)
    with pytest.raises(NotSaved) as caught:
        view.flush()
    assert "disk is full" in str(caught.value)
    assert MARKER not in str(caught.value)  # a message for a person, never their words
    assert field.text() == MARKER


@pytest.fixture
def session(qtbot, paths, clock):
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()
    made = Session(paths, Config(), clock=clock, tasks=ImmediateTaskRunner(), areas=AREAS)
    yield made
    made.lock()
    if made.gate is not None:
        made.gate.close()
        made.gate.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_in_the_window_practise_is_in_the_sidebar_and_a_lock_keeps_the_draft(qtbot, session):
    session.start()
    unlock(qtbot, session)
    window = wait_for_window(qtbot, session)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert "Practise" in titles
    view = window.open_area("practice", exercise="rewrite")
    assert view.current_key() == "rewrite"
    editor = view.exercises[ExerciseKind.REWRITE].editor
    qtbot.keyClicks(editor.editor, MARKER)
    qtbot.keyClick(editor.editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(session.gate, UnlockDialog) and session.gate.isVisible())
    assert MARKER not in visible_text()
    unlock(qtbot, session)
    window = wait_for_window(qtbot, session)
    view = window.open_area("practice")
    assert view.current_key() == "rewrite"
    assert view.exercises[ExerciseKind.REWRITE].editor.text() == MARKER


def test_an_attempt_with_unreadable_notes_still_opens(qtbot, view, vault, clock):
    # Notes written by another version (or damaged) must not stop the words showing.
    from app.practice.model import Attempt

    text = "I felt alone with the dishes."
    broken = {"text": text, "harsh": True, "score": 40, "flags": [{"unknown": 1}]}
    PracticeStore(vault).save_attempt(
        Attempt(ExerciseKind.REWRITE, text, clock.now(), analysis=broken)
    )
    view.open_exercise("history")
    assert view.history.current().text == text
    assert view.history.shown.text() == text
    assert view.history.shown.cards == []


def test_a_save_the_vault_cannot_take_keeps_the_words(qtbot, view, vault, monkeypatch):
    view.open_exercise("rewrite")
    rewrite = view.exercises[ExerciseKind.REWRITE]
    qtbot.keyClicks(rewrite.editor.editor, "I felt alone with the dishes.")

    def disk_full(_attempt):
        raise DiskFull()

    monkeypatch.setattr(view.store, "save_attempt", disk_full)
    save_with_ctrl_s(qtbot, rewrite.editor.editor)
    assert "disk is full" in view.status.text()
    assert rewrite.editor.editor.toPlainText() == "I felt alone with the dishes."
    assert PracticeStore(vault).history() == []
