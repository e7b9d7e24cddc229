"""The Summaries area: choose a period and what to show, then preview, print or save.

Nothing is written anywhere but the file the person picks: the preview and printing
paint straight onto Qt's printer, a PDF is made in memory and written once. Reading a
year and laying it out takes a fraction of a second (benchmarks/summary.py), so it runs
here on the GUI thread; the vault's connection belongs to this thread anyway.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPageLayout, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.activity import DayRange
from app.context import AreaContext
from app.summary import period as periods
from app.summary.gather import gather
from app.summary.model import (
    EXERCISE_LABELS,
    SECTION_TITLES,
    Choices,
    Section,
    Source,
    Summary,
    build,
    default_choices,
)
from app.summary.output import OutputError, write_document
from app.summary.ui import render
from app.summary.worksheets import WORKSHEETS
from app.widgets.calendar import themed_calendar
from app.widgets.forms import error_label, label, page, show_error

SUBTITLE = "Bring what you have learned to a conversation or a counselling session, on paper."
CUSTOM = "custom"
PAPER_CHOICES = (("From your region", ""), ("A4", "a4"), ("Letter", "letter"))


class SummaryView(QWidget):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summary")
        self.setAccessibleName("Summaries")
        self.context = context
        self.source: Source | None = None

        self.period = QComboBox()
        self.period.setAccessibleName("Period")
        for key, (title, _) in periods.PRESETS.items():
            self.period.addItem(title, key)
        self.period.addItem("Choose dates…", CUSTOM)
        today = context.clock.today()
        self.first = _date_edit("From", today.replace(day=1))
        self.last = _date_edit("To", today)
        dates = QHBoxLayout()
        dates.addWidget(self.first)
        dates.addWidget(label("–"))
        dates.addWidget(self.last)

        self.sections: dict[Section, QCheckBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for i, section in enumerate(Section):
            box = QCheckBox(SECTION_TITLES[section])
            box.setAccessibleName(f"Include {SECTION_TITLES[section].lower()}")
            box.setChecked(True)
            box.toggled.connect(self._refresh_statement)
            self.sections[section] = box
            grid.addWidget(box, i, 0)

        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper size")
        for title, key in PAPER_CHOICES:
            self.paper.addItem(title, key)

        self.worksheet = QComboBox()
        self.worksheet.setAccessibleName("Worksheet")
        for name, sheet in WORKSHEETS.items():
            self.worksheet.addItem(sheet.title, name)
        self.print_sheet = _button("Print…", "Print the worksheet")
        self.save_sheet = _button("Save as PDF…", "Save the worksheet as PDF")
        sheet_row = QHBoxLayout()
        sheet_row.addStretch(1)
        sheet_row.addWidget(self.print_sheet)
        sheet_row.addWidget(self.save_sheet)

        left = QVBoxLayout()
        left.setSpacing(6)
        period_title = label("Period", "cardTitle")
        period_title.setBuddy(self.period)  # what a screen reader calls a box on Linux
        left.addWidget(period_title)
        left.addWidget(self.period)
        left.addLayout(dates)
        left.addSpacing(8)
        left.addWidget(label("Sections", "cardTitle"))
        left.addLayout(grid)
        left.addSpacing(8)
        paper_row = QHBoxLayout()
        paper_label = label("Paper")
        paper_label.setBuddy(self.paper)
        paper_row.addWidget(paper_label)
        paper_row.addWidget(self.paper, 1)
        left.addLayout(paper_row)
        left.addStretch(1)
        sheets_title = label("Blank worksheets", "cardTitle")
        sheets_title.setBuddy(self.worksheet)
        left.addWidget(sheets_title)
        left.addWidget(self.worksheet)
        left.addLayout(sheet_row)

        self.entries = _tick_list("Entries to include")
        self.attempts = _tick_list("Favourite practice to include")
        self.attempts.setMaximumHeight(90)
        self.entries.itemChanged.connect(self._refresh_statement)
        self.attempts.itemChanged.connect(self._refresh_statement)
        self.statement = label("", "hint")
        self.statement.setAccessibleDescription("What the summary holds and leaves out")
        self.error = error_label()
        self.preview_button = _button("Print preview…", "Print preview")
        self.print_button = _button("Print…", "Print the summary")
        self.save_button = _button("Save as PDF…", "Save the summary as PDF")
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.preview_button, self.print_button, self.save_button):
            buttons.addWidget(button)

        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(label("Entries (shareable ones start ticked)", "cardTitle"))
        right.addWidget(self.entries, 3)
        right.addWidget(label("Favourite practice", "cardTitle"))
        right.addWidget(self.attempts, 1)
        right.addWidget(self.statement)
        right.addWidget(self.error)
        right.addLayout(buttons)

        body = QHBoxLayout()
        body.setSpacing(20)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setFixedWidth(240)
        left.setContentsMargins(0, 0, 0, 0)
        body.addWidget(left_box)
        body.addLayout(right, 1)
        page(self, "Summaries", SUBTITLE, body)

        self.period.currentIndexChanged.connect(self._period_chosen)
        self.first.dateChanged.connect(self._dates_changed)
        self.last.dateChanged.connect(self._dates_changed)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_summary)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_sheet.clicked.connect(self.print_worksheet)
        self.save_sheet.clicked.connect(self.save_worksheet)
        self.period.setCurrentIndex(1)  # this month
        self._period_chosen()

    # -- the area contract -------------------------------------------------------------

    def flush(self) -> None:
        """Nothing to save: the ticks are for this summary only and stay in memory."""

    def handle_request(self, **request: Any) -> None:
        first, last = request.get("first"), request.get("last")
        if isinstance(first, date) and isinstance(last, date) and first <= last:
            self.period.setCurrentIndex(self.period.findData(CUSTOM))
            self.first.setDate(QDate(first))
            self.last.setDate(QDate(last))

    # -- choosing ----------------------------------------------------------------------

    def span(self) -> DayRange | None:
        key = self.period.currentData()
        today = self.context.clock.today()
        if key != CUSTOM:
            return periods.PRESETS[key][1](today)
        first, last = self.first.date().toPython(), self.last.date().toPython()
        return DayRange(first, last) if first <= last else None

    def _period_chosen(self) -> None:
        custom = self.period.currentData() == CUSTOM
        self.first.setEnabled(custom)
        self.last.setEnabled(custom)
        span = self.span()
        if not custom and span is not None:
            for edit, day in ((self.first, span.first), (self.last, span.last)):
                edit.blockSignals(True)
                edit.setDate(QDate(day))
                edit.blockSignals(False)
        self.reload()

    def _dates_changed(self) -> None:
        if self.period.currentData() == CUSTOM:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back from writing elsewhere: read again, keeping the ticks you made."""
        super().showEvent(event)
        if self.source is not None:
            self.reload(keep_ticks=True)

    def reload(self, *, keep_ticks: bool = False) -> None:
        """Read the period again; ticks start private-by-default, or stay as you left
        them for entries already listed when `keep_ticks`."""
        before, ticked = self.source, self.choices()
        span = self.span()
        if span is None:
            self.source = None
            self._fill_lists()
            show_error(self.error, "The end date comes before the start date.")
            self._refresh_statement()
            return
        show_error(self.error, "")
        self.source = gather(self.context.vault, span)
        chosen = default_choices(self.source)
        if keep_ticks and before is not None:
            chosen = _kept(before, self.source, ticked, chosen)
        self._fill_lists(chosen)
        self._refresh_statement()

    def _fill_lists(self, chosen: Choices | None = None) -> None:
        source = self.source
        chosen = chosen or Choices()
        for widget in (self.entries, self.attempts):
            widget.blockSignals(True)
            widget.clear()
        if source is not None:
            for record in source.entries:
                text = source.texts.get(record.entry_id)
                title = text.title if text else "Entry"
                mark = "shareable" if record.shareable else "private"
                line = f"{periods.day_text(record.day)} · {title} ({mark})"
                _add_tick(self.entries, line, record.entry_id, record.entry_id in chosen.entries)
            for record in source.starred_attempts:
                attempt = source.words.get(record.attempt_id)
                words = attempt.text.strip().splitlines()[0][:60] if attempt else ""
                mark = "shareable" if record.shareable else "private"
                kind = EXERCISE_LABELS.get(record.exercise, "Practice")
                line = f"{periods.day_text(record.day)} · {kind}: {words} ({mark})"
                _add_tick(
                    self.attempts, line, record.attempt_id, record.attempt_id in chosen.attempts
                )
        if not self.entries.count():
            self.entries.addItem(QListWidgetItem("No journal entries in this period."))
        if not self.attempts.count():
            self.attempts.addItem(QListWidgetItem("No starred practice attempts in this period."))
        for widget in (self.entries, self.attempts):
            widget.blockSignals(False)

    def choices(self) -> Choices:
        return Choices(
            sections=frozenset(s for s, box in self.sections.items() if box.isChecked()),
            entries=frozenset(_ticked(self.entries)),
            attempts=frozenset(_ticked(self.attempts)),
        )

    def summary(self) -> Summary | None:
        if self.source is None:
            return None
        return build(self.source, self.choices(), self.context.clock.today())

    def _refresh_statement(self, *_: object) -> None:
        summary = self.summary()
        ready = summary is not None
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(ready)
        if summary is None:
            self.statement.setText("")
            return
        self.statement.setText(f"{summary.period}: " + " ".join(summary.statement))

    # -- printing and saving -----------------------------------------------------------

    def paper_key(self) -> str | None:
        return self.paper.currentData() or None

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(render.page_layout(self.paper_key()))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        return printer

    def preview(self) -> QPrintPreviewDialog | None:
        summary = self.summary()
        if summary is None:
            return None
        printer = self._printer()
        printer.setDocName(periods.document_title(summary.span))
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle("Print preview")
        dialog.paintRequested.connect(lambda target: render.paint_summary(summary, target))
        self._preview = dialog  # kept so a test can look at it
        dialog.open()
        return dialog

    def print_summary(self) -> None:
        summary = self.summary()
        if summary is None:
            return
        printer = self._printer()
        printer.setDocName(periods.document_title(summary.span))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            render.paint_summary(summary, printer)

    def save_pdf(self, path: str | None = None) -> bool:
        summary = self.summary()
        if summary is None:
            return False
        target = path or self._ask_path(f"Tend summary {summary.span.first}.pdf")
        if not target:
            return False
        return self._write(Path(target), lambda: render.summary_pdf(summary, self.paper_key()))

    def print_worksheet(self) -> None:
        sheet = WORKSHEETS[self.worksheet.currentData()]
        printer = self._printer()
        printer.setDocName(f"Tend worksheet: {sheet.title}")
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            render.paint_worksheet(sheet, printer)

    def save_worksheet(self, path: str | None = None) -> bool:
        sheet = WORKSHEETS[self.worksheet.currentData()]
        target = path or self._ask_path(f"{sheet.name}.pdf")
        if not target:
            return False
        return self._write(Path(target), lambda: render.worksheet_pdf(sheet, self.paper_key()))

    def _ask_path(self, suggested: str) -> str:
        # Qt's own dialog: a platform dialog may add the file to the desktop's recent list.
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            "Save as PDF",
            str(Path.home() / suggested),
            "PDF (*.pdf)",
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if chosen and not chosen.lower().endswith(".pdf"):
            chosen += ".pdf"
        return chosen

    def _write(self, path: Path, make) -> bool:
        try:
            # The file dialog has already asked before replacing an existing file.
            write_document(path, make(), force=True)
        except OutputError as exc:
            show_error(self.error, str(exc))
            return False
        show_error(self.error, "")
        self.statement.setText(f"Saved to {path}.")
        return True


