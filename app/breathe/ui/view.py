"""The Breathe area: choose a rhythm, follow the guide, and keep a gentle log.

The view composes the panels and wires them: on the left the Session, History and Your
patterns tabs, or (while a break runs and once a session ends) the words that go with
it: the break's reason, the calm check, the way back into the talk; on the right the
stage, the guide and its controls, which keep their size and place in every state.
Saving goes through the SessionRecorder, which keeps a session the vault could not take
and writes it later.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.breathe import settings
from app.breathe.engine import BreathState
from app.breathe.model import SessionPlan, flooded_guide
from app.breathe.recorder import SessionRecorder
from app.breathe.store import BreatheStore
from app.breathe.ui.editor import PatternEditor
from app.breathe.ui.flooded import BreakIndicator, ReopeningCard, flooded_banner
from app.breathe.ui.history import HistoryPanel
from app.breathe.ui.rating import RatingCard
from app.breathe.ui.session import SessionStage
from app.breathe.ui.setup import SetupPanel
from app.context import AreaContext, NotSaved
from app.validation import Invalid
from app.vault import Setting, VaultError
from app.widgets.forms import error_label, page, scroll_area, show_error

SUBTITLE = "Follow a gentle rhythm. There is nothing to get right; just breathe along."


def _scrolling(widget: QWidget) -> QScrollArea:
    widget.setContentsMargins(4, 8, 8, 8)
    return scroll_area(widget, sideways=False)


class BreatheView(QWidget):
    session_saved = Signal(int)  # the saved session's id

    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Breathe")
        self.context = context
        self.store = BreatheStore(context.vault)
        self.recorder = SessionRecorder(self.store)
        self.flooded = False  # the session on the stage is an "I'm flooded" break
        self._seen = False
        self._problem: VaultError | None = None  # why the latest write failed, if it did

        self.setup = SetupPanel(self.store)
        self.history = HistoryPanel(self.store)
        self.editor = PatternEditor(self.store)
        self.stage = SessionStage(context.clock, context.keep_unlocked)
        self.banner = flooded_banner()
        self.rating = RatingCard()
        self.reopening = ReopeningCard()
        self.save_problem = error_label()
        self.save_problem.setAccessibleDescription("Saving problem")
        self.indicator = BreakIndicator(self)
        self._lay_out()

        self.setup.refresh_patterns(context.settings.read(settings.PATTERN))
        self.setup.restore_length(context.settings.read(settings.LENGTH))
        self.refresh_history()
        self.setup.reduced_motion.setChecked(context.settings.read(settings.REDUCED_MOTION))
        self._apply_reduced_motion()
        self.setup.sound.setChecked(context.settings.read(settings.SOUND))
        self._apply_sound()
        self._connect()
        self._show_preview()

    def _lay_out(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Breathe options")
        self.tabs.addTab(_scrolling(self.setup), "Session")
        self.tabs.addTab(_scrolling(self.history), "History")
        self.tabs.addTab(_scrolling(self.editor), "Your patterns")
        for index in range(self.tabs.count()):  # Tab stops on each page's scroll area
            self.tabs.widget(index).setAccessibleName(f"{self.tabs.tabText(index)} page")

        aside = QWidget()
        aside.setAccessibleName("About this session")
        column = QVBoxLayout(aside)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(self.banner)
        column.addWidget(self.rating)
        column.addWidget(self.reopening)
        self.back = QPushButton("Back to the choices")
        self.back.setAccessibleName("Back to the session choices")
        self.back.setToolTip("Pattern, length, history and your own patterns")
        back_row = QHBoxLayout()
        back_row.addWidget(self.back)
        back_row.addStretch(1)
        column.addLayout(back_row)
        column.addStretch(1)
        self.aside = _scrolling(aside)
        self.aside.setAccessibleName("About this break or session")

        # The left column shows the choices, or the words that go with a break or with
        # the end of a session: then the choices (and their calm scale) step aside.
        self.left = QStackedWidget()
        self.left.addWidget(self.tabs)
        self.left.addWidget(self.aside)
        self.left.setMinimumWidth(310)  # the calm scale, unclipped
        self.left.setMaximumWidth(390)
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.save_problem)
        left.addWidget(self.left, 1)

        body = QHBoxLayout()
        body.setSpacing(24)
        body.addLayout(left, 2)
        body.addWidget(self.stage, 3)
        page(self, "Breathe", SUBTITLE, body)

        # Space and Esc work from every control in the view, not only the buttons.
        shortcuts = ((Qt.Key.Key_Space, self._space), (Qt.Key.Key_Escape, self.stop))
        for key, slot in shortcuts:
            QShortcut(
                QKeySequence(key), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )

    def _connect(self) -> None:
        self.setup.choice_changed.connect(self._show_preview)
        self.setup.start_requested.connect(self.toggle)
        self.setup.reduced_motion.toggled.connect(self._reduced_motion_toggled)
        self.setup.sound.toggled.connect(self._sound_toggled)
        self.stage.toggle_requested.connect(self.toggle)
        self.stage.ended.connect(self._ended)
        self.rating.calm_after.rated.connect(self._rate_after)
        self.rating.skip.clicked.connect(self._rating_skipped)
        self.back.clicked.connect(self.show_choices)
        self.editor.patterns_changed.connect(self._patterns_edited)

    # -- the session ---------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self.stage.active

    def toggle(self) -> None:
        """Space and the main button: start, pause or resume."""
        if not self.active:
            self.start()
        elif self.stage.running:
            self.pause()
        else:
            self.resume()

    def _space(self) -> None:
        focus = self.focusWidget()
        # On any other button (a rating, a checkbox, Save) Space presses it, as usual.
        if isinstance(focus, QAbstractButton) and focus is not self.stage.start_button:
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
                plan = self.setup.chosen_plan()
            except Invalid as problem:
                self.tabs.setCurrentIndex(0)
                self.setup.show_length_problem(problem.message)
                return False
            self._remember_choice()
        self.setup.show_length_problem("")
        self.banner.setVisible(self.flooded)
        self.rating.hide()
        self.reopening.hide()
        self.back.setVisible(not self.flooded)
        self.left.setCurrentWidget(self.aside if self.flooded else self.tabs)
        self.recorder.begin()
        self.setup.set_locked(True)
        self.stage.start(plan)
        self.indicator.refresh()
        return True

    def pause(self) -> None:
        self.stage.pause()
        self.indicator.refresh()

    def resume(self) -> None:
        self.stage.resume()
        self.indicator.refresh()

    def stop(self) -> None:
        """Esc and the Stop button: end now; what was breathed is saved."""
        self.stage.stop()

    def _ended(self, state: BreathState) -> None:
        self._save(final=True)
        asked = self.recorder.saved_id is not None
        if asked:
            self.rating.ask()
        if self.flooded:
            self.banner.hide()  # the card below says what comes next
            stopped_after = None if state.finished else self.stage.session.actual_ms() / 1000
            self.reopening.offer(stopped_after=stopped_after)
            self.indicator.ended(seen=self.isVisible())
        self.back.show()
        if asked or self.flooded:  # the calm check (one scale on screen) and the way back
            self.left.setCurrentWidget(self.aside)
        else:
            self.show_choices()
        self.setup.set_locked(False)

    def show_choices(self) -> None:
        """The left column back to the pattern, length and history tabs."""
        self.left.setCurrentWidget(self.tabs)

    # -- saving --------------------------------------------------------------------

    def _save(self, *, final: bool) -> None:
        """Write the session as it stands, over any earlier partial record of it."""
        assert self.stage.session is not None
        record = self.stage.session.record(calm_before=self.setup.calm_before.value())
        if final and record.actual_ms:
            self.setup.calm_before.set_value(None)
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
        self._problem = problem
        # The vault's messages name the condition, never anything you wrote.
        show_error(
            self.save_problem,
            f"{problem} Your session is kept here, and Tend will try again when you move on.",
        )

    def _rate_after(self, rating: int | None) -> None:
        try:
            self.recorder.rate(rating)  # a copy still waiting carries the rating too
        except VaultError as problem:
            self.rating.note.setText(f"{problem} Your rating was not saved.")
            return
        self.rating.note.setText("Saved. Thank you for checking in with yourself.")
        self.refresh_history()

    def _rating_skipped(self) -> None:
        if not self.reopening.isVisibleTo(self.aside.widget()):
            self.show_choices()  # nothing else to read here
        self.stage.start_button.setFocus()  # ready for another round with Space

    def refresh_history(self) -> None:
        self.history.refresh(self.context.clock.now())

    # -- choices and settings ------------------------------------------------------

    def _show_preview(self) -> None:
        try:
            plan = self.setup.chosen_plan()
        except Invalid:
            plan = None
        self.stage.show_preview(plan)

    def _show_choice(self, pattern_id: str, length: str) -> None:
        """Show what a requested session breathes, without making it the usual choice."""
        self.setup.show_choice(pattern_id, length)
        self._show_preview()

    def _patterns_edited(self, pattern_id: str) -> None:
        # While you breathe, the list keeps showing the pattern you are following.
        self.setup.refresh_patterns(None if self.active else pattern_id or None)
        self._show_preview()

    def _remember_choice(self) -> None:
        pattern_id, length = self.setup.choice_to_remember()
        self._set_setting(settings.PATTERN, pattern_id)
        self._set_setting(settings.LENGTH, length)

    def _set_setting(self, setting: Setting[Any], value: Any) -> None:
        """Remembering a choice is a courtesy: if the vault can't take it, breathe anyway."""
        with contextlib.suppress(VaultError):
            self.context.settings.write(setting, value)

    def _reduced_motion_toggled(self, on: bool) -> None:
        self._set_setting(settings.REDUCED_MOTION, on)
        self._apply_reduced_motion()

    def _apply_reduced_motion(self) -> None:
        self.stage.set_reduced_motion(self.setup.reduced_motion.isChecked())

    def _sound_toggled(self, on: bool) -> None:
        self._set_setting(settings.SOUND, on)
        self._apply_sound()

    def _apply_sound(self) -> None:
        if self.setup.sound.isChecked():
            has_sound = self.stage.cues.enable()
            self.setup.sound_hint.setVisible(not has_sound)
        else:
            self.stage.cues.disable()
            self.setup.sound_hint.hide()

    # -- the shell's hooks (app.context.AreaView) ----------------------------------

    def flush(self) -> None:
        """Save the session so far, so locking or closing never loses it.

        Raises NotSaved when the vault cannot take what was breathed; the session stays
        here (kept, or still running) and is written on a later try.
        """
        self._problem = None
        self._save_unsaved()
        if self.active:
            if self.stage.session.state().finished:
                self.stage.frame()  # it ended out of sight: end it, which saves it
            else:
                self._save(final=False)
        if self._problem is not None:
            raise NotSaved(f"A breathing session could not be saved yet. {self._problem}")

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
                plan = self.setup.chosen_plan()
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
        self.reopening.turn = turns
        self.tabs.setCurrentIndex(0)
        self._show_choice(guide.pattern_id, str(guide.minutes))
        self.start(guide.plan(), flooded=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.active:
            self.indicator.reset()  # a break that ended out of sight is now in view
        if not self._seen:  # the first time: Space starts at once
            self._seen = True
            self.stage.start_button.setFocus()
