"""Shared goals: add and edit them, check in, mark them done, delete with undo.

Everything goes through GoalStore. A form that cannot save keeps its words on screen and
says why (the store's own message, which never quotes them).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.clock import Clock
from app.progress.days import plural, short_day
from app.progress.goals import (
    EARLIEST_DATE,
    GOAL_KIND_LABELS,
    MAX_NOTE_CHARS,
    MAX_TITLE_CHARS,
    Goal,
    GoalKind,
)
from app.progress.store import GoalNotFound, GoalStore
from app.validation import Invalid
from app.vault import VaultError
from app.widgets.calendar import themed_calendar
from app.widgets.forms import error_label, label, show_error, undo_bar

NO_GOALS = (
    "Goals you want to pursue, together or on your own, live here: something to share, "
    "something to learn together, a way to help others, a habit. Add one, then check in "
    "whenever you take a step; each check-in counts as a day you showed up."
)
SHOWN_CHECK_INS = 5  # the newest; the rest are summed up in a line
TARGET_YEARS = 30


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _date_edit(name: str, first: date, last: date, value: date) -> QDateEdit:
    edit = QDateEdit()
    edit.setAccessibleName(name)
    themed_calendar(edit)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setDateRange(to_qdate(first), to_qdate(last))
    edit.setDate(to_qdate(value))
    return edit


class GoalForm(QFrame):
    """Add a goal, or change one: its name, why it matters, its kind and target date."""

    saved = Signal(object)  # the Goal as saved
    cancelled = Signal()

    def __init__(self, store: GoalStore, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.store, self.clock = store, clock
        self.goal: Goal | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setVerticalSpacing(6)
        self.heading = label("A new goal", "cardTitle")
        grid.addWidget(self.heading, 0, 0, 1, 2)
        self.title = QLineEdit()
        self.title.setAccessibleName("Goal")
        self.title.setPlaceholderText("What you want to do or become")
        self.title.setMaxLength(MAX_TITLE_CHARS)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of goal")
        for kind, text in GOAL_KIND_LABELS.items():
            self.kind.addItem(text, kind.value)
        self.why = QPlainTextEdit()
        self.why.setAccessibleName("Why it matters")
        self.why.setPlaceholderText("Why it matters to you (optional)")
        self.why.setFixedHeight(64)
        self.has_target = QCheckBox("Aim for a date")
        self.has_target.setAccessibleName("Aim for a target date")
        today = clock.today()
        self.target = _date_edit(
            "Target date", EARLIEST_DATE, today.replace(year=today.year + TARGET_YEARS - 1), today
        )
        self.target.setEnabled(False)
        self.has_target.toggled.connect(self.target.setEnabled)
        target_row = QHBoxLayout()
        target_row.addWidget(self.has_target)
        target_row.addWidget(self.target)
        target_row.addStretch(1)
        for row, (text, widget) in enumerate(
            (("Goal", self.title), ("Kind", self.kind), ("Why", self.why)), start=1
        ):
            grid.addWidget(label(text), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, row, 1)
        grid.addLayout(target_row, 4, 1)
        self.error = error_label()
        grid.addWidget(self.error, 5, 0, 1, 2)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("Save goal")
        self.save_button.setObjectName("primary")
        self.save_button.setAccessibleName("Save goal")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel editing the goal")
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        grid.addLayout(buttons, 6, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.title.returnPressed.connect(self.save)

    def start(self, goal: Goal | None) -> None:
        """Open the form empty (a new goal) or filled with `goal` to change it."""
        self.goal = goal
        self.heading.setText("Change this goal" if goal else "A new goal")
        self.title.setText(goal.title if goal else "")
        self.why.setPlainText(goal.why if goal else "")
        kind = GoalKind(goal.kind) if goal else GoalKind.SHARED_EXPERIENCE
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind.value)))
        target = goal.target_on if goal else None
        self.has_target.setChecked(target is not None)
        self.target.setDate(to_qdate(target or self.clock.today() + timedelta(days=30)))
        show_error(self.error, "")
        self.show()
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self) -> Goal:
        base = self.goal or Goal(title="", started_on=self.clock.today())
        return Goal(
            title=self.title.text(),
            started_on=base.started_on,
            kind=GoalKind(self.kind.currentData()),
            why=self.why.toPlainText(),
            target_on=from_qdate(self.target.date()) if self.has_target.isChecked() else None,
            done_on=base.done_on,
            id=base.id,
            created_at=base.created_at,
            updated_at=base.updated_at,
        )

    def save(self) -> bool:
        try:
            goal = self.value()
            saved = self.store.update(goal) if goal.id is not None else self.store.add(goal)
        except (Invalid, VaultError, GoalNotFound) as problem:
            show_error(self.error, _message(problem))
            return False
        self.hide()
        self.goal = None
        self.saved.emit(saved)
        return True

    def cancel(self) -> None:
        self.hide()
        self.goal = None
        self.cancelled.emit()


def _message(problem: Exception) -> str:
    if isinstance(problem, Invalid):
        return problem.message
    if isinstance(problem, GoalNotFound):
        return "That goal is no longer here; it may have been deleted."
    return str(problem)


class GoalCard(QFrame):
    """One goal: what and why, its check-ins, and what you can do with it."""

    def __init__(self, goal: Goal, page: GoalsPage) -> None:
        super().__init__()
        self.setObjectName("card")
        self.goal, self.page = goal, page
        self.setAccessibleName(f"Goal: {goal.title}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        self.title = label(goal.title, "cardTitle")
        layout.addWidget(self.title)
        layout.addWidget(label(self._meta(), "hint"))
        if goal.why:
            layout.addWidget(label(goal.why))
        steps = goal.check_ins
        if steps:
            for step in steps[-SHOWN_CHECK_INS:][::-1]:
                text = f"{short_day(step.day)}" + (f": {step.note}" if step.note else "")
                line = label(f"✓ {text}", "checkIn")
                line.setTextFormat(Qt.TextFormat.PlainText)
                layout.addWidget(line)
            if len(steps) > SHOWN_CHECK_INS:
                earlier = len(steps) - SHOWN_CHECK_INS
                layout.addWidget(label(f"and {plural(earlier, 'earlier check-in')}", "hint"))
        else:
            layout.addWidget(label("No check-ins yet. The first step counts the most.", "hint"))
        self.title.setTextFormat(Qt.TextFormat.PlainText)

        self.check_in_form = QWidget()
        form = QHBoxLayout(self.check_in_form)
        form.setContentsMargins(0, 6, 0, 0)
        today = page.clock.today()
        self.check_in_day = _date_edit("Check-in date", EARLIEST_DATE, today, today)
        self.check_in_note = QLineEdit()
        self.check_in_note.setAccessibleName("Check-in note")
        self.check_in_note.setPlaceholderText("A step you took (optional)")
        self.check_in_note.setMaxLength(MAX_NOTE_CHARS)
        self.check_in_note.returnPressed.connect(self._save_check_in)
        self.save_check_in = QPushButton("Save check-in")
        self.save_check_in.setAccessibleName("Save check-in")
        self.save_check_in.clicked.connect(self._save_check_in)
        form.addWidget(self.check_in_day)
        form.addWidget(self.check_in_note, 1)
        form.addWidget(self.save_check_in)
        self.check_in_form.hide()
        layout.addWidget(self.check_in_form)
        self.error = error_label()
        layout.addWidget(self.error)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 6, 0, 0)
        self.check_in_button = self._button(
            "Check in", f"Check in on {goal.title}", self._open_check_in
        )
        self.edit_button = self._button("Edit", f"Edit {goal.title}", lambda: page.edit(goal))
        done_text = "Not done yet" if goal.is_done else "Mark done"
        self.done_button = self._button(done_text, f"{done_text}: {goal.title}", self._toggle_done)
        self.delete_button = self._button(
            "Delete", f"Delete {goal.title}", lambda: page.delete(goal)
        )
        for button in (self.check_in_button, self.edit_button, self.done_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        self.check_in_button.setVisible(not goal.is_done)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(lambda: slot())
        return button

    def _meta(self) -> str:
        goal = self.goal
        parts = [goal.label, f"started {short_day(goal.started_on)}"]
        if goal.done_on:
            parts.append(f"done {short_day(goal.done_on)}")
        elif goal.target_on:
            parts.append(f"aiming for {short_day(goal.target_on)}")
        parts.append(plural(len(goal.check_ins), "check-in"))
        return "  ·  ".join(parts)

    def _open_check_in(self) -> None:
        self.check_in_form.show()
        self.check_in_note.setFocus(Qt.FocusReason.OtherFocusReason)

    def _save_check_in(self) -> None:
        problem = self.page.check_in(
            self.goal, from_qdate(self.check_in_day.date()), self.check_in_note.text()
        )
        if problem:
            show_error(self.error, problem)

    def _toggle_done(self) -> None:
        problem = self.page.toggle_done(self.goal)
        if problem:
            show_error(self.error, problem)


class GoalsPage(QWidget):
    """The goals, newest plans first as the store orders them, with undo for a delete."""

    changed = Signal()  # something was saved: the figures need a fresh look

    def __init__(self, store: GoalStore, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.clock = store, clock
        self.deleted: Goal | None = None
        self.cards: list[GoalCard] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)

        self.undo_bar, self.undo_text, self.undo_button = undo_bar(
            "Goal deleted.", self.undo_delete, (12, 4, 12, 4)
        )
        self.undo_button.setToolTip("Bring the goal back with its check-ins (Ctrl+Z)")
        layout.addWidget(self.undo_bar)

        top = QHBoxLayout()
        self.intro = label(NO_GOALS, "hint")
        self.add_button = QPushButton("Add a goal")
        self.add_button.setAccessibleName("Add a goal")
        self.add_button.clicked.connect(lambda: self.edit(None))
        top.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        self.error = error_label()
        layout.addWidget(self.error)

        self.form = GoalForm(store, clock)
        self.form.hide()
        self.form.saved.connect(self._form_saved)
        layout.addWidget(self.form)
        self.list_box = QVBoxLayout()
        self.list_box.setSpacing(12)
        layout.addLayout(self.list_box)
        layout.addStretch(1)

    # -- showing -------------------------------------------------------------------

    def reload(self) -> None:
        try:
            goals = self.store.goals()
        except VaultError as problem:
            show_error(self.error, str(problem))
            return
        show_error(self.error, "")
        for card in self.cards:
            self.list_box.removeWidget(card)
            card.deleteLater()
        self.cards = [GoalCard(goal, self) for goal in goals]
        for card in self.cards:
            self.list_box.addWidget(card)
        self.intro.setVisible(not goals)

    def card_for(self, goal_id: int) -> GoalCard | None:
        return next((c for c in self.cards if c.goal.id == goal_id), None)

    # -- actions -------------------------------------------------------------------

    def edit(self, goal: Goal | None) -> None:
        self.form.start(goal)

    def _form_saved(self, _goal: Goal) -> None:
        self.reload()
        self.changed.emit()

    def check_in(self, goal: Goal, day: date, note: str) -> str:
        """Save a step; returns a message when it could not be saved (the note stays)."""
        try:
            self.store.check_in(goal.id, day, note)
        except (Invalid, VaultError, GoalNotFound) as problem:
            return _message(problem)
        self.reload()
        self.changed.emit()
        return ""

    def toggle_done(self, goal: Goal) -> str:
        try:
            if goal.is_done:
                self.store.mark_undone(goal.id)
            else:
                self.store.mark_done(goal.id, self.clock.today())
        except (Invalid, VaultError, GoalNotFound) as problem:
            return _message(problem)
        self.reload()
        self.changed.emit()
        return ""

    def delete(self, goal: Goal) -> None:
        try:
            self.deleted = self.store.delete(goal.id)
        except (VaultError, GoalNotFound) as problem:
            show_error(self.error, _message(problem))
            return
        self.undo_text.setText(
            f"Goal deleted, with {plural(len(self.deleted.check_ins), 'check-in')}."
        )
        self.undo_button.show()
        self.undo_bar.show()
        self.undo_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.reload()
        self.changed.emit()

    def undo_delete(self) -> None:
        goal, self.deleted = self.deleted, None
        if goal is None:
            return
        try:
            self.store.restore(goal)
        except VaultError as problem:
            self.deleted = goal  # kept, so the next Undo can try again
            self.undo_text.setText(str(problem))
            return
        self.undo_bar.hide()
        self.reload()
        self.changed.emit()
