"""Practise: rehearse what to say, one exercise at a time, with a kind coach beside you."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AreaContext, NotSaved
from app.practice.checks import APOLOGY_RULES, LISTENING_RULES
from app.practice.coach import warm_up
from app.practice.model import Attempt, ExerciseKind
from app.practice.settings import CURRENT_EXERCISE
from app.practice.store import PracticeStore
from app.practice.ui.apology import ApologyBuilder
from app.practice.ui.exercise import Exercise
from app.practice.ui.feedback import FeedbackEditor
from app.practice.ui.history import HistoryPanel
from app.practice.ui.insight import InsightBuilder
from app.practice.ui.listening import ListeningExercise
from app.practice.ui.repair import RepairExercise
from app.practice.ui.rewrite import RewriteExercise
from app.practice.ui.startup import StartupBuilder
from app.vault import VaultError
from app.widgets.forms import label, page

HISTORY = "history"
SUBTITLE = "Rehearse the words for a hard moment, here where nothing is at stake."
STILL_READING = "The coach is still reading your words; they will be saved as soon as it is done."


class PracticeView(QWidget):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practice")
        self.setAccessibleName("Practise")
        self.context = context
        self.store = PracticeStore(context.vault)
        self._save_when_read = False  # Save was pressed while a long text was being read
        # Compile the coach's patterns off the GUI thread, so the first check is quick.
        context.tasks.run(lambda: warm_up(LISTENING_RULES, APOLOGY_RULES), _ignore, _ignore)

        self.exercises: dict[ExerciseKind, Exercise] = {
            ExerciseKind.STARTUP: StartupBuilder(),
            ExerciseKind.REWRITE: RewriteExercise(),
            ExerciseKind.LISTENING: ListeningExercise(),
            ExerciseKind.REPAIR: RepairExercise(self.store, context.clock),
            ExerciseKind.APOLOGY: ApologyBuilder(),
            ExerciseKind.INSIGHT: InsightBuilder(),
        }
        # Long pastes are read off the GUI thread, so the window never freezes.
        for exercise in self.exercises.values():
            for editor in exercise.findChildren(FeedbackEditor):
                editor.runner = context.tasks
        self.history = HistoryPanel(
            self.store, {kind: ex.title for kind, ex in self.exercises.items()}
        )
        self.history.try_again.connect(self.try_again)

        self.chooser = QListWidget()
        self.chooser.setObjectName("chooser")
        self.chooser.setAccessibleName("Exercises")
        self.chooser.setFixedWidth(192)
        self.stack = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        for kind, exercise in self.exercises.items():
            self._add_page(kind.value, exercise.title, exercise.intro, exercise)
        self._add_page(
            HISTORY,
            "Your attempts",
            "Everything you chose to save, newest first. Open one to see it again, "
            "or try the same exercise once more.",
            self.history,
        )

        self.status = label("", "hint")
        self.status.setAccessibleDescription("Save status")
        self.save_button = QPushButton("Save attempt")
        self.save_button.setAccessibleName("Save attempt")
        self.save_button.setToolTip("Save this attempt (Ctrl+S)")
        self.save_button.clicked.connect(self.save_attempt)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save_attempt)
        self.save_row = QWidget()
        row = QHBoxLayout(self.save_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)

        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self.stack, 1)
        right.addWidget(self.save_row)
        body = QHBoxLayout()
        body.setSpacing(20)
        body.addWidget(self.chooser)
        body.addLayout(right, 1)
        page(self, "Practise", SUBTITLE, body)

        self._saved_drafts: dict[str, dict[str, Any] | None] = {}
        self._restore_drafts()
        self.chooser.currentRowChanged.connect(self._show_row)
        current = context.settings.read(CURRENT_EXERCISE)
        self._saved_current = ""  # written on the first flush, as before
        self.open_exercise(current if current in self._pages else CURRENT_EXERCISE.default)
        self._show_row(self.chooser.currentRow())

    # -- pages -----------------------------------------------------------------------

    def _add_page(self, key: str, title: str, intro: str, content: QWidget) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.chooser.addItem(item)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(8)
        layout.addWidget(label(title, "exerciseTitle"))
        layout.addWidget(label(intro, "hint"))
        layout.addSpacing(4)
        layout.addWidget(content, 1)
        page.setAccessibleName(title)
        self._pages[key] = page
        self.stack.addWidget(page)

    def current_key(self) -> str:
        item = self.chooser.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ExerciseKind.STARTUP.value

    def current_exercise(self) -> Exercise | None:
        key = self.current_key()
        return None if key == HISTORY else self.exercises[ExerciseKind(key)]

    def open_exercise(self, key: str) -> None:
        for row in range(self.chooser.count()):
            if self.chooser.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.chooser.setCurrentRow(row)

    def _show_row(self, _row: int) -> None:
        key = self.current_key()
        self.stack.setCurrentWidget(self._pages[key])
        self.save_row.setVisible(key != HISTORY)
        self.status.clear()
        if key == HISTORY:
            self.history.reload()

    def handle_request(self, **request: Any) -> None:
        exercise = request.get("exercise")
        if isinstance(exercise, str) and exercise in self._pages:
            self.open_exercise(exercise)
        phrase = request.get("phrase")
        if isinstance(phrase, str):
            self.exercises[ExerciseKind.REPAIR].restore({"phrase": phrase})

    # -- saving ----------------------------------------------------------------------

    def save_attempt(self) -> Attempt | None:
        """Save the current exercise's text with the coach's notes; attempts are explicit."""
        exercise = self.current_exercise()
        if exercise is None:
            return None
        text = exercise.attempt_text()
        if not text.strip():
            self.status.setText("There is nothing to save yet; write a little first.")
            return None
        # A long text still being read: save once the coach is done, never by reading it
        # again here on the GUI thread (the window would freeze for as long).
        reading = [e for e in exercise.findChildren(FeedbackEditor) if not e.settled()]
        if reading:
            self.status.setText(STILL_READING)
            if not self._save_when_read:
                self._save_when_read = True
                reading[0].analysed.connect(
                    self._saving_now_read, Qt.ConnectionType.SingleShotConnection
                )
            return None
        feedback = exercise.feedback()
        analysis = feedback.analysis.to_dict()
        analysis["lines"] = list(feedback.lines)
        analysis["parts"] = exercise.parts()
        try:
            saved = self.store.save_attempt(
                Attempt(
                    exercise.kind,
                    text,
                    self.context.clock.now(),
                    scenario_id=exercise.scenario_id(),
                    analysis=analysis,
                )
            )
        except VaultError as exc:
            self.status.setText(f"{exc} Your words are still here; try saving again.")
            return None
        # No history reload here: the list is read again when it is opened, newest first.
        self.status.setText("Saved. You'll find it under Your attempts.")
        return saved

    def _saving_now_read(self, _feedback: object) -> None:
        self._save_when_read = False
        self.save_attempt()

    def try_again(self, attempt: Attempt) -> None:
        self.open_exercise(attempt.exercise.value)
        self.exercises[attempt.exercise].try_again(attempt)
        self.status.setText("Here it is again. Take your time.")

    # -- drafts: typed text survives a lock, without being saved as an attempt ------------

    def _restore_drafts(self) -> None:
        drafts = self.store.drafts()
        for kind, exercise in self.exercises.items():
            draft = drafts.get(kind.value)
            if draft is not None:
                exercise.restore(draft)
                self._saved_drafts[kind.value] = draft

    def flush(self) -> None:
        """Keep half-typed drafts in the vault; never save an attempt silently.

        NotSaved when the vault cannot keep them: the words stay on screen meanwhile.
        """
        changed: dict[str, dict[str, Any] | None] = {}
        for kind, exercise in self.exercises.items():
            draft: dict[str, Any] | None = exercise.draft()
            if not any(isinstance(v, str) and v.strip() for k, v in draft.items() if k != "phrase"):
                draft = None
            if draft != self._saved_drafts.get(kind.value):
                changed[kind.value] = draft
        current = self.current_key()
        try:
            if changed:
                self.store.save_drafts(changed)
                self._saved_drafts.update(changed)
            if current != self._saved_current:
                self.context.settings.write(CURRENT_EXERCISE, current)
                self._saved_current = current
        except VaultError as exc:
            raise NotSaved(f"Your practice words could not be kept for later. {exc}") from None


def _ignore(_value: object) -> None:
    """Warming up is a courtesy: if it fails, the coach compiles on first use instead."""
