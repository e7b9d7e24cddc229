"""The overview page: your run of days, the last twelve months, and milestones reached."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.progress.days import plural, short_day
from app.progress.model import ActivityCalendar, Milestone, Streaks
from app.progress.ui import colours
from app.progress.ui.calendar import HOW_TO, LEVELS, ActivityGrid, GridDay
from app.widgets.forms import label

STREAKS_HIDDEN = "Streaks are hidden. Your days still show in the calendar below, without a count."
NO_MILESTONES = (
    "Milestones appear here as you reach them: a first entry, a week of four reflections, "
    "an hour of breathing, a first repair, and more. Each is celebrated once, on Today."
)


def _figure(caption: str, row: QHBoxLayout) -> QLabel:
    """A big number over its caption; returns the number's label."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 24, 0)
    layout.setSpacing(0)
    value = label("", "bigFigure")
    value.setTextFormat(Qt.TextFormat.RichText)
    value.setWordWrap(False)
    layout.addWidget(value)
    layout.addWidget(label(caption, "hint"))
    row.addWidget(box)
    return value


def _set_figure(value: QLabel, number: str, caption: str) -> None:
    # Rich text sets the size: the shared style sheet fixes every widget's font size.
    value.setText(f'<span style="font-size: 17pt; font-weight: 300;">{number}</span>')
    value.setAccessibleName(f"{number}, {caption}")


class StreakCard(QFrame):
    """Current and longest runs of days, unless the person chose to hide streaks."""

    hide_toggled = Signal(bool)
    grace_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName("Your run of days")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(label("Your run of days", "cardTitle"))
        self.figures = QWidget()
        self.figures_row = QHBoxLayout(self.figures)
        self.figures_row.setContentsMargins(0, 4, 0, 4)
        self.current_figure = _figure("your current run", self.figures_row)
        self.longest_figure = _figure("your longest run", self.figures_row)
        self.figures_row.addStretch(1)
        layout.addWidget(self.figures)
        self.sentence = label("")
        layout.addWidget(self.sentence)
        options = QHBoxLayout()
        self.hide_box = QCheckBox("Hide streaks")
        self.hide_box.setAccessibleName("Hide streaks")
        self.hide_box.setToolTip("Some people find a count of days a pressure. Hide it here.")
        self.hide_box.toggled.connect(self.hide_toggled)
        self.grace_box = QCheckBox("Allow a grace day")
        self.grace_box.setAccessibleName("Allow a grace day in streaks")
        self.grace_box.setToolTip(
            "One missed day between two days you showed up keeps a run going."
        )
        self.grace_box.toggled.connect(self.grace_toggled)
        options.addWidget(self.hide_box)
        options.addWidget(self.grace_box)
        options.addStretch(1)
        layout.addLayout(options)

    def show_streaks(self, streaks: Streaks, hidden: bool, grace: bool) -> None:
        for box, value in ((self.hide_box, hidden), (self.grace_box, grace)):
            blocked = box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(blocked)
        self.grace_box.setVisible(not hidden)
        # Before a first day there is no run to count, only the sentence inviting one.
        self.figures.setVisible(not hidden and streaks.longest > 0)
        if hidden:
            self.sentence.setText(STREAKS_HIDDEN)
            self.setAccessibleDescription(STREAKS_HIDDEN)
            return
        _set_figure(self.current_figure, plural(streaks.current, "day"), "your current run")
        _set_figure(self.longest_figure, plural(streaks.longest, "day"), "your longest run")
        self.sentence.setText(streaks.sentence)
        self.setAccessibleDescription(streaks.sentence)


class Legend(QWidget):
    """ "Quieter days … fuller days" with the five shades between."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        row.addStretch(1)
        row.addWidget(label("Quieter", "hint"))
        self.swatches = []
        for _ in range(LEVELS):
            swatch = QFrame()
            swatch.setFixedSize(11, 11)
            self.swatches.append(swatch)
            row.addWidget(swatch)
        row.addWidget(label("Fuller days", "hint"))
        self.setAccessibleName("Shades from quieter to fuller days")
        self._paint()

    def _paint(self) -> None:
        for level, swatch in enumerate(self.swatches):
            colour = colours.activity_shades(self.palette(), LEVELS)[level].name()
            swatch.setStyleSheet(f"background: {colour}; border-radius: 2px;")

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._paint()


class CalendarCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(label("The last 12 months", "cardTitle"))
        self.sentence = label("")
        layout.addWidget(self.sentence)
        self.grid = ActivityGrid()
        layout.addWidget(self.grid)
        self.day_line = label("", "hint")
        self.day_line.setAccessibleDescription("The chosen day")
        layout.addWidget(self.day_line)
        layout.addWidget(Legend())
        self.grid.focused_day_changed.connect(
            lambda day: self.day_line.setText(self.grid.describe(day))
        )

    def show_calendar(self, calendar: ActivityCalendar) -> None:
        self.sentence.setText(calendar.sentence)
        self.grid.setAccessibleDescription(f"{calendar.sentence} {HOW_TO}")
        days = {cell.day: GridDay(cell.level, cell.sentence) for cell in calendar.days}
        self.grid.set_days(calendar.first, calendar.last, days)
        self.day_line.setText(self.grid.describe(self.grid.focused))


class MilestoneList(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName("Milestones")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 12)
        self.body.setSpacing(8)
        self.body.addWidget(label("Milestones", "cardTitle"))
        self.rows: list[QWidget] = []
        self.shown: tuple[Milestone, ...] | None = None

    def show_milestones(self, milestones: tuple[Milestone, ...]) -> None:
        if milestones == self.shown:
            return  # they do not depend on the period: nothing to lay out again
        self.shown = milestones
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        if not milestones:
            self._add(label(NO_MILESTONES, "hint"))
            return
        for milestone in reversed(milestones):  # newest first
            row = QWidget(self)  # made in place: moving a finished row costs a restyle
            line = QVBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(0)
            title = label(f"{milestone.title}  ·  {short_day(milestone.reached_on)}", "cardTitle")
            line.addWidget(title)
            line.addWidget(label(milestone.text, "hint"))
            row.setAccessibleName(f"{milestone.title}, reached {short_day(milestone.reached_on)}")
            row.setAccessibleDescription(milestone.text)
            row.setProperty("milestone", milestone.id)
            self._add(row)

    def _add(self, widget: QWidget) -> None:
        self.rows.append(widget)
        self.body.addWidget(widget)
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
