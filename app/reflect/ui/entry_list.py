"""The newest-first list of entries, grouped by month, that never loads them all.

The model knows how many entries match and where each month begins (two small
queries); rows themselves are read a page at a time, when the view asks for them,
and only a few pages are kept. 100,000 entries cost a few pages of memory.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from functools import cache

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.reflect.model import KINDS, EntryFilter, EntryRow, Kind, MonthGroup
from app.reflect.store import ReflectStore
from app.vault import VaultError
from app.widgets.icons import icon

PAGE_SIZE = 100
MAX_PAGES = 12  # pages kept in memory; older ones are dropped first

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the EntryRow, or None for a month header
HEADER_ROLE = Qt.ItemDataRole.UserRole + 2  # the MonthGroup of a header row
ID_ROLE = Qt.ItemDataRole.UserRole + 3

MOOD_WORDS = {1: "very low", 2: "low", 3: "okay", 4: "good", 5: "very good"}
ROW_HEIGHT = 54
LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

_Index = QModelIndex | QPersistentModelIndex


@cache
def kind_icon(kind: Kind) -> QIcon:
    return icon(f"kinds/{KINDS[kind].icon}.svg")


def mood_text(mood: int | None) -> str:
    return f"mood {mood}/5" if mood else ""


class EntryListModel(QAbstractListModel):
    """Month headers and entry rows; entry rows are fetched in pages of PAGE_SIZE."""

    def __init__(self, store: ReflectStore, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self._filter = EntryFilter()
        self._groups: list[MonthGroup] = []
        self._header_rows: list[int] = []  # list row of each month's header
        self._total = 0
        self._pages: OrderedDict[int, list[EntryRow]] = OrderedDict()
        self.pages_fetched = 0  # how many windows were read from the store (tests check it)
        self.reload()

    # -- what is listed ------------------------------------------------------------

    @property
    def entry_count(self) -> int:
        return self._total

    @property
    def filter(self) -> EntryFilter:
        return self._filter

    def set_filter(self, flt: EntryFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        """Count again and forget every page: after a create, a delete or a new filter."""
        self.beginResetModel()
        try:
            self._groups = self._store.months(self._filter)
        except VaultError:  # the vault told the shell, which says so once
            self._groups = []
        self._total = sum(g.count for g in self._groups)
        self._header_rows = [g.offset + i for i, g in enumerate(self._groups)]
        self._pages.clear()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Read the rows again (an entry's title or mood changed), keeping the layout."""
        self._pages.clear()
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    # -- rows and entries ----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total + len(self._groups)

    def _locate(self, row: int) -> tuple[int, int | None]:
        """(month group, entry offset) for a list row; entry offset None for a header."""
        group = bisect.bisect_right(self._header_rows, row) - 1
        if row == self._header_rows[group]:
            return group, None
        return group, row - group - 1

    def row_of_offset(self, offset: int) -> int:
        """The list row of the entry at ``offset`` in the newest-first order."""
        starts = [g.offset for g in self._groups]
        group = bisect.bisect_right(starts, offset) - 1
        return offset + group + 1

    def row_of_id(self, entry_id: int) -> int | None:
        offset = self._store.position(entry_id, self._filter)
        return None if offset is None else self.row_of_offset(offset)

    def entry_row(self, row: int) -> EntryRow | None:
        if not 0 <= row < self.rowCount():
            return None
        _group, offset = self._locate(row)
        if offset is None:
            return None
        page_no, within = divmod(offset, PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            try:
                page = self._store.window(page_no * PAGE_SIZE, PAGE_SIZE, self._filter)
            except VaultError:
                # Asked on every paint: an unreadable page shows as blank rows, and the
                # vault has told the shell, which says so once.
                return None
            self.pages_fetched += 1
            self._pages[page_no] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[within] if within < len(page) else None

    @property
    def pages_held(self) -> int:
        return len(self._pages)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._locate(index.row())[1] is None:
            return Qt.ItemFlag.NoItemFlags  # a month header: shown, never selected
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        group, offset = self._locate(index.row())
        if offset is None:
            month = self._groups[group]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return month.label
            if role == HEADER_ROLE:
                return month
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
            ROW_ROLE,
            ID_ROLE,
        ):
            return None
        entry = self.entry_row(index.row())
        if entry is None:
            return None
        if role == ROW_ROLE:
            return entry
        if role == ID_ROLE:
            return entry.id
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title
        return describe(entry)


