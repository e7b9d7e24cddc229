"""The Breathe view as a person uses it: keys, buttons, the guide, ratings and history."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.breathe.engine import TimerStatus
from app.breathe.model import MAX_CYCLES, PhaseKind
from app.breathe.settings import REDUCED_MOTION, SOUND
from app.breathe.store import BreatheStore
from app.breathe.ui.sound import NO_DEVICE
from app.breathe.ui.view import BreatheView
from app.context import AreaView, NotSaved
from app.vault import DiskFull

ROOT = Path(__file__).resolve().parents[2]
SPACE, ESC = Qt.Key.Key_Space, Qt.Key.Key_Escape
LEFT = Qt.MouseButton.LeftButton


def show(qtbot, view: BreatheView) -> BreatheView:
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)  # shortcuts need an active window
    return view


@pytest.fixture
def view(qtbot, context) -> BreatheView:
    return show(qtbot, BreatheView(context))


def choose(combo, data) -> None:
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(data))


def test_space_starts_pauses_and_resumes_and_esc_stops_and_saves(qtbot, view, clock, vault):
    assert view.stage.guide.label_text == "Ready when you are"
    assert not view.stage.frame_timer.isActive()
    assert view.stage.start_button.hasFocus()
    assert not view.stage.stop_button.isEnabled()

    qtbot.keyClick(view.stage.start_button, SPACE)
    assert view.stage.session.status == TimerStatus.RUNNING
    assert view.stage.frame_timer.isActive()
    assert view.stage.start_button.text() == "Pause"

    clock.advance(2.5)
    qtbot.waitUntil(lambda: view.stage.guide.countdown_text == "2")
    assert view.stage.guide.label_text == "Breathe in"
    growing = view.stage.guide.scale
    clock.advance(1.0)
    qtbot.waitUntil(lambda: view.stage.guide.countdown_text == "1")
    assert view.stage.guide.scale > growing  # the shape grows while breathing in

    # Space works from the other controls too, not only from the button.
    view.setup.pattern.setFocus()
    qtbot.keyClick(view.setup.pattern, SPACE)
    assert view.stage.session.status == TimerStatus.PAUSED
    assert not view.stage.frame_timer.isActive()
    assert view.stage.guide.label_text == "Paused"
    assert view.stage.start_button.text() == "Resume"
    clock.advance(100)  # time while paused does not count
    assert view.stage.session.state().seconds_left == pytest.approx(0.5)

    qtbot.keyClick(view.stage.start_button, SPACE)
    assert view.stage.session.status == TimerStatus.RUNNING
    assert view.stage.frame_timer.isActive()
    clock.advance(2.0)
    qtbot.waitUntil(lambda: view.stage.guide.label_text == "Hold")

    qtbot.keyClick(view.stage.start_button, ESC)
    assert not view.active
    assert not view.stage.frame_timer.isActive()
    assert view.stage.guide.label_text == "Stopped"
    assert view.stage.status.text() == "Stopped after 6 s. That's fine: every breath counts."
    assert view.rating.isVisible()
    [saved] = BreatheStore(vault).recent_sessions()
    assert (saved.pattern_id, saved.finished, saved.actual_ms) == ("box", False, 5500)
    assert saved.planned_ms == 19 * 16_000  # five minutes, finishing the last breath
    assert view.history.list.count() == 1
    assert "ended early" in view.history.list.item(0).text()


def test_a_finished_session_is_saved_with_both_ratings(qtbot, view, clock, vault):
    assert view.history.empty.isVisible() is False  # on another tab, but it is there
    assert "Even one minute counts" in view.history.empty.text()
    choose(view.setup.length, "1")
    qtbot.mouseClick(view.setup.calm_before.buttons[1], LEFT)  # 2: a bit tense
    assert view.setup.calm_before.value() == 2
    qtbot.mouseClick(view.stage.start_button, LEFT)
    assert view.stage.status.text() == "Breath 1 of 4  ·  1:04 left"

    clock.advance(64)
    qtbot.waitUntil(lambda: view.rating.isVisible())
    assert not view.stage.frame_timer.isActive()
    assert view.stage.guide.label_text == "Well done"
    assert view.stage.guide.hint_text == ""  # the guide is small now: the words go below it
    assert view.stage.status.text() == "Finished after 1 min 4 s. Take a moment before you move on."
    assert view.stage.start_button.text() == "Start again"
    store = BreatheStore(vault)
    [saved] = store.recent_sessions()
    assert saved.finished
    assert saved.actual_ms == saved.planned_ms == 64_000
    assert (saved.calm_before, saved.calm_after) == (2, None)

    qtbot.mouseClick(view.rating.calm_after.buttons[3], LEFT)  # 4: calmer
    assert store.recent_sessions()[0].calm_after == 4
    assert "Saved" in view.rating.note.text()
    # One calm scale on screen at the end: the rating's; the choices step aside.
    assert not view.setup.calm_before.isVisible()
    assert view.rating.calm_after.isVisible()
    qtbot.mouseClick(view.back, LEFT)
    assert view.setup.calm_before.isVisible()
    assert not view.rating.calm_after.isVisible()
    view.tabs.setCurrentIndex(1)
    assert view.history.list.isVisible()
    line = view.history.list.item(0).text()
    assert "Box breathing" in line
    assert "1 min 4 s" in line
    assert "calm 2 → 4" in line
    assert view.history.totals.text().startswith("1 session")
    # The next session starts with a fresh rating.
    assert view.setup.calm_before.value() is None


def test_the_guide_rests_when_paused_hidden_or_finished(qtbot, view, clock):
    choose(view.setup.length, "1")
    qtbot.mouseClick(view.stage.start_button, LEFT)
    assert view.stage.frame_timer.isActive()
    view.hide()
    assert not view.stage.frame_timer.isActive()
    clock.advance(10)  # the session keeps its time while out of sight
    view.show()
    qtbot.waitExposed(view)
    assert view.stage.frame_timer.isActive()
    assert view.stage.session.state().cycle == 1
    assert view.stage.guide.label_text == "Breathe out"  # caught up at once on showing again
    clock.advance(60)
    qtbot.waitUntil(lambda: not view.active)
    assert not view.stage.frame_timer.isActive()
    # While hidden a session that ends is noticed on return, and saved.
    qtbot.mouseClick(view.stage.start_button, LEFT)
    view.hide()
    clock.advance(120)
    view.show()
    qtbot.waitExposed(view)
    assert not view.active
    assert not view.stage.frame_timer.isActive()
    assert view.history.list.count() == 2


def test_reduced_motion_shows_words_and_colour_instead_of_movement(qtbot, view, clock, context):
    view.setup.reduced_motion.setFocus()
    qtbot.keyClick(view.setup.reduced_motion, SPACE)  # Space ticks a focused box, as usual
    assert view.setup.reduced_motion.isChecked()
    assert context.settings.get(REDUCED_MOTION.key) is True
    assert not view.active

    qtbot.mouseClick(view.stage.start_button, LEFT)
    assert view.stage.frame_timer.isActive()
    seen = {}
    for seconds, kind in ((2, PhaseKind.INHALE), (4, PhaseKind.HOLD), (4, PhaseKind.EXHALE)):
        clock.advance(seconds)
        qtbot.waitUntil(lambda k=kind: view.stage.session.state().phase.kind == k)
        view.stage.frame()
        seen[kind] = (
            view.stage.guide.label_text,
            view.stage.guide.scale,
            view.stage.guide.colour.name(),
        )
    labels = [label for label, _, _ in seen.values()]
    sizes = {size for _, size, _ in seen.values()}
    colours = {colour for _, _, colour in seen.values()}
    assert labels == ["Breathe in", "Hold", "Breathe out"]
    assert len(sizes) == 1  # no movement
    assert len(colours) == 3  # a gentle colour for each step
    # The choice is remembered for the next time.
    assert BreatheView(context).setup.reduced_motion.isChecked()


def test_sound_cues_turn_on_quietly_even_without_a_device(qtbot, view, clock, context):
    assert not view.stage.cues.enabled
    assert not view.setup.sound_hint.isVisible()
    view.setup.sound.setFocus()
    qtbot.keyClick(view.setup.sound, SPACE)
    assert context.settings.get(SOUND.key) is True
    if view.stage.cues.available:
        assert view.stage.cues.enabled
        assert not view.setup.sound_hint.isVisible()
    else:
        assert view.setup.sound_hint.isVisible()
        assert view.setup.sound_hint.text() == NO_DEVICE
    choose(view.setup.length, "1")
    qtbot.mouseClick(view.stage.start_button, LEFT)
    for _ in range(4):  # cross several phase changes with sound on
        clock.advance(4)
        qtbot.waitUntil(lambda: view.stage.session.state().countdown == 4)
    clock.advance(60)
    qtbot.waitUntil(lambda: not view.active)
    view.setup.sound.setFocus()
    qtbot.keyClick(view.setup.sound, SPACE)
    assert context.settings.get(SOUND.key) is False
    assert not view.setup.sound_hint.isVisible()


def test_multimedia_is_not_loaded_while_sound_is_off():
    code = (
        "import sys; import app.breathe.ui.view; "
        "assert 'PySide6.QtMultimedia' not in sys.modules, 'loaded'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_length_in_minutes_or_breaths_with_kind_messages(qtbot, view, context):
    choose(view.setup.length, "cycles")
    assert view.setup.amount.isVisible()
    qtbot.keyClicks(view.setup.amount, "0")
    qtbot.mouseClick(view.stage.start_button, LEFT)
    assert not view.active
    assert view.setup.amount_error.isVisible()
    assert view.setup.amount_error.text() == "Please choose at least one breath."
    view.setup.amount.clear()
    qtbot.keyClicks(view.setup.amount, str(MAX_CYCLES + 1))
    qtbot.keyClick(view.setup.amount, Qt.Key.Key_Return)
    assert f"{MAX_CYCLES} breaths or fewer" in view.setup.amount_error.text()
    view.setup.amount.clear()
    qtbot.keyClicks(view.setup.amount, "3")
    assert view.stage.status.text() == "Box breathing  ·  3 breaths  ·  48 s"
    qtbot.keyClick(view.setup.amount, Qt.Key.Key_Return)
    assert view.active
    assert not view.setup.amount_error.isVisible()
    assert view.stage.session.plan.cycles == 3
    assert context.settings.get("breathe.length") == "cycles:3"
    qtbot.keyClick(view.stage.start_button, ESC)

    choose(view.setup.length, "minutes")
    view.setup.amount.clear()
    qtbot.keyClicks(view.setup.amount, "lots")
    qtbot.mouseClick(view.stage.start_button, LEFT)
    assert view.setup.amount_error.text() == "Please enter a number of minutes, like 7."
    view.setup.amount.clear()
    qtbot.keyClicks(view.setup.amount, "2,5")
    qtbot.mouseClick(view.stage.start_button, LEFT)
    assert view.stage.session.plan.requested_tenths == 1500


def test_custom_patterns_are_checked_saved_renamed_and_deleted(qtbot, view, vault):
    view.tabs.setCurrentIndex(2)
    editor = view.editor
    assert editor.empty.isVisible()
    assert "no patterns of your own" in editor.empty.text()
    editor.fields["inhale"].clear()
    qtbot.keyClicks(editor.fields["inhale"], "40")
    editor.fields["exhale"].clear()
    qtbot.keyClicks(editor.fields["exhale"], "abc")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.errors["name"].isVisible()
    assert "give this pattern a name" in editor.errors["name"].text()
    assert editor.errors["inhale"].text() == "Please keep each step to 30 seconds or less."
    assert "number of seconds" in editor.errors["exhale"].text()
    assert not editor.errors["hold_in"].isVisible()
    assert editor.name.hasFocus()  # the first thing to fix
    assert BreatheStore(vault).custom_patterns() == []

    qtbot.keyClicks(editor.name, "Evening")
    editor.fields["inhale"].clear()
    qtbot.keyClicks(editor.fields["inhale"], "4")
    editor.fields["exhale"].clear()
    qtbot.keyClicks(editor.fields["exhale"], "6.5")
    qtbot.keyClick(editor.fields["exhale"], Qt.Key.Key_Return)
    assert not any(error.isVisible() for error in editor.errors.values())
    [saved] = BreatheStore(vault).custom_patterns()
    assert (saved.name, saved.timings.exhale) == ("Evening", 65)
    assert editor.list.count() == 1
    assert view.setup.pattern.findData(saved.id) >= 0  # offered for a session at once

    # Another pattern of the same name is refused kindly.
    qtbot.mouseClick(editor.new_button, LEFT)
    qtbot.keyClicks(editor.name, "evening")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert "already have a pattern with that name" in editor.errors["name"].text()

    # Renaming: pick it, change the name, save.
    editor.list.setCurrentRow(0)
    assert editor.name.text() == "Evening"
    assert editor.fields["exhale"].text() == "6.5"
    editor.name.clear()
    qtbot.keyClicks(editor.name, "Evening wind-down")
    qtbot.mouseClick(editor.save_button, LEFT)
    [renamed] = BreatheStore(vault).custom_patterns()
    assert (renamed.id, renamed.name) == (saved.id, "Evening wind-down")
    assert view.setup.pattern.itemText(view.setup.pattern.findData(saved.id)) == "Evening wind-down"

    qtbot.mouseClick(editor.delete_button, LEFT)
    assert BreatheStore(vault).custom_patterns() == []
    assert "stay in your history" in editor.status.text()
    assert view.setup.pattern.findData(saved.id) == -1
    assert editor.empty.isVisible()


def test_flush_keeps_a_running_session_and_the_end_replaces_it(qtbot, view, clock, vault):
    choose(view.setup.length, "1")
    qtbot.mouseClick(view.stage.start_button, LEFT)
    clock.advance(20)
    view.flush()  # as on switching views or locking
    store = BreatheStore(vault)
    [partial] = store.recent_sessions()
    assert (partial.actual_ms, partial.finished) == (20_000, False)
    assert view.active  # switching away does not end the session
    clock.advance(60)
    qtbot.waitUntil(lambda: not view.active)
    [final] = store.recent_sessions()
    assert (final.id, final.actual_ms, final.finished) == (partial.id, 64_000, True)


def test_requests_start_a_minute_of_box_breathing(qtbot, view):
    view.handle_request(pattern="box", minutes=1, start=True)
    assert view.active
    assert view.stage.session.plan.pattern.id == "box"
    assert view.stage.session.plan.total_seconds == 64


def test_a_request_shows_and_starts_its_session_without_changing_your_usual_choice(
    qtbot, view, context
):
    choose(view.setup.pattern, "coherent")
    choose(view.setup.length, "10")
    qtbot.mouseClick(view.stage.start_button, LEFT)
    qtbot.keyClick(view.stage.start_button, ESC)
    view.handle_request(pattern="box", minutes=1, start=True)
    assert (view.setup.pattern.currentData(), view.setup.length.currentData()) == ("box", "1")
    assert view.stage.session.plan.pattern.id == "box"
    assert context.settings.get("breathe.pattern") == "coherent"
    assert context.settings.get("breathe.length") == "10"
    # While you breathe, another request leaves the session and what it shows alone.
    view.handle_request(pattern="4-7-8", minutes=3, start=True)
    assert (view.setup.pattern.currentData(), view.setup.length.currentData()) == ("box", "1")
    assert view.stage.session.plan.pattern.id == "box"


def test_im_flooded_during_a_break_carries_on_with_it(qtbot, view, clock, vault):
    view.handle_request(flooded=True)
    first = view.stage.session
    clock.advance(30)
    view.pause()
    view.handle_request(flooded=True)  # pressed again, perhaps by accident
    assert view.stage.session is first
    assert view.stage.session.status == TimerStatus.RUNNING
    assert BreatheStore(vault).recent_sessions() == []  # nothing cut short


def test_too_little_time_gets_a_message_not_a_crash(qtbot, view):
    choose(view.setup.length, "minutes")
    qtbot.keyClicks(view.setup.amount, "0.00001")
    assert view.stage.status.text() == "Choose a length to begin."
    qtbot.keyClick(view.setup.amount, Qt.Key.Key_Return)
    assert not view.active
    assert view.setup.amount_error.text() == "Please choose at least a little time, like 1 minute."


def test_a_session_the_vault_cannot_take_is_kept_and_saved_later(
    qtbot, view, clock, vault, monkeypatch
):
    store = BreatheStore(vault)

    def disk_full(*_args):
        raise DiskFull()

    choose(view.setup.length, "1")
    qtbot.mouseClick(view.stage.start_button, LEFT)
    clock.advance(20)
    monkeypatch.setattr(view.store, "add_session", disk_full)
    qtbot.keyClick(view.stage.start_button, ESC)
    assert not view.active
    assert view.save_problem.isVisible()
    assert "disk is full" in view.save_problem.text()
    assert store.recent_sessions() == []
    with pytest.raises(NotSaved, match="disk is full"):  # the shell asks before locking
        view.flush()  # still full: still kept
    assert "disk is full" in view.save_problem.text()

    monkeypatch.undo()
    view.flush()  # as on switching views or locking
    assert not view.save_problem.isVisible()
    [saved] = store.recent_sessions()
    assert (saved.actual_ms, saved.finished) == (20_000, False)
    assert view.history.list.count() == 1


def test_the_pattern_form_keeps_your_words_when_the_vault_cannot_save(
    qtbot, view, vault, monkeypatch
):
    def disk_full(*_args):
        raise DiskFull()

    monkeypatch.setattr(view.editor.store, "add_pattern", disk_full)
    view.tabs.setCurrentIndex(2)
    qtbot.keyClicks(view.editor.name, "Slow evening")
    qtbot.mouseClick(view.editor.save_button, LEFT)
    assert "disk is full" in view.editor.status.text()
    assert "Slow evening" not in view.editor.status.text()
    assert view.editor.name.text() == "Slow evening"
    assert BreatheStore(vault).custom_patterns() == []


def test_saving_a_pattern_while_you_breathe_leaves_the_session_as_shown(qtbot, view):
    choose(view.setup.pattern, "coherent")
    qtbot.mouseClick(view.stage.start_button, LEFT)
    view.tabs.setCurrentIndex(2)
    qtbot.keyClicks(view.editor.name, "Later")
    qtbot.mouseClick(view.editor.save_button, LEFT)
    assert view.setup.pattern.findData(view.editor.editing) >= 0  # offered at once
    assert view.setup.pattern.currentData() == view.stage.session.plan.pattern.id == "coherent"


def test_the_view_keeps_the_area_contract(view):
    assert isinstance(view, AreaView)
    assert view.flush() is None  # nothing pending: nothing to say


def test_flush_says_when_a_running_session_cannot_be_saved(qtbot, view, clock, vault, monkeypatch):
    def disk_full(*_args):
        raise DiskFull()

    choose(view.setup.length, "1")
    qtbot.mouseClick(view.stage.start_button, LEFT)
    clock.advance(20)
    monkeypatch.setattr(view.store, "add_session", disk_full)
    with pytest.raises(NotSaved) as caught:
        view.flush()
    assert "could not be saved yet" in str(caught.value)
    assert view.active  # the session carries on, and holds what was breathed
    assert view.save_problem.isVisible()
    monkeypatch.undo()
    clock.advance(5)
    view.flush()
    [partial] = BreatheStore(vault).recent_sessions()
    assert (partial.actual_ms, partial.finished) == (25_000, False)


def test_skipping_the_rating_closes_it_and_space_starts_again(qtbot, view, clock, vault):
    choose(view.setup.length, "1")
    qtbot.mouseClick(view.stage.start_button, LEFT)
    clock.advance(64)
    qtbot.waitUntil(lambda: view.rating.isVisible())
    qtbot.mouseClick(view.rating.skip, LEFT)
    assert not view.rating.isVisible()
    assert view.stage.start_button.hasFocus()
    [saved] = BreatheStore(vault).recent_sessions()
    assert saved.calm_after is None
    qtbot.keyClick(view.stage.start_button, SPACE)
    assert view.active


def test_frames_come_only_as_often_as_the_guide_changes(qtbot, view, clock):
    from app.breathe.ui.session import MAX_FRAME_MS, MIN_FRAME_MS

    view.handle_request(pattern="box", minutes=1, start=True)
    clock.advance(2)  # halfway in: the circle moves fastest
    view.stage.frame()
    moving = view.stage.frame_timer.interval()
    assert MIN_FRAME_MS <= moving < 100
    clock.advance(3.5)  # holding, 2.5 s left: nothing moves until the count ticks
    view.stage.frame()
    assert view.stage.frame_timer.interval() == MAX_FRAME_MS
    clock.advance(2.4)  # the count ticks in a tenth of a second, the phase ends then
    view.stage.frame()
    assert view.stage.frame_timer.interval() == 101
    view.pause()
    assert not view.stage.frame_timer.isActive()  # paused: no frames at all
