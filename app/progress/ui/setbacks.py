"""Setbacks as learning: how long repair took, and each setback with what you learned.

A setback not yet repaired is shown as still open, with room for it, never as a failure.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.progress.days import plural, short_day
from app.progress.model import SetbackItem, SetbacksSummary
from app.progress.ui import specs
from app.progress.ui.charts import ChartPanel
from app.widgets.forms import label

COLUMNS = ("Day", "Pattern", "What you learned", "Repair")
NOT_WRITTEN = "Not written yet"
STILL_OPEN = "Still open; there is time"
NO_SETBACKS = (
    "No setbacks in this period. When a hard moment comes, writing it in Reflect as a "
    "setback (what happened, what you learned, what you will try next) brings it here, "
    "as something to learn from."
)
ROW_LIMIT = 500  # the newest; the table stays quick on years of entries


def repair_words(item: SetbackItem) -> str:
    if item.days_to_repair is None:
        return STILL_OPEN
    if item.days_to_repair == 0:
        return "Repaired the same day"
    return f"Repaired after {plural(item.days_to_repair, 'day')}"


def pattern_words(item: SetbackItem) -> str:
    return item.pattern.capitalize() if item.pattern else "Not named"


class SetbacksPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.chart = ChartPanel("Days from rupture to repair")
        layout.addWidget(self.chart)

        self.card = QFrame()
        self.card.setObjectName("card")
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(16, 12, 16, 12)
        inner.addWidget(label("Each setback, newest first", "cardTitle"))
        self.empty = label(NO_SETBACKS, "hint")
        inner.addWidget(self.empty)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Setbacks, newest first")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)  # long lessons are elided; the tooltip has them whole
        self.table.setMinimumHeight(220)
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        inner.addWidget(self.table)
        layout.addWidget(self.card)
        layout.addStretch(1)

    def show_setbacks(self, summary: SetbacksSummary) -> None:
        self.chart.show_spec(specs.repair_time(summary))
        items = list(reversed(summary.items))[:ROW_LIMIT]
        self.empty.setVisible(not items)
        self.table.setVisible(bool(items))
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            cells = (
                short_day(item.day),
                pattern_words(item),
                item.lesson.strip() or NOT_WRITTEN,
                repair_words(item),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(item.sentence if column != 2 else text)
                if column == 2 and not item.learned:
                    cell.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, cell)
