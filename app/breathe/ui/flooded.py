"""The "I'm flooded" break: the toolbar's way in, the words above the guide while it
runs, and the card that helps you back into the talk when it ends."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.breathe import reopening
from app.breathe.model import flooded_guide
from app.breathe.ui.cards import StageCard
from app.context import AreaContext
from app.widgets.forms import label
from app.widgets.icons import icon


def flooded_action(context: AreaContext, parent: QWidget) -> QAction:
    """The toolbar's "I'm flooded": a soothing break, one click away from anywhere."""
    action = QAction(icon("flooded.svg"), "I'm flooded", parent)
    action.setToolTip("Take a 20-minute soothing break (Ctrl+Shift+B)")
    action.setShortcut(QKeySequence("Ctrl+Shift+B"))
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    action.triggered.connect(lambda: context.open_area("breathe", flooded=True))
    return action


def flooded_banner() -> QLabel:
    """Above the guide while a break runs: what the break is for, in one sentence."""
    guide = flooded_guide()
    banner = label(f"{guide.title}. {guide.why}", "warning")
    banner.setAccessibleDescription("About this break")
    banner.hide()
    return banner


class ReopeningCard(StageCard):
    """When a break ends: a welcome back and a first sentence to reopen the talk.

    ``turn`` counts the breaks taken, so each offers the next phrase in the list.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.turn = 0
        self.closing = label(flooded_guide().closing)
        self.column.addWidget(self.closing)
        self.phrase = label("", "cardTitle")
        self.phrase.setAccessibleDescription("A phrase to reopen the talk")
        self.phrase.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.column.addWidget(self.phrase)
        row = QHBoxLayout()
        row.addStretch(1)
        self.another = QPushButton("Another phrase")
        self.another.setAccessibleName("Show another phrase")
        row.addWidget(self.another)
        self.column.addLayout(row)
        self.another.clicked.connect(self._next_phrase)

    def offer(self) -> None:
        self.phrase.setText(reopening.phrase_for(self.turn))
        self.show()

    def _next_phrase(self) -> None:
        self.turn += 1
        self.phrase.setText(reopening.phrase_for(self.turn))
