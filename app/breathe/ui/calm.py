"""The 1-5 calm rating, asked before a session and again after it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from app.widgets.forms import label


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
        row.setSpacing(4)
        row.addWidget(label("tense", "hint"))
        self.buttons: list[QPushButton] = []
        for value in range(1, 6):
            button = QPushButton(str(value))
            button.setObjectName("calmButton")
            button.setCheckable(True)
            button.setFixedWidth(32)
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
