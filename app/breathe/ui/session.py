"""The stage: the guide, the words below it, Start and Stop, and the session they follow.

Each frame reads the engine (it never counts ticks) and draws what it says. The frame
timer runs only while a session runs and the guide can be seen, and only then is
auto-lock asked to wait: following the guide means not touching anything.
"""

from __future__ import annotations

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
from app.widgets.forms import error_label, label

FRAME_MS = 16  # about 60 frames a second while the guide moves
CALM_FRAME_MS = 100  # reduced motion: words and a slow colour change need far fewer


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
        self.frame_timer.setInterval(FRAME_MS)
        self.frame_timer.timeout.connect(self.frame)

        self.guide = BreathGuide()
        self.status = label("", "pageSubtitle")
        self.status.setAccessibleDescription("Session progress")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.save_problem = error_label()
        self.save_problem.setAccessibleDescription("Saving problem")
        self.save_problem.setAlignment(Qt.AlignmentFlag.AlignCenter)

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
        column.addWidget(self.save_problem)
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
            self.guide.show_idle("Stopped")
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
        breaths = f"{plan.cycles} breath{'s' if plan.cycles != 1 else ''}"
        self.status.setText(
            f"{plan.pattern.name}  ·  {breaths}  ·  {wording.duration(plan.total_seconds)}"
        )

    def set_reduced_motion(self, on: bool) -> None:
        self.guide.reduced_motion = on
        self.frame_timer.setInterval(CALM_FRAME_MS if on else FRAME_MS)
        if self.active:
            self._draw(self.session.state())

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
                self.frame_timer.start()
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
