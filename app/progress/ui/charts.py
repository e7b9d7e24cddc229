"""One chart with its plain sentence and the same numbers as a table.

A `ChartPanel` shows a `ChartSpec`: plain data (a label for each point along the bottom,
one or more series of values, optionally the count behind each value) with no knowledge
of where it came from. Bars and lines share one x axis of positions 0..n-1. When there
is nothing to draw, the panel says what will appear and how, never an empty axis.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPointF, Qt
from PySide6.QtGui import QCursor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.progress.ui import colours
from app.widgets.forms import label

CHART_HEIGHT = 230
# Past this many points, bars are drawn as lines: thin bars say little, and each bar is a
# graphics item of its own, so five years of weeks would cost a second to lay out.
DENSE_POINTS = 70
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
MAX_X_LABELS = 6
MISSING = "–"


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    counts: tuple[int, ...] | None = None  # how many records stand behind each value
    count_word: str = "entries"  # "from 3 entries"
    bar: bool = False
    right_axis: bool = False
    reference: bool = False  # a dashed guide such as the 5-to-1 aim, not a measurement
    decimals: int = 1


@dataclass(frozen=True)
class Axis:
    title: str
    low: float | None = None  # None: from the data
    high: float | None = None
    decimals: int = 0


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title: str
    sentence: str
    labels: tuple[str, ...]  # short, under the axis: "3 Mar"
    long_labels: tuple[str, ...]  # in tooltips and the table: "Week of 3 March 2026"
    series: tuple[Series, ...]
    left: Axis
    right: Axis | None = None
    empty: str = ""  # what will appear here and how, shown when nothing can be drawn
    stacked: bool = False  # bars stacked in one column per point rather than side by side

    @property
    def has_data(self) -> bool:
        return any(
            value is not None and not series.reference
            for series in self.series
            for value in series.values
        )


def format_value(value: float | None, decimals: int) -> str:
    if value is None:
        return MISSING
    return f"{value:.{decimals}f}" if decimals else f"{round(value):d}"


def point_words(spec: ChartSpec, series: Series, index: int) -> str:
    """What one point says, in the tooltip and (split into cells) in the table."""
    value = format_value(series.values[index], series.decimals)
    text = f"{spec.long_labels[index]}: {series.name} {value}"
    if series.counts is not None:
        count = series.counts[index]
        text += f" (from {count} {series.count_word})"
    return text


def table_columns(spec: ChartSpec) -> list[str]:
    counted = [s for s in spec.series if s.counts is not None]
    headers = [""]
    for series in spec.series:
        headers.append(series.name)
        if series.counts is not None:
            # "Sessions" alone; "Mood entries" and "Closeness entries" when two are counted.
            word = series.count_word
            headers.append(f"{series.name} {word}" if len(counted) > 1 else word.capitalize())
    return headers


def table_rows(spec: ChartSpec) -> list[list[str]]:
    rows = []
    for index, long_label in enumerate(spec.long_labels):
        row = [long_label]
        for series in spec.series:
            row.append(format_value(series.values[index], series.decimals))
            if series.counts is not None:
                row.append(str(series.counts[index]))
        rows.append(row)
    return rows


class ChartPanel(QFrame):
    """A card: the title, the sentence, and the chart or its table."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.spec: ChartSpec | None = None
        self._table_filled = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.title = label(title, "cardTitle")
        self.table_button = QPushButton("Show as table")
        self.table_button.setCheckable(True)
        self.table_button.setAccessibleName(f"Show {title.lower()} as a table")
        self.table_button.toggled.connect(self._toggle_table)
        top.addWidget(self.title, 1)
        top.addWidget(self.table_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.sentence = label("", "chartSentence")
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.sentence)

        self.chart = QChart()
        self.chart.setBackgroundVisible(False)
        self.chart.setPlotAreaBackgroundVisible(False)
        self.chart.setMargins(QMargins(0, 4, 0, 0))
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setFixedHeight(CHART_HEIGHT)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.table = QTableWidget()
        self.table.setAccessibleName(f"{title}, as a table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setFixedHeight(CHART_HEIGHT)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)

        # Shown instead of the chart until there is something to draw: what will appear.
        self.empty = label("", "hint")
        layout.addWidget(self.empty)

        self.stack = QStackedWidget()
        self.stack.setFixedHeight(CHART_HEIGHT)
        for page in (self.view, self.table):
            self.stack.addWidget(page)
        layout.addWidget(self.stack)
        self._show_page()

    # -- showing a spec ------------------------------------------------------------

    def show_spec(self, spec: ChartSpec) -> None:
        self.spec = spec
        self.title.setText(spec.title)
        if spec.has_data:
            self.sentence.setText(spec.sentence)
            self.setAccessibleName(spec.title)
            self.view.setAccessibleName(f"{spec.title}, chart")
            self.view.setAccessibleDescription(spec.sentence)
            self.setAccessibleDescription(spec.sentence)
            self._table_filled = False
            if self.table_button.isChecked():
                self._fill_table(spec)
            self._draw(spec)
        else:
            self.sentence.setText("")
            self.empty.setText(spec.empty)
            self.setAccessibleDescription(spec.empty)
            self.chart.removeAllSeries()
        self.sentence.setVisible(spec.has_data)
        self.table_button.setVisible(spec.has_data)
        self._show_page()

    def _show_page(self) -> None:
        drawn = self.spec is not None and self.spec.has_data
        self.empty.setVisible(not drawn)
        self.stack.setVisible(drawn)
        self.stack.setCurrentWidget(self.table if self.table_button.isChecked() else self.view)

    def _toggle_table(self, on: bool) -> None:
        self.table_button.setText("Show as chart" if on else "Show as table")
        if on and self.spec is not None and not self._table_filled:
            self._fill_table(self.spec)  # the table is made when first asked for
        self._show_page()

    def _fill_table(self, spec: ChartSpec) -> None:
        self._table_filled = True
        headers, rows = table_columns(spec), table_rows(spec)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )

    # -- drawing -------------------------------------------------------------------

    def _draw(self, spec: ChartSpec) -> None:
        chart, palette = self.chart, self.palette()
        hues = [colours.series_colour(palette, i) for i in range(len(spec.series))]
        muted = colours.muted_colour(palette)
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
            axis.deleteLater()
        count = len(spec.labels)
        dense = count > DENSE_POINTS
        x_axis = self._x_axis(spec.labels)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        stacked = spec.stacked and not dense
        left = self._y_axis(spec.left, [s for s in spec.series if not s.right_axis], stacked)
        chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        right = None
        if spec.right is not None:
            right = self._y_axis(spec.right, [s for s in spec.series if s.right_axis], False)
            chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
            right.setGridLineVisible(False)

        bars = [s for s in spec.series if s.bar and not dense]
        if bars:
            bar_series = QStackedBarSeries() if stacked else QBarSeries()
            bar_series.setBarWidth(0.8)
            for series in bars:
                bar_set = QBarSet(series.name)
                bar_set.append([0.0 if v is None else float(v) for v in series.values])
                colour = hues[spec.series.index(series)]
                bar_set.setColor(colour)
                bar_set.setBorderColor(colour)
                bar_set.hovered.connect(
                    lambda on, at, s=series: self._hover(on, s, at)  # type: ignore[misc]
                )
                bar_series.append(bar_set)
            chart.addSeries(bar_series)
            bar_series.attachAxis(x_axis)
            bar_series.attachAxis(right if bars[0].right_axis and right else left)
        for index, series in enumerate(spec.series):
            if series in bars:
                continue
            pen = QPen(hues[index], 1.6 if series.reference or dense else 2.2)
            y_axis = right if series.right_axis and right else left
            if series.reference:
                # A short dashed step over each period's bars, never joined across a gap.
                pen.setStyle(Qt.PenStyle.DashLine)
                pen.setColor(muted)
                steps = [
                    [QPointF(i - 0.4, float(v)), QPointF(i + 0.4, float(v))]
                    for i, v in enumerate(series.values)
                    if v is not None
                ]
                for number, points in enumerate(steps):
                    line = self._line(series, points, pen, x_axis, y_axis)
                    if number:  # one entry in the legend for all the steps
                        for marker in chart.legend().markers(line):
                            marker.setVisible(False)
                continue
            points = [QPointF(i, float(v)) for i, v in enumerate(series.values) if v is not None]
            line = self._line(series, points, pen, x_axis, y_axis)
            line.setPointsVisible(count <= 60)
        self._style()

    def _line(self, series: Series, points, pen: QPen, x_axis, y_axis) -> QLineSeries:
        line = QLineSeries()
        line.setName(series.name)
        line.append(points)
        line.setPen(pen)
        line.hovered.connect(
            lambda point, on, s=series: self._hover(on, s, round(point.x()))  # type: ignore[misc]
        )
        self.chart.addSeries(line)
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)
        return line

    def _x_axis(self, labels: tuple[str, ...]) -> QCategoryAxis:
        axis = QCategoryAxis()
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        axis.setRange(-0.5, max(0.5, len(labels) - 0.5))
        step = max(1, -(-len(labels) // MAX_X_LABELS))
        used: set[str] = set()
        for index in range(0, len(labels), step):
            text = labels[index]
            if text and text not in used:  # the axis keeps one label per text
                axis.append(text, index)
                used.add(text)
        axis.setGridLineVisible(False)
        return axis

    def _y_axis(self, spec: Axis, series: list[Series], stacked: bool) -> QValueAxis:
        axis = QValueAxis()
        values = [v for s in series for v in s.values if v is not None]
        if stacked:  # the top of each column is the sum of its bars
            bars = [s for s in series if s.bar]
            values += [sum(s.values[i] or 0 for s in bars) for i in range(len(bars[0].values))]
        low = spec.low if spec.low is not None else min([0.0, *values])
        high = spec.high if spec.high is not None else max([1.0, *values])
        if spec.high is None:
            high = _nice_ceiling(high)
        axis.setRange(low, high)
        axis.setLabelFormat(f"%.{spec.decimals}f")
        # Ticks on round numbers from the bottom, so every label names its line exactly.
        axis.setTickType(QValueAxis.TickType.TicksDynamic)
        axis.setTickAnchor(low)
        axis.setTickInterval(_nice_step(high - low, whole=spec.decimals == 0))
        axis.setTitleText(spec.title)
        return axis

    def _style(self) -> None:
        palette = self.palette()
        text, muted, grid = (
            colours.text_colour(palette),
            colours.muted_colour(palette),
            colours.grid_colour(palette),
        )
        for axis in self.chart.axes():
            axis.setLabelsColor(muted)
            axis.setTitleBrush(muted)
            axis.setLinePenColor(grid)
            axis.setGridLineColor(grid)
            font = axis.titleFont()
            font.setPointSizeF(max(7.5, self.font().pointSizeF() * 0.85))
            axis.setTitleFont(font)
        self.chart.legend().setLabelColor(text)
        # The card's own colour behind the chart, in either scheme.
        self.view.setBackgroundBrush(palette.base())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.PaletteChange
            and self.spec is not None
            and self.spec.has_data
        ):
            self._draw(self.spec)

    def _hover(self, on: bool, series: Series, index: int) -> None:
        if not on or self.spec is None or not 0 <= index < len(series.values):
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), point_words(self.spec, series, index), self.view)


def _nice_step(span: float, whole: bool) -> float:
    """The smallest of 1, 2, 2.5, 5, 10... that cuts `span` into at most five steps."""
    power = 0.1 if not whole else 1.0
    while True:
        for step in (1, 2, 2.5, 5):
            size = step * power
            if whole and size != int(size):
                continue
            if span / size <= 5:
                return size
        power *= 10


def _nice_ceiling(value: float) -> float:
    """A round top for an axis: 1, 2, 5 or 10 times a power of ten, at or above `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)
