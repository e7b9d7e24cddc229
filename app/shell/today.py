"""The Today page: a calm home that greets the person; areas add their cards to it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from app.clock import Clock
from app.widgets.forms import card, label


def greeting(hour: int) -> str:
    if 5 <= hour < 12:
        return "Good morning"
    if 12 <= hour < 18:
        return "Good afternoon"
    if 18 <= hour < 23:
        return "Good evening"
    return "Hello, night owl"


WELCOME = (
    "This is your quiet space. Take a breath. There is nothing you have to do here, "
    "and nothing you write ever leaves this computer."
)


class TodayPage(QScrollArea):
    def __init__(self, clock: Clock, cards: list[QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Today")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(16)
        now = clock.now()
        self.title = label(f"{greeting(now.hour)}.", "pageTitle")
        layout.addWidget(self.title)
        layout.addWidget(label(now.strftime("%A, %d %B %Y").replace(" 0", " "), "pageSubtitle"))
        layout.addWidget(label(WELCOME))
        for widget in cards:
            layout.addWidget(widget)
        if not cards:
            layout.addWidget(
                card(
                    "A gentle start",
                    label(
                        "When a conversation felt hard, or simply at the end of the day, "
                        "come back here. Press Ctrl+L whenever you step away: Tend locks "
                        "and hides everything until your passphrase opens it again."
                    ),
                )
            )
        layout.addStretch(1)
        body.setMaximumWidth(760)
        self.setWidget(body)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
