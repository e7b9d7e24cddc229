"""The period chooser: four buttons, one checked, reachable with Tab and the arrow keys."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

# The same keys `tend progress --period` takes.
PERIODS: tuple[tuple[str, str, str], ...] = (
    ("4w", "4 weeks", "the last 4 weeks"),
    ("3m", "3 months", "the last 3 months"),
    ("12m", "12 months", "the last 12 months"),
    ("all", "All time", "all time"),
)


class PeriodChooser(QWidget):
    changed = Signal(str)

    def __init__(self, current: str = "3m", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("periodChooser")
        self.setAccessibleName("Period")
        self.setAccessibleDescription("Which stretch of time the figures and charts cover")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, words in PERIODS:
            button = QPushButton(text)
            button.setCheckable(True)
            button.setAccessibleName(f"Show {words}")
            button.setProperty("period", key)
            self.group.addButton(button)
            self.buttons[key] = button
            row.addWidget(button)
        self.buttons.get(current, self.buttons["3m"]).setChecked(True)
        self.group.buttonToggled.connect(self._toggled)

    def value(self) -> str:
        button = self.group.checkedButton()
        return str(button.property("period")) if button else "3m"

    def set_value(self, key: str) -> None:
        if key in self.buttons:
            self.buttons[key].setChecked(True)

    def _toggled(self, button: QPushButton, on: bool) -> None:
        if on:
            self.changed.emit(str(button.property("period")))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Left and Right step through the periods, as in a row of radio buttons.
        keys = [key for key, _, _ in PERIODS]
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        index = min(len(keys) - 1, max(0, keys.index(self.value()) + step))
        self.set_value(keys[index])
        self.buttons[keys[index]].setFocus(Qt.FocusReason.TabFocusReason)
        event.accept()
