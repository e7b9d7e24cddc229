"""The Breathe area: choose a rhythm, follow the guide, and keep a gentle log."""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.breathe import reopening, settings
from app.breathe.engine import BreathState, GuidedSession, TimerStatus
from app.breathe.model import (
    CUE_SOUNDS,
    END_SOUND,
    MINUTE_CHOICES,
    BreathPattern,
    BreathSession,
    SessionPlan,
    flooded_guide,
    parse_cycles,
    parse_minutes,
    preset,
)
from app.breathe.recorder import SessionRecorder
from app.breathe.store import BreatheStore
from app.breathe.ui.editor import PatternEditor
from app.breathe.ui.guide import BreathGuide
from app.breathe.ui.sound import NO_DEVICE, CuePlayer
from app.context import AreaContext
from app.validation import Invalid
from app.vault import Setting, VaultError
from app.widgets.forms import card, error_label, label, page, show_error
from app.widgets.icons import icon

FRAME_MS = 16  # about 60 frames a second while the guide moves
CALM_FRAME_MS = 100  # reduced motion: words and a slow colour change need far fewer
HISTORY_LIMIT = 20
CUSTOM_MINUTES = "minutes"
CYCLES = "cycles"

SUBTITLE = "Follow a gentle rhythm. There is nothing to get right; just breathe along."
NO_HISTORY = "Your sessions will appear here. Even one minute counts, and stopping early is fine."


def _duration(seconds: float) -> str:
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min" if rest == 0 else f"{minutes} min {rest} s"


def _clock_text(seconds: float) -> str:
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


def _when(moment: datetime, now: datetime) -> str:
    day = moment.date()
    if day == now.date():
        prefix = "Today"
    elif day == now.date() - timedelta(days=1):
        prefix = "Yesterday"
    else:
        prefix = f"{moment:%a} {day.day} {moment:%b}"
    return f"{prefix}, {moment:%H:%M}"


def history_line(session: BreathSession, now: datetime) -> str:
    parts = [
        _when(session.started_at, now),
        session.pattern_name,
        _duration(session.actual_seconds),
    ]
    if not session.finished:
        parts.append("ended early")
    before, after = session.calm_before, session.calm_after
    if before is not None and after is not None:
        parts.append(f"calm {before} → {after}")
    elif before is not None:
        parts.append(f"calm {before} before")
    elif after is not None:
        parts.append(f"calm {after} after")
    return "  ·  ".join(parts)


class CalmScale(QWidget):
    """A one-tap 1-5 rating; tapping the chosen number again clears it (skipped)."""

    rated = Signal(object)  # int, or None when cleared

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._value: int | None = None
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(label("tense", "hint"))
        self.buttons: list[QPushButton] = []
        for value in range(1, 6):
            button = QPushButton(str(value))
            button.setObjectName("calmButton")
            button.setCheckable(True)
            button.setFixedWidth(40)
            words = {1: ", tense", 5: ", calm"}.get(value, "")
            button.setAccessibleName(f"{name}: {value} of 5{words}")
            self.group.addButton(button, value)
            self.buttons.append(button)
            row.addWidget(button)
        row.addWidget(label("calm", "hint"))
        row.addStretch(1)
        self.group.idClicked.connect(self._clicked)

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        self._value = value
        for number, button in enumerate(self.buttons, start=1):
            button.setChecked(number == value)

    def _clicked(self, value: int) -> None:
        self.set_value(None if self._value == value else value)
        self.rated.emit(self._value)


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setContentsMargins(4, 8, 8, 8)
    area.setWidget(widget)
    return area


def _panel() -> tuple[QFrame, QVBoxLayout]:
    """A card below the guide, hidden until the session ends."""
    panel = QFrame()
    panel.setObjectName("card")
    column = QVBoxLayout(panel)
    column.setContentsMargins(16, 10, 16, 10)
    panel.hide()
    return panel, column


