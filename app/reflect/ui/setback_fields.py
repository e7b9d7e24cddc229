"""The setback fields of an entry, as one widget: what showed up in you, what happened,
what you learned and will try next, and later the day and the way you repaired it.

The editor loads a Setback into it, reads one back, and hears ``changed`` on any edit.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout

from app.clock import Clock
from app.reflect.model import PATTERN_HINTS, PATTERN_LABELS, Setback, SetbackPattern
from app.reflect.ui.form_parts import (
    date_picker,
    field_error,
    from_qdate,
    offer_storable_dates,
    text_box,
    to_qdate,
)
from app.widgets.forms import label


class SetbackFields(QFrame):
    changed = Signal()

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self._clock = clock
        self.setObjectName("setbackBox")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)
        layout.addWidget(label("Learning from a hard moment", "cardTitle"))

        row = QHBoxLayout()
        showed_up = QLabel("What showed up in me")
        row.addWidget(showed_up)
        self.pattern = QComboBox()
        showed_up.setBuddy(self.pattern)  # what a screen reader calls the box on Linux
        self.pattern.setAccessibleName("Pattern that showed up")
        self.pattern.addItem("Not named yet", None)
        for pattern, text in PATTERN_LABELS.items():
            self.pattern.addItem(text, pattern.value)
        row.addWidget(self.pattern)
        row.addStretch(1)
        layout.addLayout(row)
        self.pattern_hint = label("", "hint")
        self.pattern_hint.setAccessibleDescription("About this pattern")
        layout.addWidget(self.pattern_hint)

        self.happened = text_box("What happened", "What happened, in simple words?")
        self.learned = text_box(
            "What I learned about myself", "What did this teach you about yourself?"
        )
        self.next_time = text_box(
            "What I will try next time", "What would you like to try next time?"
        )
        for caption, widget in (
            ("What happened", self.happened),
            ("What I learned about myself", self.learned),
            ("What I will try next time", self.next_time),
        ):
            layout.addWidget(QLabel(caption))
            layout.addWidget(widget)

        repair = QHBoxLayout()
        self.repaired = QCheckBox("We repaired it on")
        self.repaired.setAccessibleName("We have repaired it")
        self.repaired_on = date_picker("Repair date", clock.today())
        self.repaired_on.setEnabled(False)
        repair.addWidget(self.repaired)
        repair.addWidget(self.repaired_on)
        repair.addStretch(1)
        layout.addLayout(repair)
        # Problems with these fields are said here, beside them; the editor shows them.
        self.errors = {"repaired_on": field_error(), "pattern": field_error()}
        layout.addWidget(self.errors["repaired_on"])
        self.how_repaired = text_box(
            "How we repaired it", "Later, when you have found your way back: what helped?"
        )
        layout.addWidget(self.how_repaired)
        layout.addWidget(self.errors["pattern"])

        for box in (self.happened, self.learned, self.next_time, self.how_repaired):
            box.textChanged.connect(self.changed)
        self.pattern.currentIndexChanged.connect(self.changed)
        self.pattern.currentIndexChanged.connect(self._show_hint)
        self.repaired_on.dateChanged.connect(self.changed)
        self.repaired.toggled.connect(self._repaired_toggled)

    def follow_entry_date(self, day: QDate) -> None:
        """A repair comes on or after the setback: the calendar offers only those days."""
        self.repaired_on.setMinimumDate(day)

    def load(self, setback: Setback | None) -> None:
        """Show a setback; None shows empty fields."""
        setback = setback or Setback()
        pattern = setback.pattern
        self.pattern.setCurrentIndex(self.pattern.findData(pattern.value) if pattern else 0)
        self.happened.setPlainText(setback.what_happened)
        self.learned.setPlainText(setback.what_i_learned)
        self.next_time.setPlainText(setback.what_next)
        offer_storable_dates(self.repaired_on, self._clock.today())
        self.repaired.setChecked(setback.repaired_on is not None)
        self.repaired_on.setDate(to_qdate(setback.repaired_on or self._clock.today()))
        self.repaired_on.setEnabled(setback.repaired_on is not None)
        self.how_repaired.setPlainText(setback.how_repaired)
        self._show_hint()

    def clear(self) -> None:
        self.load(None)

    def read(self) -> Setback:
        """The setback as the fields show it now (not yet validated)."""
        pattern = self.pattern.currentData()
        repaired_on: date | None = None
        if self.repaired.isChecked():
            repaired_on = from_qdate(self.repaired_on.date())
        return Setback(
            pattern=SetbackPattern(pattern) if pattern else None,
            what_happened=self.happened.toPlainText(),
            what_i_learned=self.learned.toPlainText(),
            what_next=self.next_time.toPlainText(),
            repaired_on=repaired_on,
            how_repaired=self.how_repaired.toPlainText(),
        )

    def _repaired_toggled(self, on: bool) -> None:
        self.repaired_on.setEnabled(on)
        self.changed.emit()

    def _show_hint(self) -> None:
        value = self.pattern.currentData()
        self.pattern_hint.setText(PATTERN_HINTS[SetbackPattern(value)] if value else "")
        self.pattern_hint.setVisible(bool(value))
