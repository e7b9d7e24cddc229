"""The Progress view as a person uses it: periods, charts and tables, the calendar by
keyboard, streaks that can be hidden, a friendly start, and a window that does not grow."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from app.progress.days import long_day
from app.progress.ui import source
from app.progress.ui.calendar import ActivityGrid
from app.progress.ui.charts import format_value
from app.progress.ui.view import ProgressView
from app.vault import DiskFull
from tests.progress.view_support import TODAY, a_season, breathe, show, write

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def view(qtbot, context, vault, clock) -> ProgressView:
    a_season(vault, clock)
    return show(qtbot, ProgressView(context))


def test_an_empty_vault_gets_a_friendly_start_and_never_an_empty_axis(qtbot, context, requests):
    view = show(qtbot, ProgressView(context))
    assert view.welcome.isVisible()
    assert "fills in as you use Tend" in view.welcome_text.text()
    view.tabs.setCurrentIndex(1)
    for panel in view.charts.values():
        assert panel.empty.isVisible()
        assert not panel.stack.isVisible()
        assert panel.empty.text()  # it says what will appear, and how
        assert panel.chart.series() == []
        assert not panel.table_button.isVisible()
    view.tabs.setCurrentIndex(2)
    assert view.setbacks.chart.empty.isVisible()
    assert not view.setbacks.chart.stack.isVisible()
    assert view.setbacks.empty.isVisible()
    view.tabs.setCurrentIndex(0)
    assert not view.streaks.figures.isVisible()  # no "0 days" staring back
    assert view.milestones.rows[0].text().startswith("Milestones appear here")
    qtbot.mouseClick(view.start_buttons[0], LEFT)
    assert requests == [("reflect", {"new": True})]


def test_switching_the_period_changes_the_figures(qtbot, view):
    assert view.period.value() == "3m"
    view.tabs.setCurrentIndex(1)
    mood = view.charts["mood"]
    three_months = mood.spec.labels
    assert view.span_line.text() == "3 months: 1 November 2025 to 15 January 2026"

    qtbot.mouseClick(view.period.buttons["4w"], LEFT)
    assert view.report.period == "4w"
    assert len(mood.spec.labels) == 4 < len(three_months)
    assert view.span_line.text().startswith("4 weeks: 22 December 2025")
    # November's low week is outside four weeks: only this week's two entries remain.
    assert [v for v in mood.spec.series[0].values if v is not None] == [3.5]
    assert "You breathed for 4 minutes" in view.charts["breathing"].sentence.text()

    # The arrow keys walk the periods too, and the choice is remembered.
    view.period.buttons["4w"].setFocus()
    qtbot.keyClick(view.period.buttons["4w"], Qt.Key.Key_Right)
    qtbot.keyClick(view.period.buttons["3m"], Qt.Key.Key_Right)
    assert view.period.value() == "12m"
    assert view.report.period == "12m"
    assert "14 minutes" in view.charts["breathing"].sentence.text()
    assert view.context.settings.read(source.PERIOD) == "12m"


def test_each_chart_has_its_sentence_for_screen_readers_and_the_same_numbers_as_a_table(
    qtbot, view
):
    view.tabs.setCurrentIndex(1)
    mood = view.charts["mood"]
    assert mood.sentence.isVisible()
    assert mood.sentence.text() == f"{view.report.mood.sentence} {view.report.closeness.sentence}"
    assert mood.view.accessibleDescription() == mood.sentence.text()

    # The chart's points are the weekly averages.
    lines = [s for s in mood.chart.series() if isinstance(s, QLineSeries)]
    drawn = {(s.name(), round(p.y(), 2)) for s in lines for p in s.points()}
    assert ("Mood", 3.5) in drawn
    assert ("Closeness", 3.5) in drawn
    assert ("Mood", 2.0) in drawn

    qtbot.mouseClick(mood.table_button, LEFT)
    assert mood.stack.currentWidget() is mood.table
    assert mood.table_button.text() == "Show as chart"
    table = mood.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["", "Mood", "Mood entries", "Closeness", "Closeness entries"]
    assert table.rowCount() == len(view.report.mood.weeks)
    rows = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 5)]
        for r in range(table.rowCount())
    }
    assert rows["Week of 12 January 2026"] == ["3.5", "2", "3.5", "2"]
    assert rows["Week of 10 November 2025"] == ["2.0", "1", "2.0", "1"]
    assert rows["Week of 1 December 2025"] == ["–", "0", "–", "0"]
    for week in view.report.mood.weeks:
        label = f"Week of {week.week.day} {week.week:%B %Y}"
        assert rows[label][0] == format_value(week.average, 1)

    qtbot.mouseClick(mood.table_button, LEFT)
    assert mood.stack.currentWidget() is mood.view


def test_the_five_to_one_aim_is_a_dashed_reference_not_a_grade(qtbot, view):
    view.tabs.setCurrentIndex(1)
    panel = view.charts["appreciation"]
    steps = [s for s in panel.chart.series() if s.name() == "5 for each setback"]
    # December and January each had one setback: a dashed step at five over each month,
    # not joined across the months between, and named once in the legend.
    assert len(steps) == 2
    assert all(s.pen().style() == Qt.PenStyle.DashLine for s in steps)
    assert [[(p.x(), p.y()) for p in s.points()] for s in steps] == [
        [(0.6, 5.0), (1.4, 5.0)],
        [(1.6, 5.0), (2.4, 5.0)],
    ]
    legend = panel.chart.legend()
    qtbot.waitUntil(lambda: legend.markers(steps[0])[0].isVisible())  # once on screen
    assert not legend.markers(steps[1])[0].isVisible()
    assert "5 to 1" in panel.sentence.text()


def test_the_calendar_moves_by_keyboard_and_says_what_happened(qtbot, view):
    grid: ActivityGrid = view.calendar.grid
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)
    assert grid.focused == TODAY
    assert grid.accessibleName() == (f"Activity calendar. {long_day(TODAY)}: 1 journal entry.")
    assert "arrow keys" in grid.accessibleDescription()

    qtbot.keyClick(grid, Qt.Key.Key_Up)
    assert grid.focused == TODAY - timedelta(days=1)
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    day = TODAY - timedelta(days=3)
    assert grid.focused == day
    assert "4 minutes of breathing" in grid.accessibleName()
    assert view.calendar.day_line.text() == grid.describe(day)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    assert grid.focused == day - timedelta(days=7)
    assert grid.accessibleName().endswith("a quiet day.")
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Right)  # never past today
    assert grid.focused == TODAY
    qtbot.keyClick(grid, Qt.Key.Key_Home)
    assert grid.focused == grid.first
    assert grid.first.weekday() == 0
    assert grid.first <= TODAY - timedelta(days=364)
    qtbot.keyClick(grid, Qt.Key.Key_End)
    assert grid.focused == TODAY

    # Hovering a day shows the same words as its tooltip.
    centre = grid.cell_rect(TODAY - timedelta(days=1)).center()
    QApplication.sendEvent(grid, QHelpEvent(QEvent.Type.ToolTip, centre, grid.mapToGlobal(centre)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == f"{long_day(TODAY - timedelta(days=1))}: 1 journal entry."
    assert grid.day_at(QPoint(1, 1)) is None


def test_streaks_show_and_can_be_hidden_for_good(qtbot, context, view):
    assert (
        view.streaks.current_figure.accessibleName() == "4 days, your current run"
    )  # today and the three before
    assert "4 days running" in view.streaks.sentence.text()

    qtbot.mouseClick(view.streaks.hide_box, LEFT)
    assert not view.streaks.figures.isVisible()
    assert "hidden" in view.streaks.sentence.text()
    assert context.settings.read(source.HIDE_STREAKS) is True

    again = show(qtbot, ProgressView(context))
    assert again.streaks.hide_box.isChecked()
    assert not again.streaks.figures.isVisible()
    qtbot.mouseClick(again.streaks.hide_box, LEFT)
    assert again.streaks.figures.isVisible()


def test_a_grace_day_keeps_a_run_going(qtbot, context, vault, clock):
    for back in (0, 2, 3):  # yesterday missed
        write(vault, clock, TODAY - timedelta(days=back))
    view = show(qtbot, ProgressView(context))
    assert view.streaks.current_figure.accessibleName() == "1 day, your current run"
    qtbot.mouseClick(view.streaks.grace_box, LEFT)
    assert view.streaks.current_figure.accessibleName() == "3 days, your current run"
    assert context.settings.read(source.GRACE_DAY) is True


def test_the_figures_are_worked_out_afresh_each_time_the_view_is_shown(
    qtbot, context, vault, clock
):
    view = show(qtbot, ProgressView(context))
    assert view.report.is_empty
    view.tabs.setCurrentIndex(1)
    view.hide()
    breathe(vault, TODAY, 6)
    view.show()
    qtbot.waitUntil(lambda: not view.report.is_empty)
    assert "6 minutes" in view.charts["breathing"].sentence.text()
    assert view.charts["breathing"].stack.currentWidget() is view.charts["breathing"].view
    assert view.charts["breathing"].view.isVisible()
    assert not view.charts["breathing"].empty.isVisible()


def test_a_vault_that_cannot_be_read_is_named_plainly(qtbot, context, view, monkeypatch):
    def cannot(*_args):
        raise DiskFull()

    monkeypatch.setattr(source, "read_data", cannot)
    view.refresh()
    assert view.error.isVisible()
    assert "disk is full" in view.error.text()


def test_setbacks_show_what_was_learned_and_open_ones_gently(qtbot, view):
    view.tabs.setCurrentIndex(2)
    table = view.setbacks.table
    assert table.rowCount() == 2
    newest = [table.item(0, c).text() for c in range(4)]
    assert newest == ["6 January 2026", "Criticism", "Not written yet", "Still open; there is time"]
    older = [table.item(1, c).text() for c in range(4)]
    assert older == ["3 December 2025", "Defensiveness", "Listen first.", "Repaired after 2 days"]
    assert "still open" in view.setbacks.chart.sentence.text()


def test_milestones_are_listed_newest_first_with_their_dates(qtbot, view):
    names = [row.accessibleName() for row in view.milestones.rows]
    assert names[-1] == "A first breath together with Tend, reached 20 October 2025"
    assert "Your first entry, reached 12 November 2025" in names
    assert any(name.startswith("A setback turned into a lesson") for name in names)


@pytest.mark.parametrize("used", [True, False], ids=["a season", "empty"])
def test_the_view_fits_a_small_window_without_growing_it(qtbot, context, vault, clock, used):
    from app import resources
    from app.shell.theme import palette_for
    from app.shell.window import MainWindow

    if used:
        a_season(vault, clock)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.setStyleSheet(resources.read_text("styles/tend.qss"))
    window.setPalette(palette_for("light"))
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    view = window.open_area("progress")
    for tab in range(view.tabs.count()):
        view.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        assert (window.width(), window.height()) == (900, 600)
        hint = window.minimumSizeHint()
        assert hint.width() <= 900, tab
        assert hint.height() <= 600, tab
    for button in view.period.buttons.values():
        assert button.width() >= button.sizeHint().width()


def test_a_point_tells_its_week_value_and_how_many_entries_stand_behind_it(qtbot, view):
    view.tabs.setCurrentIndex(1)
    mood = view.charts["mood"]
    line = next(s for s in mood.chart.series() if s.name() == "Mood")
    last = line.points()[-1]
    line.hovered.emit(last, True)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "Week of 12 January 2026: Mood 3.5 (from 2 entries)"
    line.hovered.emit(last, False)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_requests_from_elsewhere_choose_the_period_tab_or_a_new_goal(qtbot, view):
    view.handle_request(period="4w", tab="trends")
    assert view.report.period == "4w"
    assert view.tabs.tabText(view.tabs.currentIndex()) == "Trends"
    view.handle_request(new_goal=True)
    assert view.tabs.tabText(view.tabs.currentIndex()) == "Goals"
    assert view.goals.form.isVisible()
    assert view.goals.form.title.hasFocus()
