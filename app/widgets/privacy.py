"""Leave no words on screen: used when locking, before the widgets are destroyed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

_CLEARABLE = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QLabel,
    QComboBox,
    QListWidget,
    QTreeWidget,
    QTableWidget,
)


def wipe_text(root: QWidget) -> None:
    """Empty every text-holding widget under `root` at once.

    Signals are blocked so no view mistakes the wipe for an edit and saves it.
    """
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, _CLEARABLE):
            blocked = widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(blocked)
        elif isinstance(widget, QAbstractItemView):
            widget.setModel(None)  # views over a model of the vault's rows
