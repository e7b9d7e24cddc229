"""The stage: the guide, the words below it, Start and Stop, and the session they follow.

Each frame reads the engine (it never counts ticks) and draws what it says. Frames come
only as often as something visible changes: after each one the stage sleeps until the
guide would move by half a pixel, a count or the time left would tick, or a phase would
end (at most 60 a second, at least 4). The frame timer runs only while a session runs
and the guide can be seen, and only then is auto-lock asked to wait: following the
guide means not touching anything.

The stage's parts keep their places in every state, so the guide never jumps: the
words below it always have room for two lines.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.breathe import wording
from app.breathe.engine import BreathState, GuidedSession, TimerStatus
from app.breathe.model import CUE_SOUNDS, END_SOUND, SessionPlan
from app.breathe.ui.guide import BreathGuide
from app.breathe.ui.sound import CuePlayer
from app.clock import Clock
from app.widgets.forms import label

MIN_FRAME_MS = 33  # 30 frames a second at most, when the guide moves fastest
MAX_FRAME_MS = 250  # a wake-up now and then, so a late timer never leaves words behind


class SessionStage(QWidget):
    toggle_requested = Signal()  # the main button: start, pause or resume
    ended = Signal(object)  # the last BreathState, when a session finishes or is stopped

    def __init__(
        self,
        clock: Clock,
        keep_unlocked: Callable[[object, bool], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._keep_unlocked = keep_unlocked
        self.session: GuidedSession | None = None
        self._done = True  # no session in progress
        self._last_step: tuple[int, int] | None = None
        self._shown = False
        self.cues = CuePlayer(self)

        self.frame_timer = QTimer(self)
        self.frame_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.frame_timer.setSingleShot(True)  # each frame sets when the next one comes
        self.frame_timer.timeout.connect(self.frame)

        self.guide = BreathGuide()
        self.status = label("", "pageSubtitle")
        self.status.setAccessibleDescription("Session progress")
        self.status.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.status.ensurePolished()  # the stylesheet's font, to measure two lines of it
        self.status.setFixedHeight(self.status.fontMetrics().lineSpacing() * 2 + 4)

        self.start_button = QPushButton("Start")
        self.start_button.setObjectName("primary")
        self.start_button.setDefault(True)
        self.start_button.setMinimumWidth(120)
        self.start_button.setToolTip("Start, pause or resume (Space)")
        self.stop_button = QPushButton("Stop")
        self.stop_button.setAccessibleName("Stop")
        self.stop_button.setToolTip("End the session now; it is still saved (Esc)")
        self.stop_button.setMinimumWidth(100)
        controls = QHBoxLayout()
        controls.addStretch(1)
        controls.addWidget(self.start_button)
        controls.addWidget(self.stop_button)
        controls.addStretch(1)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(self.guide, 1)
        column.addWidget(self.status)
        column.addLayout(controls)

        self.start_button.clicked.connect(self.toggle_requested)
        self.stop_button.clicked.connect(self.stop)
        self._update_controls()

    @property
    def active(self) -> bool:
        return self.session is not None and not self._done

    @property
    def running(self) -> bool:
        return self.active and self.session.status == TimerStatus.RUNNING

    # -- following a session -------------------------------------------------------

    def start(self, plan: SessionPlan) -> None:
        self.session = GuidedSession(plan, self._clock)
        self._done = False
        state = self.session.start()
        self._last_step = (state.cycle, state.phase_index)
        self.cues.play(CUE_SOUNDS[state.phase.kind])
        self._draw(state)
        self._update_controls()
        self._update_timer()
        self.start_button.setFocus()

    def pause(self) -> None:
        if self.running:
            self.session.pause()
            self.frame()
            self._update_controls()
            self._update_timer()

    def resume(self) -> None:
        if self.active and self.session.status == TimerStatus.PAUSED:
            self.session.resume()
            self._update_controls()
            self._update_timer()

    def stop(self) -> None:
        """Esc and the Stop button: end now; what was breathed is saved."""
        if self.active:
            self._end(self.session.stop())

    def frame(self) -> None:
        """One frame: read the engine and draw what it says."""
        if not self.active:
            self._update_timer()
            return
        state = self.session.state()
        step = (state.cycle, state.phase_index)
        if step != self._last_step and not state.finished:
            self._last_step = step
            self.cues.play(CUE_SOUNDS[state.phase.kind])
        self._draw(state)
        if state.finished:
            self._end(state)
        elif self.running and self._shown:
            self._schedule(state)

    def _schedule(self, state: BreathState) -> None:
        """Sleep until the next change a person could see."""
        assert self.session is not None
        left = state.session_seconds_left
        soonest = min(
            self.guide.next_change(self.session.plan, state),
            left - (math.ceil(left) - 1),  # the time left below the guide ticks
        )
        # A millisecond past the change, so the frame lands after it, not just before.
        wait = math.floor(soonest * 1000) + 1
        self.frame_timer.start(max(MIN_FRAME_MS, min(MAX_FRAME_MS, wait)))

    def _draw(self, state: BreathState) -> None:
        assert self.session is not None
        paused = self.session.status == TimerStatus.PAUSED
        self.guide.show_state(self.session.plan, state, paused=paused)
        left = wording.clock(state.session_seconds_left)
        cycles = self.session.plan.cycles
        words = f"Breath {state.cycle} of {cycles}  ·  {left} left"
        if paused:
            words = f"Paused  ·  {left} left"
        if self.status.text() != words:
            self.status.setText(words)

    def _end(self, state: BreathState) -> None:
        assert self.session is not None
        self._done = True
        self._update_timer()
        if state.finished:
            self.cues.play(END_SOUND)
        self.guide.show_state(self.session.plan, state)
        # The kind words go below the guide, which is small once the panels open.
        if state.finished:
            length = wording.duration(self.session.plan.total_seconds)
            self.status.setText(f"Finished after {length}. Take a moment before you move on.")
        else:
            self.guide.show_idle("Stopped", keep_size=True)
            length = wording.duration(self.session.actual_ms() / 1000)
            self.status.setText(f"Stopped after {length}. That's fine: every breath counts.")
        self._update_controls()
        self.ended.emit(state)

    # -- between sessions ----------------------------------------------------------

    def show_preview(self, plan: SessionPlan | None) -> None:
        """What Start would breathe; None when the length still needs a change."""
        if not self._done:
            return
        if plan is None:
            self.status.setText("Choose a length to begin.")
            return
        self.status.setText(wording.preview(plan))

    def set_reduced_motion(self, on: bool) -> None:
        self.guide.reduced_motion = on
        if self.active:
            self.frame()

    def _update_controls(self) -> None:
        status = self.session.status if self.active else None
        text = {TimerStatus.RUNNING: "Pause", TimerStatus.PAUSED: "Resume"}.get(status, "Start")
        if status is None and self.session is not None:
            text = "Start again"
        self.start_button.setText(text)
        self.start_button.setAccessibleName(text)
        self.stop_button.setEnabled(self.active)

    def _update_timer(self) -> None:
        """The frame timer runs only while a session runs and the guide can be seen."""
        on = self.running and self._shown
        if on:
            if not self.frame_timer.isActive():
                self._schedule(self.session.state())
        else:
            self.frame_timer.stop()
        self._keep_unlocked(self, on)

    # -- showing and hiding --------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._shown = True
        if self.active:
            self.frame()  # catch up at once: it may have finished while away
        self._update_timer()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._shown = False
        self.frame_timer.stop()