def describe(entry: EntryRow) -> str:
    """One line a screen reader can say for a row (never logged anywhere)."""
    parts = [entry.entry_date.strftime("%d %B %Y").lstrip("0"), KINDS[entry.kind].label]
    parts.append(entry.title)
    if entry.mood:
        parts.append(f"mood {entry.mood} of 5, {MOOD_WORDS[entry.mood]}")
    if entry.tags:
        parts.append("tags " + ", ".join(entry.tags))
    if entry.starred:
        parts.append("starred")
    return ". ".join(parts)


def meta_line(entry: EntryRow) -> str:
    parts = [entry.entry_date.strftime("%a %d").replace(" 0", " ")]
    if entry.mood:
        parts.append(f"{'●' * entry.mood}{'○' * (5 - entry.mood)}")
    if entry.tags:
        parts.append("  ".join(f"#{t}" for t in entry.tags[:4]))
    return "   ·   ".join(parts)


class EntryDelegate(QStyledItemDelegate):
    """Draws a month header, or an entry: kind icon, title, date, mood dots and tags."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(200, ROW_HEIGHT)  # uniform: the view never measures every row

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        painter.save()
        try:
            month = index.data(HEADER_ROLE)
            if month is not None:
                self._paint_header(painter, option, month)
            else:
                self._paint_entry(painter, option, index.data(ROW_ROLE))
        finally:
            painter.restore()

    @staticmethod
    def _paint_header(painter: QPainter, option: QStyleOptionViewItem, month: MonthGroup) -> None:
        rect = option.rect.adjusted(14, 0, -12, -8)
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.9)
        painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        text = f"{month.label}    {month.count} {'entry' if month.count == 1 else 'entries'}"
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, text)
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        y = option.rect.bottom() - 2
        painter.drawLine(option.rect.left() + 14, y, option.rect.right() - 12, y)

    @staticmethod
    def _paint_entry(painter: QPainter, option: QStyleOptionViewItem, entry: EntryRow) -> None:
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect.adjusted(6, 2, -6, -2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The accent from Link: the stylesheet makes this view's Highlight transparent (so
        # Qt's own full-strength selection stays away), and a tint of transparent is black.
        if selected:
            colour = palette.color(QPalette.ColorRole.Link)
            colour.setAlphaF(0.22)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 8, 8)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            colour = palette.color(QPalette.ColorRole.Link)
            colour.setAlphaF(0.08)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 8, 8)
        if entry is None:
            return
        icon_rect = QRect(rect.left() + 8, rect.top() + (rect.height() - 20) // 2, 20, 20)
        kind_icon(entry.kind).paint(painter, icon_rect)
        text_left = icon_rect.right() + 12
        right = rect.right() - 10
        title_rect = QRect(text_left, rect.top() + 5, right - text_left, rect.height() // 2 - 3)
        width = right - text_left
        meta_rect = QRect(text_left, rect.center().y() + 2, width, rect.height() // 2 - 6)
        text_colour = palette.color(QPalette.ColorRole.Text)
        font = QFont(option.font)
        if entry.starred:
            star = "★"
            painter.setPen(palette.color(QPalette.ColorRole.Link))
            painter.setFont(font)
            width = painter.fontMetrics().horizontalAdvance(star + " ")
            painter.drawText(
                QRect(right - width + 4, title_rect.top(), width, title_rect.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                star,
            )
            title_rect.setRight(right - width)
        title_font = QFont(font)
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        title = painter.fontMetrics().elidedText(
            entry.title, Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(title_rect, LEFT_MIDDLE, title)
        meta_font = QFont(font)
        meta_font.setPointSizeF(font.pointSizeF() * 0.88)
        painter.setFont(meta_font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        meta = painter.fontMetrics().elidedText(
            meta_line(entry), Qt.TextElideMode.ElideRight, meta_rect.width()
        )
        painter.drawText(meta_rect, LEFT_MIDDLE, meta)
