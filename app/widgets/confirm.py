"""Tend's own confirmation: a calm question, a line of detail, and two plain buttons.

Qt's stock box shows a blue "?" and squeezes its text; this one follows the theme and
the app's page style. The careful choice ("Keep it") is the default.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.widgets.forms import label


class Confirm(QDialog):
    def __init__(
        self,
        title: str,
        question: str,
        detail: str,
        action: str,
        keep: str = "Keep it",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self._clicked: QPushButton | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        self.question = label(question, "confirmQuestion")
        self.detail = label(detail, "hint")
        self.detail.setWordWrap(True)
        layout.addWidget(self.question)
        layout.addWidget(self.detail)
        layout.addSpacing(8)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addStretch(1)
        self.keep_button = QPushButton(keep)
        self.keep_button.setAccessibleName(keep)
        self.action_button = QPushButton(action)
        self.action_button.setObjectName("destructive")
        self.action_button.setAccessibleName(action)
        row.addWidget(self.keep_button)
        row.addWidget(self.action_button)
        layout.addLayout(row)
        self.keep_button.setDefault(True)
        self.keep_button.setFocus()
        self.keep_button.clicked.connect(lambda: self._choose(self.keep_button, False))
        self.action_button.clicked.connect(lambda: self._choose(self.action_button, True))

    def _choose(self, button: QPushButton, accepted: bool) -> None:
        self._clicked = button
        self.accept() if accepted else self.reject()

    # The parts of QMessageBox's interface callers use, so either reads the same.
    def clickedButton(self) -> QPushButton | None:
        return self._clicked

    def defaultButton(self) -> QPushButton:
        return self.keep_button

    def informativeText(self) -> str:
        return self.detail.text()
