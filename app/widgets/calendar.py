"""Tend's calendar: the theme's colours instead of Qt's red weekends and bright header,
and a popup that opens somewhere useful.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QPalette, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QWidget

WEEKEND = (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday)


class TendCalendar(QCalendarWidget):
    """Weekends in the ordinary text colour (a rest day is not an alarm), the header
    row in the page's own colours, and both redrawn when light turns to dark."""

    def __init__(
        self, opens_on: Callable[[], QDate | None] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._opens_on = opens_on
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self._recolour()

    def _recolour(self) -> None:
        palette = self.palette()
        for day in WEEKEND:  # an empty format: the day looks like any other, header too
            self.setWeekdayTextFormat(day, QTextCharFormat())
        header = QTextCharFormat()
        header.setForeground(palette.color(QPalette.ColorRole.PlaceholderText))
        header.setBackground(palette.color(QPalette.ColorRole.Base))
        self.setHeaderTextFormat(header)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._recolour()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._recolour()
        page = self._opens_on() if self._opens_on else None
        if page is not None:
            self.setCurrentPage(page.year(), page.month())


def themed_calendar(edit: QDateEdit, opens_on: Callable[[], QDate | None] | None = None) -> None:
    """Give a date field Tend's calendar popup. ``opens_on`` may name the month to show
    when the popup opens (None: the field's own date)."""
    edit.setCalendarPopup(True)
    edit.setCalendarWidget(TendCalendar(opens_on))
