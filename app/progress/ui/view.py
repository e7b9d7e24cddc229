"""Progress: see the way you have come. Figures are worked out afresh each time the view
is shown, for the period chosen at the top; nothing on these pages is a grade.

Four tabs, each scrolling on its own so the window never has to grow: an overview (your
run of days, the last twelve months, milestones), trends (five charts, each with its
sentence and a table), setbacks as learning, and shared goals.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AreaContext
from app.progress.days import short_day
from app.progress.model import ProgressData, ProgressReport
from app.progress.store import GoalStore
from app.progress.ui import source, specs
from app.progress.ui.charts import ChartPanel
from app.progress.ui.goals import GoalsPage
from app.progress.ui.overview import CalendarCard, MilestoneList, StreakCard
from app.progress.ui.period import PeriodChooser
from app.progress.ui.setbacks import SetbacksPage
from app.vault import VaultError
from app.widgets.forms import error_label, label, scroll_area, show_error

SUBTITLE = "See the way you have come. These figures are for you, never a grade."
WELCOME_TITLE = "Your progress will gather here"
START_BUTTONS = (
    ("Write an entry", "reflect", {"new": True}),
    ("Practise", "practice", {}),
    ("Breathe for a minute", "breathe", {"pattern": "box", "minutes": 1}),
)
TABS = ("Overview", "Trends", "Setbacks", "Goals")


class GoalNotSaved(VaultError):
    message = "A goal could not be saved yet."


def _add_page(tabs: QTabWidget, title: str) -> QVBoxLayout:
    """A tab that scrolls on its own; returns the column its cards go into.

    Built from the top down (the tab before its cards) so each card is placed once:
    moving a finished subtree under a new parent makes Qt style all of it again.
    """
    scroll = scroll_area(name=f"{title} page", sideways=False)
    tabs.addTab(scroll, title)
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 8, 12, 12)
    column.setSpacing(12)
    scroll.setWidget(page)
    return column


class ProgressView(QWidget):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progress")
        self.setAccessibleName("Progress")
        self.context = context
        self.goal_store = GoalStore(context.vault, context.clock)
        self.report: ProgressReport | None = None
        self._asked = 0  # each refresh's number: an older answer never replaces a newer one
        # The two streak choices, held here too so they hold even if the vault cannot save.
        self.hidden = bool(context.settings.read(source.HIDE_STREAKS))
        self.grace = bool(context.settings.read(source.GRACE_DAY))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 20, 12)
        layout.setSpacing(6)
        layout.addWidget(label("Progress", "pageTitle"))
        layout.addWidget(label(SUBTITLE, "pageSubtitle"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 6, 0, 0)
        self.span_line = label("", "hint")
        self.span_line.setAccessibleDescription("The days these figures cover")
        self.period = PeriodChooser(context.settings.read(source.PERIOD))
        self.period.changed.connect(self._period_changed)
        row.addWidget(self.period)
        row.addSpacing(12)
        row.addWidget(self.span_line, 1)
        layout.addLayout(row)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(self._build_welcome())

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Progress pages")
        layout.addWidget(self.tabs, 1)
        overview, trends, setbacks, goals = (_add_page(self.tabs, title) for title in TABS)

        self.streaks = StreakCard()
        self.streaks.hide_toggled.connect(self._hide_streaks)
        self.streaks.grace_toggled.connect(self._grace_day)
        self.activity_line = label("")
        self.calendar = CalendarCard()
        self.milestones = MilestoneList()
        for widget in (self.streaks, self.activity_line, self.calendar, self.milestones):
            overview.addWidget(widget)
        self.charts: dict[str, ChartPanel] = {}
        for key, title in (
            ("mood", "Mood and closeness"),
            ("breathing", "Breathing"),
            ("practice", "Practice"),
            ("patterns", "The four patterns"),
            ("appreciation", "Appreciation and setbacks"),
        ):
            self.charts[key] = ChartPanel(title)
            trends.addWidget(self.charts[key])
        self.setbacks = SetbacksPage()
        setbacks.addWidget(self.setbacks)
        self.goals = GoalsPage(self.goal_store, context.clock)
        self.goals.changed.connect(self.refresh)
        goals.addWidget(self.goals)
        for column in (overview, trends, setbacks, goals):
            column.addStretch(1)
        self._filled: set[int] = set()  # the tabs filled from the current report
        self.tabs.currentChanged.connect(self._fill_tab)

        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.goals.undo_delete)

    def _build_welcome(self) -> QFrame:
        self.welcome = QFrame()
        self.welcome.setObjectName("card")
        self.welcome.setAccessibleName(WELCOME_TITLE)
        inner = QVBoxLayout(self.welcome)
        inner.setContentsMargins(16, 12, 16, 12)
        self.welcome_title = label(WELCOME_TITLE, "cardTitle")
        self.welcome_text = label("")
        inner.addWidget(self.welcome_title)
        inner.addWidget(self.welcome_text)
        row = QHBoxLayout()
        self.start_buttons: list[QPushButton] = []
        for text, key, request in START_BUTTONS:
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.clicked.connect(lambda _=False, k=key, r=request: self.context.open_area(k, **r))
            self.start_buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        inner.addLayout(row)
        self.welcome.hide()
        return self.welcome

    # -- the contract with the shell -------------------------------------------------

    def flush(self) -> None:
        """A goal being written is saved rather than lost; raises when it cannot be."""
        form = self.goals.form
        pending = form.title.text().strip() or form.why.toPlainText().strip()
        if not form.isHidden() and pending and not form.save():
            raise GoalNotSaved(f"A goal could not be saved yet. {form.error.text()}")

    def handle_request(self, **request: Any) -> None:
        """period="4w"|"3m"|"12m"|"all"; tab="overview"|"trends"|"setbacks"|"goals";
        new_goal=True opens the form for a new goal."""
        if request.get("period"):
            self.period.set_value(str(request["period"]))
        tab = str(request.get("tab", "")).capitalize()
        if tab in TABS:
            self.tabs.setCurrentIndex(TABS.index(tab))
        if request.get("new_goal"):
            self.tabs.setCurrentIndex(TABS.index("Goals"))
            self.goals.edit(None)

    # -- working out the figures -----------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()  # never stale: whatever happened elsewhere since, counts

    def refresh(self) -> None:
        """Read the records here (the vault belongs to this thread), then work out the
        report through the task runner."""
        self._asked += 1
        asked = self._asked
        grace = self.grace
        try:
            data: ProgressData = source.read_data(self.context.vault)
        except VaultError as problem:
            show_error(self.error, str(problem))
            return
        period, today = self.period.value(), self.context.clock.today()
        self.context.tasks.run(
            lambda: source.report_for(data, period, today, grace),
            lambda report: self._show(asked, report),
            lambda problem: self._failed(asked, problem),
        )

    def _failed(self, asked: int, problem: Exception) -> None:
        if asked == self._asked:
            # A bug, not a vault condition: say so plainly, with nothing the person wrote.
            name = type(problem).__name__
            show_error(self.error, f"Tend could not work out these figures ({name}).")

    def _show(self, asked: int, report: ProgressReport) -> None:
        if asked != self._asked:
            return
        self.report = report
        show_error(self.error, "")
        span = report.span
        self.span_line.setText(
            f"{report.period.label}: {short_day(span.first)} to {short_day(span.last)}"
        )
        self.welcome_text.setText(report.welcome)
        self.welcome.setVisible(bool(report.welcome))
        for button in self.start_buttons:
            button.setVisible(report.is_empty)
        self._filled.clear()
        self._fill_tab(self.tabs.currentIndex())

    def _fill_tab(self, index: int) -> None:
        """Fill a tab from the report the first time it is seen: opening the view pays
        only for the page on screen."""
        report = self.report
        if report is None or index in self._filled:
            return
        self._filled.add(index)
        if index == 0:
            self.streaks.show_streaks(report.streaks, self.hidden, report.streaks.grace_day)
            self.activity_line.setText(report.activity.sentence)
            self.calendar.show_calendar(report.calendar)
            self.milestones.show_milestones(report.milestones)
        elif index == 1:
            for spec in specs.all_charts(report):
                self.charts[spec.key].show_spec(spec)
        elif index == 2:
            self.setbacks.show_setbacks(report.setbacks)
        else:
            self.goals.reload()

    # -- settings --------------------------------------------------------------------

    def _period_changed(self, period: str) -> None:
        self._save_setting(source.PERIOD, period)
        self.refresh()

    def _hide_streaks(self, hidden: bool) -> None:
        self.hidden = hidden
        self._save_setting(source.HIDE_STREAKS, hidden)
        if self.report is not None:
            self.streaks.show_streaks(self.report.streaks, hidden, self.report.streaks.grace_day)

    def _grace_day(self, on: bool) -> None:
        self.grace = on
        self._save_setting(source.GRACE_DAY, on)
        self.refresh()

    def _save_setting(self, setting, value) -> None:
        try:
            self.context.settings.write(setting, value)
        except VaultError as problem:
            show_error(self.error, str(problem))  # the choice holds for now all the same
