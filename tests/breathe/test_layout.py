"""Breathe in a 900x600 window: it fits without growing it, the guide keeps its size and
place in every state, one calm scale at a time, and a running break shows in the
toolbar wherever you are."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from app import resources
from app.breathe import reopening
from app.breathe.model import Timings, flooded_guide
from app.breathe.store import BreatheStore
from app.context import AreaContext
from app.shell.theme import palette_for
from app.shell.window import MainWindow
from app.vault import Settings
from app.widgets.tasks import ImmediateTaskRunner

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, vault, clock):
    windows: list[MainWindow] = []
    context = AreaContext(
        vault=vault,
        settings=Settings(vault),
        clock=clock,
        tasks=ImmediateTaskRunner(),
        open_area=lambda key, **request: windows[0].open_area(key, **request),
    )
    made = MainWindow(context)
    windows.append(made)
    qtbot.addWidget(made)
    made.setStyleSheet(resources.read_text("styles/tend.qss"))
    made.setPalette(palette_for("light"))
    made.resize(900, 600)
    made.show()
    qtbot.waitExposed(made)
    yield made
    windows.clear()  # no cycle keeps the window's wrapper alive after Qt deletes it


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def action(window):
    return next(a for a in window.toolbar.actions() if a.objectName() == "floodedBreakAction")


def test_every_state_fits_900_by_600_with_the_guide_in_one_place(qtbot, window, clock, vault):
    BreatheStore(vault).add_pattern("Evening wind-down", Timings(40, 0, 65, 20))
    view = window.open_area("breathe")
    settle()
    guide = view.stage.guide
    place = (guide.geometry(), guide.mapTo(window, guide.rect().topLeft()))
    circle = guide.circle_rect()

    def same_everywhere(state: str) -> None:
        if view.active and view.isVisible():
            view.stage.frame()
        settle()
        assert (window.width(), window.height()) == (900, 600), state
        assert window.minimumSizeHint().width() <= 900, state
        assert (guide.geometry(), guide.mapTo(window, guide.rect().topLeft())) == place, state
        # Nothing on the left is cut off: what it holds fits its width.
        for area in view.findChildren(QScrollArea):
            if area.isVisible():
                needed = area.widget().minimumSizeHint().width()
                assert needed <= area.viewport().width(), (state, needed)

    same_everywhere("ready")
    view.setup.show_choice("4-7-8", "1")
    view.start()
    same_everywhere("started")
    assert guide.circle_rect() == circle  # a session starts where the ready circle was
    clock.advance(6)
    same_everywhere("holding")
    view.pause()
    same_everywhere("paused")
    view.resume()
    clock.advance(60)
    same_everywhere("finished, with the calm check")
    assert view.rating.isVisible()
    assert guide.circle_rect() == circle
    view.show_choices()
    view.setup.reduced_motion.setChecked(True)
    view.start()
    same_everywhere("reduced motion")
    view.stop()
    view.setup.reduced_motion.setChecked(False)
    window.open_area("breathe", flooded=True)
    clock.advance(40)
    same_everywhere("a break, with its reason beside the guide")
    assert view.banner.isVisible()
    view.stop()
    same_everywhere("a break stopped early")
    assert view.reopening.isVisible()
    view.start_flooded_break()
    clock.advance(20 * 60)
    same_everywhere("a break at its end")
    view.show_choices()
    for tab in range(view.tabs.count()):
        view.tabs.setCurrentIndex(tab)
        same_everywhere(f"tab {tab}")
    view.editor.list.setCurrentRow(0)  # your own pattern, open to change: every button
    same_everywhere("a pattern of your own")


def test_one_calm_scale_on_screen_at_a_time(qtbot, window, clock):
    view = window.open_area("breathe")
    view.handle_request(pattern="box", minutes=1, start=True)
    assert view.setup.calm_before.isVisible()  # asked before, greyed while you breathe
    clock.advance(64)
    qtbot.waitUntil(lambda: view.rating.isVisible())
    scales = [s for s in (view.setup.calm_before, view.rating.calm_after) if s.isVisible()]
    assert scales == [view.rating.calm_after]
    qtbot.mouseClick(view.rating.skip, LEFT)  # nothing else to read: the choices return
    assert view.setup.calm_before.isVisible()
    assert not view.rating.calm_after.isVisible()


def test_a_break_stopped_early_gets_honest_words_not_a_welcome_back(qtbot, window, clock, vault):
    view = window.open_area("breathe", flooded=True)
    clock.advance(41)
    qtbot.keyClick(view.stage.start_button, Qt.Key.Key_Escape)
    assert not view.active
    closing, phrase = view.reopening.closing.text(), view.reopening.phrase.text()
    assert view.reopening.isVisible()
    assert closing.startswith("You stopped after 41 s, and that's all right.")
    assert "Welcome back" not in closing
    assert phrase in reopening.EARLY_PHRASES
    assert "calmer" not in phrase
    qtbot.mouseClick(view.reopening.another, LEFT)
    assert view.reopening.phrase.text() in reopening.EARLY_PHRASES
    assert view.reopening.phrase.text() != phrase
    [saved] = BreatheStore(vault).recent_sessions()
    assert (saved.finished, saved.actual_ms) == (False, 41_000)

    # A break breathed to its end is welcomed back, with a phrase from the usual list.
    view.start_flooded_break()
    clock.advance(20 * 60)
    qtbot.waitUntil(lambda: view.reopening.isVisible())
    assert view.reopening.closing.text() == flooded_guide().closing
    assert view.reopening.phrase.text() in reopening.phrases()


def test_a_running_break_shows_in_the_toolbar_wherever_you_are(qtbot, window, clock):
    flooded = action(window)
    assert flooded.text() == "I'm flooded"
    flooded.trigger()
    view = window.view("breathe")
    assert view.active
    assert view.flooded
    clock.advance(2 * 60 + 20)
    window.sidebar.setCurrentRow(0)  # off to Today: the guide is out of sight
    assert not view.isVisible()
    # Its once-a-second tick keeps the time left up to date.
    qtbot.waitUntil(lambda: flooded.text() == "On a break · 17:40 left", timeout=3000)
    clock.advance(60)
    qtbot.waitUntil(lambda: flooded.text() == "On a break · 16:40 left", timeout=3000)
    assert "back to it" in flooded.toolTip()

    flooded.trigger()  # brings you back to the break, not a new one
    assert window.current_key() == "breathe"
    assert view.active
    assert view.stage.session.timer.elapsed() == 3 * 60 + 20

    view.pause()
    assert flooded.text() == "Break paused · 16:40 left"
    view.resume()

    # It ends while you are elsewhere: saved, and the toolbar says so until you look.
    window.sidebar.setCurrentRow(0)
    clock.advance(20 * 60)
    qtbot.waitUntil(lambda: flooded.text() == "Your break is over", timeout=3000)
    assert not view.active
    assert BreatheStore(window.context.vault).recent_sessions()[0].finished
    flooded.trigger()
    assert window.current_key() == "breathe"
    assert not view.active  # it showed how the break ended; it started nothing
    assert view.reopening.isVisible()
    assert flooded.text() == "I'm flooded"
