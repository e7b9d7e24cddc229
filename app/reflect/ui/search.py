"""Search results with the matching words highlighted, and the filter bar.

The store hands back plain-text spans; they are escaped here before any markup is
added, so nothing a person wrote is ever read as HTML.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.reflect.model import KINDS, EntryFilter, Kind
from app.reflect.query import SearchHit, Span
from app.reflect.ui.entry_list import ID_ROLE, kind_icon, meta_line
from app.widgets.calendar import themed_calendar

MATCH_STYLE = "background-color: rgba(214, 170, 60, 0.45); font-weight: 600;"


def spans_to_html(spans: Iterable[Span]) -> str:
    """Escaped text, with the matching words marked."""
    out = []
    for span in spans:
        text = html.escape(span.text, quote=True)
        out.append(f'<span style="{MATCH_STYLE}">{text}</span>' if span.is_match else text)
    return "".join(out)


def plain(spans: Iterable[Span]) -> str:
    return "".join(span.text for span in spans)


class HitWidget(QFrame):
    def __init__(self, hit: SearchHit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchHit")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(10)
        icon = QLabel()
        icon.setPixmap(kind_icon(hit.row.kind).pixmap(20, 20))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(icon)
        column = QVBoxLayout()
        column.setSpacing(2)
        self.title = QLabel(f"<b>{spans_to_html(hit.title)}</b>")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.snippet = QLabel(spans_to_html(hit.snippet))
        self.snippet.setTextFormat(Qt.TextFormat.RichText)
        self.snippet.setWordWrap(True)
        self.meta = QLabel(html.escape(meta_line(hit.row)))
        self.meta.setObjectName("hint")
        for widget in (self.title, self.snippet, self.meta):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            column.addWidget(widget)
        if not hit.snippet:
            self.snippet.hide()
        layout.addLayout(column, 1)


class SearchResults(QListWidget):
    """Up to 50 ranked hits; choosing one opens the entry."""

    entry_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Search results")
        self.setObjectName("entryList")
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.currentItemChanged.connect(self._current_changed)
        self.hits: list[SearchHit] = []

    def show_hits(self, hits: list[SearchHit]) -> None:
        self.hits = hits
        blocked = self.blockSignals(True)
        self.clear()
        for hit in hits:
            item = QListWidgetItem()
            item.setData(ID_ROLE, hit.row.id)
            summary = f"{plain(hit.title)}. {plain(hit.snippet)}"
            item.setData(Qt.ItemDataRole.AccessibleTextRole, summary)
            self.addItem(item)
            self.setItemWidget(item, HitWidget(hit))
        self.blockSignals(blocked)
        self._fit()

    def _fit(self) -> None:
        """Wrap each hit to the list's width and make its row as tall as it needs."""
        width = max(160, self.viewport().width() - 2)
        for row in range(self.count()):
            item = self.item(row)
            widget = self.itemWidget(item)
            if widget is None:
                continue
            widget.setFixedWidth(width)
            height = widget.layout().totalHeightForWidth(width)
            item.setSizeHint(QSize(width, max(height, widget.minimumSizeHint().height())))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None:
            self.entry_chosen.emit(current.data(ID_ROLE))

    def html_of(self, row: int) -> str:
        widget = self.itemWidget(self.item(row))
        return widget.title.text() + "\n" + widget.snippet.text()


def _any_date_box(name: str, today: Callable[[], date]) -> QDateEdit:
    box = QDateEdit()
    box.setAccessibleName(name)
    box.setDisplayFormat("d MMM yyyy")
    box.setMinimumDate(QDate(1899, 12, 31))
    box.setSpecialValueText("Any")  # shown while the date sits at the minimum

    def opens_on() -> QDate | None:
        # "Any" is stored as the minimum date: its calendar opens on this month instead.
        if box.date() != box.minimumDate():
            return None
        day = today()
        return QDate(day.year, day.month, day.day)

    themed_calendar(box, opens_on)
    box.setDate(box.minimumDate())
    return box


