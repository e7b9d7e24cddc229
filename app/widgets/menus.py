"""A menu whose checkable items can be ticked several at a time without it closing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QMenu


class StayOpenMenu(QMenu):
    """Ticking a checkable item leaves the menu open, so three feelings take one trip.
    Other items (and Esc, or a click outside) close it as usual."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.actionAt(event.position().toPoint())
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.activeAction()
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if event.key() in keys and action is not None and action.isCheckable():
            action.trigger()
            return
        super().keyPressEvent(event)

    def addMenu(self, title: str) -> StayOpenMenu:  # type: ignore[override]
        sub = StayOpenMenu(title, self)
        super().addMenu(sub)
        return sub
