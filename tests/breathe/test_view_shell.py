"""Breathe inside the real window: the toolbar's "I'm flooded", the Today card, locking."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.breathe import reopening
from app.breathe.model import flooded_guide
from app.breathe.store import BreatheStore
from app.config import Config
from app.shell.areas import AREAS
from app.shell.session import Session
from app.vault import Vault
from app.widgets.tasks import ImmediateTaskRunner
from tests.conftest import PASSPHRASE
from tests.shell.test_session import unlock, wait_for_window


@pytest.fixture
def session(qtbot, paths, clock):
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()
    made = Session(paths, Config(), clock=clock, tasks=ImmediateTaskRunner(), areas=AREAS)
    made.start()
    unlock(qtbot, made)
    wait_for_window(qtbot, made)
    yield made
    made.lock()
    if made.gate is not None:
        made.gate.close()
        made.gate.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def flooded_action(window):
    return next(a for a in window.toolbar.actions() if a.text() == "I'm flooded")


def test_breathe_is_in_the_sidebar(session):
    sidebar = session.window.sidebar
    titles = [sidebar.item(i).text() for i in range(sidebar.count())]
    assert titles[0] == "Today"
    assert "Breathe" in titles


def test_im_flooded_starts_the_soothing_break_and_ends_with_a_repair_phrase(qtbot, session, clock):
    window = session.window
    assert window.current_key() == "today"
    qtbot.keyClick(
        window.sidebar,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.current_key() == "breathe"
    view = window.view("breathe")
    guide = flooded_guide()
    assert view.active
    assert view.stage.frame_timer.isActive()
    assert view.stage.session.plan.pattern.id == guide.pattern_id == "soothe"
    assert view.stage.session.plan.total_seconds == 20 * 60
    assert view.banner.isVisible()
    assert guide.why in view.banner.text()
    assert view.setup.pattern.currentText() == "Slow and soothing"
    assert view.setup.length.currentText() == "20 minutes: 100 breaths"

    clock.advance(20 * 60)
    qtbot.waitUntil(lambda: view.reopening.isVisible())
    assert not view.stage.frame_timer.isActive()
    assert view.reopening.phrase.text() == reopening.phrase_for(0)
    assert view.reopening.closing.text() == guide.closing
    qtbot.mouseClick(view.reopening.another, Qt.MouseButton.LeftButton)
    assert view.reopening.phrase.text() == reopening.phrase_for(1)
    [saved] = BreatheStore(session.vault).recent_sessions()
    assert (saved.pattern_id, saved.finished, saved.actual_ms) == ("soothe", True, 1_200_000)

    # The next break offers the next phrase; the toolbar button does the same as the keys.
    flooded_action(window).trigger()
    assert view.active
    assert view.reopening.turn == 1
    assert not view.reopening.isVisible()


def test_a_break_offers_its_own_phrases_then_the_practice_library():
    from app.shared.phrases import reopening_phrases

    pool = reopening.phrases()
    own = flooded_guide().repair_phrases
    assert pool[: len(own)] == own
    assert reopening_phrases()[0].text in pool
    assert len(pool) == len(set(pool))
    assert reopening.phrase_for(len(pool)) == pool[0]


def test_the_today_card_starts_a_minute_of_box_breathing(qtbot, session):
    window = session.window
    button = next(
        b for b in window.findChildren(QPushButton) if b.accessibleName() == "Breathe for a minute"
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "breathe"
    view = window.view("breathe")
    assert view.active
    assert (view.stage.session.plan.pattern.id, view.stage.session.plan.total_seconds) == (
        "box",
        64,
    )


def test_locking_mid_session_keeps_what_was_breathed(qtbot, session, clock, paths):
    window = session.window
    flooded_action(window).trigger()
    view = window.view("breathe")
    clock.advance(90)
    # Switching away keeps the break going and writes what has been breathed so far.
    window.sidebar.setCurrentRow(0)
    assert view.active
    assert not view.stage.frame_timer.isActive()  # out of sight: no frames drawn
    clock.advance(30)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: session.window is None)
    with Vault.open(paths.vault, PASSPHRASE) as vault:
        [saved] = BreatheStore(vault).recent_sessions()
    assert (saved.pattern_id, saved.finished, saved.actual_ms) == ("soothe", False, 120_000)


def test_a_long_break_is_not_cut_short_by_auto_lock(qtbot, session, clock):
    """Following the guide means touching nothing; auto-lock waits until the break ends."""
    window = session.window
    flooded_action(window).trigger()
    view = window.view("breathe")
    assert view.active
    clock.advance(6 * 60)  # past the default five idle minutes
    session.autolock._check()
    assert session.window is window
    view.stop()
    clock.advance(4 * 60)  # idling counts afresh from the end of the break
    session.autolock._check()
    assert session.window is window
    clock.advance(60)
    session.autolock._check()
    assert session.window is None
