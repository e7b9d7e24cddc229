"""The guide on its own: words that fit the circle, frames only when something shows,
and phases spoken to screen readers with reduced motion."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.breathe.engine import state_at
from app.breathe.model import PhaseKind, SessionPlan, preset, presets
from app.breathe.ui.guide import STEP_PX, BreathGuide

BUTTON_WORDS = {"Start", "Pause", "Resume", "Stop", "Start again"}


class CountingGuide(BreathGuide):
    """The guide, counting the frames it paints."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event):
        self.paints += 1
        super().paintEvent(event)


@pytest.fixture
def guide(qtbot) -> CountingGuide:
    made = CountingGuide()
    qtbot.addWidget(made)
    made.resize(312, 351)  # its size in a 900x600 window
    made.show()
    qtbot.waitExposed(made)
    return made


def every_look(guide: BreathGuide):
    """The guide in each state a person can meet, one after another."""
    guide.show_idle()
    yield "ready"
    for pattern in presets():
        plan = SessionPlan.for_cycles(pattern, 1)
        for index, phase in enumerate(pattern.phases):
            if not phase.tenths:
                continue
            # The start of a phase: its label, its largest count, the circle at its least.
            state = state_at(plan, sum(p.tenths for p in pattern.phases[:index]) / 10)
            guide.show_state(plan, state)
            yield f"{pattern.id}: {phase.label}"
        guide.show_state(plan, state_at(plan, 0), paused=True)
        yield f"{pattern.id}: paused"
        guide.show_state(plan, state_at(plan, plan.total_seconds))
        yield "finished"
    guide.show_idle("Stopped", keep_size=True)
    yield "stopped"


@pytest.mark.parametrize("size", [(312, 351), (180, 180), (487, 471)])
def test_the_words_always_fit_inside_the_circle(qtbot, size):
    guide = BreathGuide()  # measured, not shown: the sizes are the window's
    qtbot.addWidget(guide)
    guide.resize(*size)
    for look in every_look(guide):
        assert guide.words_width() <= guide.circle_rect().width(), look
    guide.show_idle()
    assert guide.label_text == "Ready when you are"


def test_no_phase_is_called_by_a_buttons_name():
    """The 'Slow and soothing' hold was called "Pause" beside a "Pause" button."""
    for pattern in presets():
        for phase in pattern.phases:
            assert phase.label not in BUTTON_WORDS, (pattern.id, phase.label)
    assert preset("soothe").phases[1].label == "Hold"


def test_the_circle_keeps_its_size_from_ready_to_start_and_from_the_end_to_ready(guide):
    plan = SessionPlan.for_minutes(preset("4-7-8"), 1)
    guide.show_idle()
    ready = guide.circle_rect()
    guide.show_state(plan, state_at(plan, 0))
    assert guide.circle_rect() == ready  # lungs empty: where a session starts
    guide.show_state(plan, state_at(plan, plan.total_seconds - 0.001))
    last = guide.circle_rect()
    guide.show_state(plan, state_at(plan, plan.total_seconds))
    assert guide.circle_rect().width() == pytest.approx(last.width(), abs=0.01)
    assert guide.circle_rect() == ready
    # Stopped mid-breath, it stays as it was rather than snapping back.
    guide.show_state(plan, state_at(plan, 2))
    mid = guide.circle_rect()
    guide.show_idle("Stopped", keep_size=True)
    assert guide.circle_rect() == mid


def test_a_frame_is_drawn_only_when_the_circle_moves_half_a_pixel(qtbot, guide):
    plan = SessionPlan.for_cycles(preset("box"), 1)
    guide.show_state(plan, state_at(plan, 2.0))  # halfway in: moving fastest
    qtbot.waitUntil(lambda: guide.paints > 0)
    QApplication.processEvents()  # every paint asked for so far has arrived
    before = guide.paints
    radius = guide.radius()
    wait = guide.next_change(plan, state_at(plan, 2.0))
    assert 0 < wait < 0.1

    # Part of the way to the next visible step: nothing to draw.
    for part in (0.1, 0.5, 0.9):
        guide.show_state(plan, state_at(plan, 2.0 + wait * part))
        QApplication.processEvents()  # delivers any paint that was asked for
        assert guide.paints == before
    # At the step the circle has grown half a pixel, and is drawn.
    guide.show_state(plan, state_at(plan, 2.0 + wait))
    assert guide.radius() - radius == pytest.approx(STEP_PX, abs=0.01)
    qtbot.waitUntil(lambda: guide.paints == before + 1)


def test_holding_still_wakes_only_when_the_count_ticks(guide):
    plan = SessionPlan.for_cycles(preset("box"), 1)
    state = state_at(plan, 5.25)  # holding, 2.75 s left: the count shows 3
    assert state.phase.kind == PhaseKind.HOLD
    assert guide.next_change(plan, state) == pytest.approx(0.75)
    guide.reduced_motion = True  # the colour has settled: again only the count
    assert guide.next_change(plan, state) == pytest.approx(0.75)
    early = state_at(plan, 4.2)  # the colour still drifting from the last phase
    assert guide.next_change(plan, early) == pytest.approx(0.1)


def test_with_reduced_motion_each_phase_is_announced_to_screen_readers(qtbot, guide):
    plan = SessionPlan.for_cycles(preset("4-7-8"), 1)
    heard: list[str] = []
    guide.announced.connect(heard.append)
    guide.show_state(plan, state_at(plan, 1))  # moving: the circle says it
    assert heard == []
    guide.reduced_motion = True
    for seconds in (2, 3, 5, 9, 12, 15):
        guide.show_state(plan, state_at(plan, seconds))
    assert heard == ["Hold, 7 seconds", "Breathe out, 8 seconds"]
    # What a screen reader asks the guide for says the phase too.
    assert guide.accessibleDescription() == "Breathe out"
    assert guide.accessibleName() == "Breathing guide"
