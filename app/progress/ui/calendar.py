"""The activity calendar: one cell a day for the last twelve months, shaded by activity.

Columns are weeks (Monday at the top), so the arrow keys move as the eye does: Up and
Down a day, Left and Right a week; Home and End jump to the first and last day, Page Up
and Page Down a month. The focused day is outlined, and its tooltip and the widget's
accessible name say what happened that day.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.progress.ui import colours

LEVELS = 5  # 0 = nothing that day, 4 = the fullest days
LEFT_MARGIN = 36  # room for the weekday names
TOP_MARGIN = 18  # room for the month names
MIN_CELL, MAX_CELL, GAP = 7, 13, 2
NOTHING = "a quiet day."
HOW_TO = (
    "Use the arrow keys to move between days: up and down a day, left and right a week. "
    "Home and End go to the first and last day."
)


@dataclass(frozen=True)
class GridDay:
    level: int  # 0..LEVELS-1
    words: str  # the whole day in words: "Tuesday 3 March 2026: 2 journal entries."


def day_words(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


class ActivityGrid(QWidget):
    focused_day_changed = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleDescription(HOW_TO)
        self.setMouseTracking(False)
        self.first = self.last = date(2000, 1, 3)
        self.days: Mapping[date, GridDay] = {}
        self.focused = self.last
        self._update_name()

    # -- data ----------------------------------------------------------------------

    def set_days(self, first: date, last: date, days: Mapping[date, GridDay]) -> None:
        """Show `first`..`last` (both included); days missing from `days` had nothing."""
        self.first, self.last, self.days = first, last, dict(days)
        if not first <= self.focused <= last:
            self.focused = last
        self.updateGeometry()
        self.update()
        self._update_name()

    def level(self, when: date) -> int:
        found = self.days.get(when)
        return 0 if found is None else min(LEVELS - 1, max(0, found.level))

    def describe(self, when: date) -> str:
        found = self.days.get(when)
        return found.words if found is not None else f"{day_words(when)}: {NOTHING}"

    # -- geometry ------------------------------------------------------------------

    @property
    def _start(self) -> date:
        """The Monday of the first column."""
        return self.first - timedelta(days=self.first.weekday())

    @property
    def weeks(self) -> int:
        return (self.last - self._start).days // 7 + 1

    def _cell(self) -> int:
        """As large as the width allows, up to MAX_CELL: the height is fixed for that."""
        fits = (self.width() - LEFT_MARGIN) // max(1, self.weeks) - GAP
        return max(MIN_CELL, min(MAX_CELL, fits))

    @staticmethod
    def _height() -> int:
        return TOP_MARGIN + 7 * (MAX_CELL + GAP) + 2

    def sizeHint(self) -> QSize:
        return QSize(LEFT_MARGIN + self.weeks * (MAX_CELL + GAP), self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(LEFT_MARGIN + self.weeks * (MIN_CELL + GAP), self._height())

    def cell_rect(self, when: date) -> QRect:
        offset = (when - self._start).days
        step = self._cell() + GAP
        return QRect(
            LEFT_MARGIN + (offset // 7) * step,
            TOP_MARGIN + (offset % 7) * step,
            *[self._cell()] * 2,
        )

    def day_at(self, point: QPoint) -> date | None:
        step = self._cell() + GAP
        column, row = (point.x() - LEFT_MARGIN) // step, (point.y() - TOP_MARGIN) // step
        if point.x() < LEFT_MARGIN or point.y() < TOP_MARGIN or not 0 <= row < 7:
            return None
        when = self._start + timedelta(days=column * 7 + row)
        return when if self.first <= when <= self.last else None

    # -- painting ------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        shades = colours.activity_shades(palette, LEVELS)
        painter.setPen(colours.muted_colour(palette))
        step = self._cell() + GAP
        for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")):
            painter.drawText(
                QRect(0, TOP_MARGIN + row * step - 3, LEFT_MARGIN - 4, step + 6),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
        painter.setPen(colours.muted_colour(palette))
        # Each month's name over its first week; the first column's month only when
        # the next one is not about to start, so two names never crowd each other.
        starts = _month_starts(self.first, self.last)
        if not starts or (starts[0] - self.first).days >= 21:
            starts.insert(0, self.first)
        metrics = painter.fontMetrics()
        for when in starts:
            x, name = self.cell_rect(when).x(), f"{when:%b}"
            # A month begun in the last column or so has no room for its name: cut in
            # half, it reads as a smudge (seen at 125% and 200%).
            if x + metrics.horizontalAdvance(name) <= self.width():
                painter.drawText(QPoint(x, TOP_MARGIN - 5), name)
        painter.setPen(Qt.PenStyle.NoPen)
        cell = self._cell()
        radius = max(1.5, cell / 5)
        offset = (self.first - self._start).days
        for index in range((self.last - self.first).days + 1):
            when = self.first + timedelta(days=index)
            found = self.days.get(when)
            level = 0 if found is None else min(LEVELS - 1, max(0, found.level))
            column, row = divmod(offset + index, 7)
            painter.setBrush(shades[level])
            painter.drawRoundedRect(
                LEFT_MARGIN + column * step, TOP_MARGIN + row * step, cell, cell, radius, radius
            )
        if self.hasFocus():
            # The focused day: a ring in the text colour, clear in both schemes.
            pen = QPen(palette.color(QPalette.ColorRole.WindowText), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self.cell_rect(self.focused).adjusted(-2, -2, 2, 2), 3, 3)
        painter.end()

    # -- keyboard, mouse and tooltips ----------------------------------------------

    def focus_day(self, when: date) -> None:
        when = min(self.last, max(self.first, when))
        if when == self.focused:
            return
        old = self.cell_rect(self.focused).adjusted(-4, -4, 4, 4)
        self.focused = when
        self.update(old)
        self.update(self.cell_rect(when).adjusted(-4, -4, 4, 4))
        self._update_name()
        self.focused_day_changed.emit(when)

    def _update_name(self) -> None:
        text = self.describe(self.focused)
        self.setAccessibleName(f"Activity calendar. {text}")
        self.setToolTip(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Left: -7,
            Qt.Key.Key_Right: 7,
            Qt.Key.Key_PageUp: -28,
            Qt.Key.Key_PageDown: 28,
        }
        key = event.key()
        if key in moves:
            self.focus_day(self.focused + timedelta(days=moves[key]))
        elif key == Qt.Key.Key_Home:
            self.focus_day(self.first)
        elif key == Qt.Key.Key_End:
            self.focus_day(self.last)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        when = self.day_at(event.position().toPoint())
        if when is not None:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.focus_day(when)
        super().mousePressEvent(event)

    def event(self, event) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QHelpEvent.Type.ToolTip:
            when = self.day_at(event.pos())
            if when is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe(when), self)
            return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)


def _month_starts(first: date, last: date) -> list[date]:
    month = date(first.year, first.month, 1)
    found = []
    while month <= last:
        if month >= first:
            found.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return found


def legend_colour(palette: QPalette, level: int) -> QColor:
    return colours.activity_shades(palette, LEVELS)[level]
