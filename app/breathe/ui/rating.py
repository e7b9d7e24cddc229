"""After a session: "How calm do you feel now?", one tap or skip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.breathe.ui.calm import CalmScale
from app.breathe.ui.cards import StageCard
from app.widgets.forms import label


class RatingCard(StageCard):
    """Asks once the session is saved; the view writes the rating and says how it went."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("How calm do you feel now?", "cardTitle")
        self.column.addWidget(self.title)
        self.calm_after = CalmScale("Calm after")
        self.column.addWidget(self.calm_after)
        row = QHBoxLayout()
        self.note = label("", "hint")
        self.note.setAccessibleDescription("Saved note")
        row.addWidget(self.note, 1)
        self.skip = QPushButton("Skip")
        self.skip.setAccessibleName("Skip the calm rating")
        row.addWidget(self.skip, 0, Qt.AlignmentFlag.AlignTop)
        self.column.addLayout(row)
        self.skip.clicked.connect(self.hide)

    def ask(self) -> None:
        """Open afresh for the session just saved."""
        self.calm_after.set_value(None)
        self.note.setText("Optional: one tap, or skip.")
        self.calm_after.setEnabled(True)
        self.skip.setEnabled(True)
        self.show()