def _kept(before: Source, after: Source, ticked: Choices, fresh: Choices) -> Choices:
    """Your ticks for what was listed already; private-by-default for anything new."""
    old_entries = {e.entry_id for e in before.entries}
    old_attempts = {a.attempt_id for a in before.starred_attempts}
    return Choices(
        sections=fresh.sections,
        entries=frozenset(
            e.entry_id
            for e in after.entries
            if (e.entry_id in ticked.entries if e.entry_id in old_entries else e.shareable)
        ),
        attempts=frozenset(
            a.attempt_id
            for a in after.starred_attempts
            if (a.attempt_id in ticked.attempts if a.attempt_id in old_attempts else a.shareable)
        ),
    )


def _date_edit(name: str, day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day))
    themed_calendar(edit)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(name)
    return edit


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    return button


def _tick_list(name: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setUniformItemSizes(True)
    widget.setTextElideMode(Qt.TextElideMode.ElideRight)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return widget


def _add_tick(widget: QListWidget, text: str, key: int, ticked: bool) -> None:
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, key)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
    widget.addItem(item)


def _ticked(widget: QListWidget) -> list[int]:
    found = []
    for row in range(widget.count()):
        item = widget.item(row)
        key = item.data(Qt.ItemDataRole.UserRole)
        if key is not None and item.checkState() == Qt.CheckState.Checked:
            found.append(key)
    return found
