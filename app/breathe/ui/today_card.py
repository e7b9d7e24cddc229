"""Breathe's card on the Today page: a one-minute invitation."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.context import AreaContext
from app.widgets.forms import card, label


class BreathTodayCard(QWidget):
    """Today's small invitation: one minute of box breathing."""

    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("A breath for today")  # like the other cards beside it
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
                label("About a minute of box breathing: four breaths of in, hold, out, hold."),
                holder,
            )
        )