class FilterBar(QFrame):
    """Kind, tag, feeling, mood range, starred and dates; every change narrows at once."""

    changed = Signal()

    def __init__(
        self, today: Callable[[], date] = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        form = QFormLayout(self)
        form.setContentsMargins(10, 8, 10, 8)
        form.setVerticalSpacing(6)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Filter by kind")
        self.kind.addItem("Any kind", None)
        for kind, info in KINDS.items():
            self.kind.addItem(kind_icon(kind), info.label, kind.value)
        self.tag = QComboBox()
        self.tag.setAccessibleName("Filter by tag")
        self.feeling = QComboBox()
        self.feeling.setAccessibleName("Filter by feeling")
        self.mood_min = QComboBox()
        self.mood_min.setAccessibleName("Lowest mood")
        self.mood_max = QComboBox()
        self.mood_max.setAccessibleName("Highest mood")
        # On Linux a combo box is spoken by its item; these two share one row label.
        self.mood_min.setAccessibleDescription("Lowest mood")
        self.mood_max.setAccessibleDescription("Highest mood")
        for box in (self.mood_min, self.mood_max):
            box.addItem("any", None)
            for value in range(1, 6):
                box.addItem(str(value), value)
        mood_row = QHBoxLayout()
        mood_row.addWidget(self.mood_min)
        mood_row.addWidget(QLabel("to"))
        mood_row.addWidget(self.mood_max)
        mood_row.addStretch(1)
        self.date_from = _any_date_box("From date", today)
        self.date_to = _any_date_box("To date", today)
        self.starred = QCheckBox("Starred only")
        self.starred.setAccessibleName("Starred only")
        self.shareable = QCheckBox("Shareable only")
        self.shareable.setAccessibleName("Shareable only")
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.setAccessibleName("Clear filters")
        self.clear_button.clicked.connect(self.clear_filters)
        form.addRow("Kind", self.kind)
        form.addRow("Tag", self.tag)
        form.addRow("Feeling", self.feeling)
        form.addRow("Mood", mood_row)
        form.addRow("From", self.date_from)  # a row each: the list side stays narrow
        form.addRow("To", self.date_to)
        form.addRow(self.starred)
        form.addRow(self.shareable)
        form.addRow(self.clear_button)
        for box in (self.kind, self.tag, self.feeling, self.mood_min, self.mood_max):
            box.currentIndexChanged.connect(self.changed)
            # Long tags and kinds are cut short here rather than widening the list.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(2 if box in (self.mood_min, self.mood_max) else 8)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.changed)
        for check in (self.starred, self.shareable):
            check.toggled.connect(self.changed)

    def set_choices(self, tags: list[tuple[str, int]], feelings: list[tuple[str, int]]) -> None:
        """Offer the tags and feelings in use, keeping what is chosen."""
        for box, items, any_text in (
            (self.tag, tags, "Any tag"),
            (self.feeling, feelings, "Any feeling"),
        ):
            chosen = box.currentData()
            blocked = box.blockSignals(True)
            box.clear()
            box.addItem(any_text, None)
            for name, count in items:
                box.addItem(f"{name} ({count})", name)
            index = box.findData(chosen) if chosen else 0
            box.setCurrentIndex(max(0, index))
            box.blockSignals(blocked)

    @staticmethod
    def _date(box: QDateEdit) -> date | None:
        if box.date() == box.minimumDate():
            return None
        day = box.date()
        return date(day.year(), day.month(), day.day())

    def value(self) -> EntryFilter:
        kind = self.kind.currentData()
        tag = self.tag.currentData()
        feeling = self.feeling.currentData()
        return EntryFilter(
            kinds=frozenset({Kind(kind)}) if kind else frozenset(),
            tags=(tag,) if tag else (),
            feelings=(feeling,) if feeling else (),
            mood_min=self.mood_min.currentData(),
            mood_max=self.mood_max.currentData(),
            starred_only=self.starred.isChecked(),
            shareable_only=self.shareable.isChecked(),
            date_from=self._date(self.date_from),
            date_to=self._date(self.date_to),
        )

    def active_count(self) -> int:
        flt = self.value()
        return sum(
            (
                bool(flt.kinds),
                bool(flt.tags),
                bool(flt.feelings),
                flt.mood_min is not None or flt.mood_max is not None,
                flt.starred_only,
                flt.shareable_only,
                flt.date_from is not None or flt.date_to is not None,
            )
        )

    def clear_filters(self) -> None:
        widgets = (self.kind, self.tag, self.feeling, self.mood_min, self.mood_max)
        for widget in (*widgets, self.date_from, self.date_to, self.starred, self.shareable):
            widget.blockSignals(True)
        for box in widgets:
            box.setCurrentIndex(0)
        for edit in (self.date_from, self.date_to):
            edit.setDate(edit.minimumDate())
        self.starred.setChecked(False)
        self.shareable.setChecked(False)
        for widget in (*widgets, self.date_from, self.date_to, self.starred, self.shareable):
            widget.blockSignals(False)
        self.changed.emit()
