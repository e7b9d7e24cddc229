"""The Session tab: which pattern, how long, how calm you feel now, motion and sound.

It shows and checks the choices; the view decides when to start and what to remember.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QVBoxLayout, QWidget

from app.breathe import settings, wording
from app.breathe.model import (
    MINUTE_CHOICES,
    BreathPattern,
    SessionPlan,
    parse_cycles,
    parse_minutes,
    preset,
)
from app.breathe.store import BreatheStore
from app.breathe.ui.calm import CalmScale
from app.breathe.ui.sound import NO_DEVICE
from app.widgets.forms import error_label, label, show_error

# The length list's data: a number of minutes ("5"), or one of these for a typed amount.
CUSTOM_MINUTES = "minutes"
CYCLES = "cycles"


class SetupPanel(QWidget):
    choice_changed = Signal()  # the pattern, length or typed amount changed
    start_requested = Signal()  # Return pressed in the amount field

    def __init__(self, store: BreatheStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.patterns: dict[str, BreathPattern] = {}
        column = QVBoxLayout(self)
        column.setSpacing(8)

        column.addWidget(label("Pattern", "cardTitle"))
        self.pattern = QComboBox()
        self.pattern.setAccessibleName("Pattern")
        self.pattern.setAccessibleDescription("The breathing pattern to follow")
        column.addWidget(self.pattern)
        self.pattern_about = label("", "hint")
        self.pattern_about.setAccessibleDescription("About this pattern")
        column.addWidget(self.pattern_about)

        column.addSpacing(6)
        column.addWidget(label("Length", "cardTitle"))
        self.length = QComboBox()
        self.length.setAccessibleName("Length")
        self.length.setAccessibleDescription("How long the session lasts")
        for minutes in MINUTE_CHOICES:  # the words come from the pattern: _describe_pattern
            self.length.addItem(f"{minutes} minute{'s' if minutes > 1 else ''}", str(minutes))
        self.length.addItem("Other number of minutes…", CUSTOM_MINUTES)
        self.length.addItem("A number of breaths…", CYCLES)
        column.addWidget(self.length)
        self.amount = QLineEdit()
        self.amount.setAccessibleName("Minutes or breaths")
        column.addWidget(self.amount)
        self.amount_error = error_label()
        self.amount_error.setAccessibleDescription("Length problem")
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
        self.sound_hint.setAccessibleDescription("Sound status")
        self.sound_hint.hide()
        column.addWidget(self.sound_hint)
        column.addStretch(1)

        self.pattern.currentIndexChanged.connect(self._pattern_chosen)
        self.length.currentIndexChanged.connect(self._length_chosen)
        self.amount.textChanged.connect(self.choice_changed)
        self.amount.returnPressed.connect(self.start_requested)

    # -- the pattern ---------------------------------------------------------------

    def refresh_patterns(self, select: str | None = None) -> None:
        """Presets, then your own patterns after a line, keeping (or making) a choice."""
        current = select or self.pattern.currentData() or settings.PATTERN.default
        blocked = self.pattern.blockSignals(True)
        self.pattern.clear()
        self.patterns = {}
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
        # Each length says how many of this pattern's breaths it holds, and how near.
        for index, minutes in enumerate(MINUTE_CHOICES):
            plan = SessionPlan.for_minutes(pattern, minutes)
            self.length.setItemText(index, wording.length_choice(plan, minutes))

    def _pattern_chosen(self) -> None:
        self._describe_pattern()
        self.choice_changed.emit()

    # -- the length ----------------------------------------------------------------

    def restore_length(self, saved: str) -> None:
        """Show a remembered length: "5", or "minutes:7" and "cycles:12" with the amount."""
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
        self.choice_changed.emit()
        if self.amount.isVisible():
            self.amount.setFocus()

    def _show_amount(self) -> None:
        kind = self.length.currentData()
        self.amount.setVisible(kind in (CUSTOM_MINUTES, CYCLES))
        self.amount.setPlaceholderText(
            "Minutes, like 7" if kind == CUSTOM_MINUTES else "Breaths, like 12"
        )
        show_error(self.amount_error, "")

    def show_length_problem(self, message: str) -> None:
        """The message below the amount ("" hides it), with the cursor there to fix it."""
        show_error(self.amount_error, message)
        if message:
            self.amount.setFocus()

    # -- together ------------------------------------------------------------------

    def show_choice(self, pattern_id: str, length: str) -> None:
        """Show a pattern and length (as the list's data) without emitting choice_changed."""
        for combo, data in ((self.pattern, pattern_id), (self.length, length)):
            index = combo.findData(data)
            if index >= 0:
                blocked = combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(blocked)
        self._describe_pattern()
        self._show_amount()

    def chosen_plan(self) -> SessionPlan:
        """The plan the choices describe; Invalid when the typed length needs a change."""
        pattern = self.current_pattern()
        kind = self.length.currentData()
        if kind == CYCLES:
            return SessionPlan.for_cycles(pattern, parse_cycles(self.amount.text()))
        if kind == CUSTOM_MINUTES:
            return SessionPlan.for_minutes(pattern, parse_minutes(self.amount.text()))
        return SessionPlan.for_minutes(pattern, float(kind))

    def choice_to_remember(self) -> tuple[str, str]:
        """The pattern's id and the length as settings.PATTERN and settings.LENGTH keep them."""
        kind = self.length.currentData()
        amount = self.amount.text().strip() if kind in (CUSTOM_MINUTES, CYCLES) else ""
        return self.pattern.currentData(), f"{kind}:{amount}" if amount else kind

    def set_locked(self, locked: bool) -> None:
        """While you breathe, the choices that made the session stay as they are."""
        for widget in (self.pattern, self.length, self.amount, self.calm_before):
            widget.setEnabled(not locked)
