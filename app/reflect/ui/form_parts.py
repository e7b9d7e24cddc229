"""Small pieces the entry editor and its setback fields both build from."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QPlainTextEdit

from app.reflect.model import EARLIEST_DATE, FUTURE_DAYS_ALLOWED
from app.widgets.calendar import themed_calendar
from app.widgets.forms import label


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def date_picker(name: str, today: date) -> QDateEdit:
    """A date field that offers only the dates an entry may carry, so none blocks a save."""
    picker = QDateEdit()
    picker.setAccessibleName(name)
    picker.setDisplayFormat("d MMM yyyy")
    themed_calendar(picker)
    offer_storable_dates(picker, today)
    return picker


def offer_storable_dates(picker: QDateEdit, today: date, earliest: date = EARLIEST_DATE) -> None:
    """The range the store accepts (see model.check_date), measured from today: called
    again on each load, so a window left open for days still offers the right ones."""
    latest = today + timedelta(days=FUTURE_DAYS_ALLOWED)
    blocked = picker.blockSignals(True)  # a range is not an edit to save
    picker.setDateRange(to_qdate(max(earliest, EARLIEST_DATE)), to_qdate(latest))
    picker.blockSignals(blocked)


def scale_box(name: str, words: dict[int, str]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    box.addItem("Not set", None)
    for value, word in words.items():
        box.addItem(f"{value} · {word}", value)
    return box


def text_box(name: str, placeholder: str, height: int = 60) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    box.setMaximumHeight(height + 16)
    return box


def field_error() -> QLabel:
    """Where a field's problem is said, hidden until there is one."""
    widget = label("", "errorLabel")
    widget.setAccessibleDescription("Problem with this field")
    widget.hide()
    return widget
