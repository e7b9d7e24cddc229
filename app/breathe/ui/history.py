"""The History tab: how much you have breathed, and your recent sessions."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.breathe import wording
from app.breathe.store import BreatheStore
from app.widgets.forms import label

HISTORY_LIMIT = 20
NO_HISTORY = "Your sessions will appear here. Even one minute counts, and stopping early is fine."


class HistoryPanel(QWidget):
    def __init__(self, store: BreatheStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        column = QVBoxLayout(self)
        column.setSpacing(8)
        self.totals = label("", "cardTitle")
        self.totals.setAccessibleDescription("Breathing so far")
        column.addWidget(self.totals)
        self.list = QListWidget()
        self.list.setAccessibleName("Recent sessions")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)  # a little air between sessions
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column.addWidget(self.list, 1)
        self.empty = label(NO_HISTORY, "hint")
        column.addWidget(self.empty)
        column.addStretch(0)

    def refresh(self, now: datetime) -> None:
        self.list.clear()
        for session in self.store.recent_sessions(limit=HISTORY_LIMIT):
            item = QListWidgetItem(wording.history_line(session, now))
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            self.list.addItem(item)
        empty = self.list.count() == 0
        self.list.setVisible(not empty)
        self.empty.setVisible(empty)
        totals = self.store.totals()
        if totals.sessions:
            sessions = f"{totals.sessions} session{'s' if totals.sessions != 1 else ''}"
            self.totals.setText(
                f"{sessions}, {wording.duration(totals.seconds)} of breathing in all"
            )
        else:
            self.totals.setText("No sessions yet")