class BreatheView(QWidget):
    session_saved = Signal(int)  # the saved session's id

    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Breathe")
        self.context = context
        self.store = BreatheStore(context.vault)
        self.session: GuidedSession | None = None
        self.recorder = SessionRecorder(self.store)
        self.flooded = False
        self.repair_turn = 0
        self._done = True  # no session in progress
        self._last_step: tuple[int, int] | None = None
        self._shown = False
        self._seen = False
        self.cues = CuePlayer(self)

        self.frame_timer = QTimer(self)
        self.frame_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.frame_timer.setInterval(FRAME_MS)
        self.frame_timer.timeout.connect(self._frame)

        self._build()
        self.refresh_patterns(context.settings.read(settings.PATTERN))
        self._restore_length(context.settings.read(settings.LENGTH))
        self.refresh_history()
        self.reduced_motion.setChecked(context.settings.read(settings.REDUCED_MOTION))
        self._apply_reduced_motion()
        self.sound.setChecked(context.settings.read(settings.SOUND))
        self._apply_sound()
        self._connect()
        self._show_preview()
        self._update_controls()

    # -- building ------------------------------------------------------------------

    def _build(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Breathe options")
        self.tabs.setFixedWidth(390)
        self.tabs.addTab(_scrolling(self._build_setup()), "Session")
        self.tabs.addTab(_scrolling(self._build_history()), "History")
        self.editor = PatternEditor(self.store)
        self.tabs.addTab(_scrolling(self.editor), "Your patterns")

        self.banner = label("", "warning")
        self.banner.setAccessibleName("About this break")
        self.banner.hide()
        self.guide = BreathGuide()
        self.status = label("", "pageSubtitle")
        self.status.setAccessibleName("Session progress")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.save_problem = error_label()
        self.save_problem.setAccessibleName("Saving problem")
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

        self.after_panel = self._build_after()
        self.repair_panel = self._build_repair()

        stage = QVBoxLayout()
        stage.setSpacing(10)
        stage.addWidget(self.banner)
        stage.addWidget(self.guide, 1)
        stage.addWidget(self.status)
        stage.addWidget(self.save_problem)
        stage.addLayout(controls)
        stage.addWidget(self.after_panel)
        stage.addWidget(self.repair_panel)

        body = QHBoxLayout()
        body.setSpacing(28)
        body.addWidget(self.tabs)
        body.addLayout(stage, 1)

        page(self, "Breathe", SUBTITLE, body)

        QShortcut(
            QKeySequence(Qt.Key.Key_Space),
            self,
            self._space,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            self.stop,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    def _build_setup(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setSpacing(8)

        column.addWidget(label("Pattern", "cardTitle"))
        self.pattern = QComboBox()
        self.pattern.setAccessibleName("Pattern")
        column.addWidget(self.pattern)
        self.pattern_about = label("", "hint")
        self.pattern_about.setAccessibleName("About this pattern")
        column.addWidget(self.pattern_about)

        column.addSpacing(6)
        column.addWidget(label("Length", "cardTitle"))
        self.length = QComboBox()
        self.length.setAccessibleName("Length")
        for minutes in MINUTE_CHOICES:
            self.length.addItem(f"{minutes} minute{'s' if minutes > 1 else ''}", str(minutes))
        self.length.addItem("Other number of minutes…", CUSTOM_MINUTES)
        self.length.addItem("A number of breaths…", CYCLES)
        column.addWidget(self.length)
        self.amount = QLineEdit()
        self.amount.setAccessibleName("Minutes or breaths")
        column.addWidget(self.amount)
        self.amount_error = error_label()
        self.amount_error.setAccessibleName("Length problem")
        column.addWidget(self.amount_error)

        column.addSpacing(6)
        column.addWidget(label("How calm do you feel right now?", "cardTitle"))
        column.addWidget(label("Optional: one tap, or leave it.", "hint"))
        self.calm_before = CalmScale("Calm before")
        column.addWidget(self.calm_before)

        column.addSpacing(6)
        self.reduced_motion = QCheckBox("Reduce motion")
        self.reduced_motion.setAccessibleName("Reduce motion")
        column.addWidget(self.reduced_motion)
        column.addWidget(label("Words and a slow change of colour instead of movement.", "hint"))
        self.sound = QCheckBox("Soft sound at each step")
        self.sound.setAccessibleName("Sound cues")
        column.addWidget(self.sound)
        self.sound_hint = label(NO_DEVICE, "hint")
        self.sound_hint.setAccessibleName("Sound status")
        self.sound_hint.hide()
        column.addWidget(self.sound_hint)
        column.addStretch(1)
        return page

    def _build_history(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setSpacing(8)
        self.totals = label("", "cardTitle")
        self.totals.setAccessibleName("Breathing so far")
        column.addWidget(self.totals)
        self.history = QListWidget()
        self.history.setAccessibleName("Recent sessions")
        self.history.setWordWrap(True)
        self.history.setSpacing(3)  # a little air between sessions
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column.addWidget(self.history, 1)
        self.history_empty = label(NO_HISTORY, "hint")
        column.addWidget(self.history_empty)
        column.addStretch(0)
        return page

    def _build_after(self) -> QWidget:
        panel, column = _panel()
        self.after_title = label("How calm do you feel now?", "cardTitle")
        column.addWidget(self.after_title)
        row = QHBoxLayout()
        self.calm_after = CalmScale("Calm after")
        row.addWidget(self.calm_after, 1)
        self.skip_after = QPushButton("Skip")
        self.skip_after.setAccessibleName("Skip the calm rating")
        row.addWidget(self.skip_after)
        column.addLayout(row)
        self.after_note = label("", "hint")
        self.after_note.setAccessibleName("Saved note")
        column.addWidget(self.after_note)
        return panel

    def _build_repair(self) -> QWidget:
        panel, column = _panel()
        self.closing = label(flooded_guide().closing)
        column.addWidget(self.closing)
        self.repair_phrase = label("", "cardTitle")
        self.repair_phrase.setAccessibleName("A phrase to reopen the talk")
        self.repair_phrase.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.repair_phrase)
        row = QHBoxLayout()
        row.addStretch(1)
        self.another_phrase = QPushButton("Another phrase")
        self.another_phrase.setAccessibleName("Show another phrase")
        row.addWidget(self.another_phrase)
        column.addLayout(row)
        return panel

    def _connect(self) -> None:
        self.start_button.clicked.connect(self.toggle)
        self.stop_button.clicked.connect(self.stop)
        self.pattern.currentIndexChanged.connect(self._pattern_chosen)
        self.length.currentIndexChanged.connect(self._length_chosen)
        self.amount.textChanged.connect(self._show_preview)
        self.amount.returnPressed.connect(self.toggle)
        self.reduced_motion.toggled.connect(self._reduced_motion_toggled)
        self.sound.toggled.connect(self._sound_toggled)
        self.calm_after.rated.connect(self._rate_after)
        self.skip_after.clicked.connect(self._skip_after)
        self.another_phrase.clicked.connect(self._next_phrase)
        self.editor.patterns_changed.connect(self._patterns_edited)

    # -- choosing ------------------------------------------------------------------

    def refresh_patterns(self, select: str | None = None) -> None:
        current = select or self.pattern.currentData() or settings.PATTERN.default
        blocked = self.pattern.blockSignals(True)
        self.pattern.clear()
        self.patterns: dict[str, BreathPattern] = {}
        customs = False
        for pattern in self.store.all_patterns():
            if pattern.is_custom and not customs:
                self.pattern.insertSeparator(self.pattern.count())
                customs = True
            self.patterns[pattern.id] = pattern
            self.pattern.addItem(pattern.name, pattern.id)
        index = self.pattern.findData(current)
        self.pattern.setCurrentIndex(
            index if index >= 0 else self.pattern.findData(settings.PATTERN.default)
        )
        self.pattern.blockSignals(blocked)
        self._describe_pattern()

    def current_pattern(self) -> BreathPattern:
        return self.patterns.get(self.pattern.currentData()) or preset(settings.PATTERN.default)

    def _describe_pattern(self) -> None:
        pattern = self.current_pattern()
        words = pattern.summary
        if pattern.description:
            words = f"{pattern.summary}\n\n{pattern.description}"
        self.pattern_about.setText(words)

    def _pattern_chosen(self) -> None:
        self._describe_pattern()
        self._show_preview()

    def _show_choice(self, pattern_id: str, length: str) -> None:
        """Show what a requested session breathes, without making it the usual choice."""
        for combo, data in ((self.pattern, pattern_id), (self.length, length)):
            index = combo.findData(data)
            if index >= 0:
                blocked = combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(blocked)
        self._describe_pattern()
        self._show_amount()
        self._show_preview()

    def _restore_length(self, saved: str) -> None:
        key, _, amount = str(saved).partition(":")
        index = self.length.findData(key)
        blocked = self.length.blockSignals(True)
        self.length.setCurrentIndex(
            index if index >= 0 else self.length.findData(settings.LENGTH.default)
        )
        self.length.blockSignals(blocked)
        self.amount.setText(amount)
        self._show_amount()

    def _length_chosen(self) -> None:
        self._show_amount()
        self._show_preview()
        if self.amount.isVisible():
            self.amount.setFocus()

    def _show_amount(self) -> None:
        kind = self.length.currentData()
        self.amount.setVisible(kind in (CUSTOM_MINUTES, CYCLES))
        self.amount.setPlaceholderText(
            "Minutes, like 7" if kind == CUSTOM_MINUTES else "Breaths, like 12"
        )
        show_error(self.amount_error, "")

    def chosen_plan(self) -> SessionPlan:
        """The plan the choices describe; Invalid when the typed length needs a change."""
        pattern = self.current_pattern()
        kind = self.length.currentData()
        if kind == CYCLES:
            return SessionPlan.for_cycles(pattern, parse_cycles(self.amount.text()))
        if kind == CUSTOM_MINUTES:
            return SessionPlan.for_minutes(pattern, parse_minutes(self.amount.text()))
        return SessionPlan.for_minutes(pattern, float(kind))

    def _show_preview(self) -> None:
        if not self._done:
            return
        try:
            plan = self.chosen_plan()
        except Invalid:
            self.status.setText("Choose a length to begin.")
            return
        breaths = f"{plan.cycles} breath{'s' if plan.cycles != 1 else ''}"
        self.status.setText(
            f"{plan.pattern.name}  ·  {breaths}  ·  {_duration(plan.total_seconds)}"
        )

    def _remember_choice(self) -> None:
        kind = self.length.currentData()
        amount = self.amount.text().strip() if kind in (CUSTOM_MINUTES, CYCLES) else ""
        self._set_setting(settings.PATTERN, self.pattern.currentData())
        self._set_setting(settings.LENGTH, f"{kind}:{amount}" if amount else kind)

    def _set_setting(self, setting: Setting[Any], value: Any) -> None:
        """Remembering a choice is a courtesy: if the vault can't take it, breathe anyway."""
        with contextlib.suppress(VaultError):
            self.context.settings.write(setting, value)

    def _patterns_edited(self, pattern_id: str) -> None:
        # While you breathe, the list keeps showing the pattern you are following.
        self.refresh_patterns(None if self.active else pattern_id or None)
        self._show_preview()

    # -- the session ---------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self.session is not None and not self._done

    def toggle(self) -> None:
        """Space and the main button: start, pause or resume."""
        if not self.active:
            self.start()
        elif self.session.status == TimerStatus.RUNNING:
            self.pause()
        else:
            self.resume()

    def _space(self) -> None:
        focus = self.focusWidget()
        # On any other button (a rating, a checkbox, Save) Space presses it, as usual.
        if isinstance(focus, QAbstractButton) and focus is not self.start_button:
            focus.click()
            return
        self.toggle()

    def start(self, plan: SessionPlan | None = None, *, flooded: bool = False) -> bool:
        """Start the plan given, or the one the choices describe (and remember them)."""
        if self.active:
            return False
        self._save_unsaved()
        self.flooded = flooded
        if plan is None:
            try:
                plan = self.chosen_plan()
            except Invalid as problem:
                self.tabs.setCurrentIndex(0)
                show_error(self.amount_error, problem.message)
                self.amount.setFocus()
                return False
            self._remember_choice()
        show_error(self.amount_error, "")
        self.banner.setVisible(self.flooded)
        self.after_panel.hide()
        self.repair_panel.hide()
        self.session = GuidedSession(plan, self.context.clock)
        self.recorder.begin()
        self._done = False
        state = self.session.start()
        self._last_step = (state.cycle, state.phase_index)
        self.cues.play(CUE_SOUNDS[state.phase.kind])
        self._draw(state)
        self._update_controls()
        self._update_timer()
        self.start_button.setFocus()
        return True

    def pause(self) -> None:
        if self.active and self.session.status == TimerStatus.RUNNING:
            self.session.pause()
            self._frame()
            self._update_controls()
            self._update_timer()

    def resume(self) -> None:
        if self.active and self.session.status == TimerStatus.PAUSED:
            self.session.resume()
            self._update_controls()
            self._update_timer()

    def stop(self) -> None:
        """Esc and the Stop button: end now; what was breathed is saved."""
        if not self.active:
            return
        state = self.session.stop()
        self._end(state)

    def _frame(self) -> None:
        """One frame: read the engine (never count ticks) and draw what it says."""
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
        left = _clock_text(state.session_seconds_left)
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
        self._save(final=True)
        self.guide.show_state(self.session.plan, state)
        # The kind words go below the guide, which is small once the panels open.
        if state.finished:
            length = _duration(self.session.plan.total_seconds)
            self.status.setText(f"Finished after {length}. Take a moment before you move on.")
        else:
            self.guide.show_idle("Stopped")
            length = _duration(self.session.actual_ms() / 1000)
            self.status.setText(f"Stopped after {length}. That's fine: every breath counts.")
        if self.recorder.saved_id is not None:
            self.calm_after.set_value(None)
            self.after_note.setText("Optional: one tap, or skip.")
            self.calm_after.setEnabled(True)
            self.skip_after.setEnabled(True)
            self.after_panel.show()
        if self.flooded:
            self.banner.hide()  # the welcome back below says what comes next
            self.repair_phrase.setText(reopening.phrase_for(self.repair_turn))
            self.repair_panel.show()
        self._update_controls()

    def _save(self, *, final: bool) -> None:
        """Write the session as it stands, over any earlier partial record of it."""
        assert self.session is not None
        record = self.session.record(calm_before=self.calm_before.value())
        if final and record.actual_ms:
            self.calm_before.set_value(None)
        try:
            if not self.recorder.save(record, final=final):
                return  # nothing was breathed yet: nothing to keep
        except VaultError as problem:  # an ended session is kept, and written later
            self._show_save_problem(problem)
            return
        self.refresh_history()
        if final:
            self.session_saved.emit(self.recorder.saved_id)

    def _save_unsaved(self) -> None:
        """Try again to write sessions the vault could not take before."""
        try:
            written = self.recorder.retry()
        except VaultError as problem:
            self._show_save_problem(problem)
            return
        if written:
            show_error(self.save_problem, "")
            self.refresh_history()

    def _show_save_problem(self, problem: VaultError) -> None:
        # The vault's messages name the condition, never anything you wrote.
        show_error(
            self.save_problem,
            f"{problem} Your session is kept here, and Tend will try again when you move on.",
        )

    def _rate_after(self, rating: int | None) -> None:
        if self.recorder.saved_id is None:
            return
        try:
            self.recorder.rate(rating)  # a copy still waiting carries the rating too
        except VaultError as problem:
            self.after_note.setText(f"{problem} Your rating was not saved.")
            return
        self.after_note.setText("Saved. Thank you for checking in with yourself.")
        self.refresh_history()

    def _skip_after(self) -> None:
        self.after_panel.hide()
        self.start_button.setFocus()

    def _next_phrase(self) -> None:
        self.repair_turn += 1
        self.repair_phrase.setText(reopening.phrase_for(self.repair_turn))

    def _update_controls(self) -> None:
        status = self.session.status if self.active else None
        text = {TimerStatus.RUNNING: "Pause", TimerStatus.PAUSED: "Resume"}.get(status, "Start")
        if status is None and self.session is not None:
            text = "Start again"
        self.start_button.setText(text)
        self.start_button.setAccessibleName(text)
        self.stop_button.setEnabled(self.active)
        for widget in (self.pattern, self.length, self.amount, self.calm_before):
            widget.setEnabled(not self.active)

    def _update_timer(self) -> None:
        """The frame timer runs only while a session runs and the guide can be seen."""
        running = self.active and self.session.status == TimerStatus.RUNNING
        if running and self._shown:
            if not self.frame_timer.isActive():
                self.frame_timer.start()
        else:
            self.frame_timer.stop()
        # Following the guide means not touching anything: that must not lock Tend.
        self.context.keep_unlocked(self, running and self._shown)

    # -- settings ------------------------------------------------------------------

    def _reduced_motion_toggled(self, on: bool) -> None:
        self._set_setting(settings.REDUCED_MOTION, on)
        self._apply_reduced_motion()

    def _apply_reduced_motion(self) -> None:
        on = self.reduced_motion.isChecked()
        self.guide.reduced_motion = on
        self.frame_timer.setInterval(CALM_FRAME_MS if on else FRAME_MS)
        if self.active:
            self._draw(self.session.state())

    def _sound_toggled(self, on: bool) -> None:
        self._set_setting(settings.SOUND, on)
        self._apply_sound()

    def _apply_sound(self) -> None:
        if self.sound.isChecked():
            has_sound = self.cues.enable()
            self.sound_hint.setVisible(not has_sound)
        else:
            self.cues.disable()
            self.sound_hint.hide()

    # -- history -------------------------------------------------------------------

    def refresh_history(self) -> None:
        now = self.context.clock.now()
        self.history.clear()
        for session in self.store.recent_sessions(limit=HISTORY_LIMIT):
            item = QListWidgetItem(history_line(session, now))
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            self.history.addItem(item)
        empty = self.history.count() == 0
        self.history.setVisible(not empty)
        self.history_empty.setVisible(empty)
        totals = self.store.totals()
        if totals.sessions:
            sessions = f"{totals.sessions} session{'s' if totals.sessions != 1 else ''}"
            self.totals.setText(f"{sessions}, {_duration(totals.seconds)} of breathing in all")
        else:
            self.totals.setText("No sessions yet")

    # -- the shell's hooks ---------------------------------------------------------

    def flush(self) -> None:
        """Save the session so far, so locking or closing never loses it."""
        self._save_unsaved()
        if not self.active:
            return
        state = self.session.state()
        if state.finished:
            self._end(state)
        else:
            self._save(final=False)

    def handle_request(self, **request: Any) -> None:
        """Requests from elsewhere (Today's card, the toolbar); a session in progress wins.

        A requested session is shown and started without becoming your usual choice.
        """
        if request.get("flooded"):
            self.start_flooded_break()
            return
        if self.active:
            return  # the breathing you are doing stays on screen, as it is
        self._show_choice(str(request.get("pattern", "")), str(request.get("minutes", "")))
        if request.get("start"):
            try:
                plan = self.chosen_plan()
            except Invalid:
                plan = None  # start() then says what the length needs
            self.start(plan)

    def start_flooded_break(self) -> None:
        """The "I'm flooded" break: a long, soothing session with one kind sentence."""
        if self.active and self.flooded:
            self.resume()  # already on a break: carry on rather than start again
            return
        if self.active:
            self.stop()
        guide = flooded_guide()
        turns = self.context.settings.read(settings.FLOODED_TURNS)
        self._set_setting(settings.FLOODED_TURNS, turns + 1)
        self.repair_turn = turns
        self.banner.setText(f"{guide.title}. {guide.why}")
        self.tabs.setCurrentIndex(0)
        self._show_choice(guide.pattern_id, str(guide.minutes))
        self.start(guide.plan(), flooded=True)

    # -- showing and hiding --------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._seen:  # the first time: Space starts at once
            self._seen = True
            self.start_button.setFocus()
        self._shown = True
        if self.active:
            self._frame()  # catch up at once: it may have finished while away
        self._update_timer()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._shown = False
        self.frame_timer.stop()


class BreathTodayCard(QWidget):
    """Today's small invitation: one minute of box breathing."""

    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QPushButton("Breathe for a minute")
        self.button.setAccessibleName("Breathe for a minute")
        self.button.clicked.connect(
            lambda: context.open_area("breathe", pattern="box", minutes=1, start=True)
        )
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 4, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            card(
                "A breath",
                label("One minute of box breathing: in, hold, out, hold, four counts each."),
                holder,
            )
        )


def flooded_action(context: AreaContext, parent: QWidget) -> QAction:
    """The toolbar's "I'm flooded": a soothing break, one click away from anywhere."""
    action = QAction(icon("flooded.svg"), "I'm flooded", parent)
    action.setToolTip("Take a 20-minute soothing break (Ctrl+Shift+B)")
    action.setShortcut(QKeySequence("Ctrl+Shift+B"))
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    action.triggered.connect(lambda: context.open_area("breathe", flooded=True))
    return action
