"""Your attempts: what you saved, with what the coach said, and a way to try again."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.practice.coach import Analysis
from app.practice.model import Attempt, AttemptSummary, ExerciseKind
from app.practice.store import PracticeStore
from app.practice.ui.feedback import Feedback, FeedbackEditor
from app.vault import VaultError
from app.widgets.forms import label

NOTHING_SAVED = (
    "Nothing saved yet. When an attempt feels worth keeping, choose Save attempt "
    "(Ctrl+S) and it will wait for you here, so you can see your words grow."
)
PREVIEW_CHARS = 70


def first_words(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1].rstrip() + "…"


class HistoryPanel(QWidget):
    """A list of saved attempts; choosing one shows it as it was, with the coach's notes."""

    try_again = Signal(object)  # Attempt

    def __init__(self, store: PracticeStore, titles: dict[ExerciseKind, str]) -> None:
        super().__init__()
        self._store, self._titles = store, titles
        self.summaries: list[AttemptSummary] = []
        self._shown: Attempt | None = None  # the one attempt loaded in full
        self.list = QListWidget()
        self.list.setAccessibleName("Saved attempts")
        self.list.setWordWrap(True)
        self.empty = label(NOTHING_SAVED, "hint")
        self.heading = label("", "cardTitle")
        self.shown = FeedbackEditor(editable=False, live=False, accessible_name="The saved attempt")
        self.again_button = QPushButton("Try again")
        self.again_button.setAccessibleName("Try this exercise again")
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setAccessibleName("Delete this attempt")
        self.delete_button.setCheckable(True)
        self.confirm = label("", "hint")

        buttons = QHBoxLayout()
        buttons.addWidget(self.again_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm)
        buttons.addWidget(self.delete_button)
        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.addWidget(self.heading)
        detail.addWidget(self.shown, 1)
        detail.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.detail, 3)

        self.list.currentRowChanged.connect(self._show)
        self.again_button.clicked.connect(self._again)
        self.delete_button.toggled.connect(self._delete_toggled)

    def reload(self, select_id: int | None = None) -> None:
        # Only the list's lines are read here; an attempt's analysis is loaded when shown.
        self.summaries = self._store.summaries()
        self._shown = None
        blocked = self.list.blockSignals(True)
        self.list.clear()
        for summary in self.summaries:
            when = summary.created_at.astimezone().strftime("%d %b %Y, %H:%M").lstrip("0")
            score = "" if summary.score is None else f" · gentleness {summary.score}"
            item = QListWidgetItem(
                f"{self._titles.get(summary.exercise, summary.exercise.value)} · {when}{score}\n"
                f"{first_words(summary.preview)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.list.addItem(item)
        self.list.blockSignals(blocked)
        has_any = bool(self.summaries)
        self.empty.setVisible(not has_any)
        self.list.setVisible(has_any)
        self.detail.setVisible(has_any)
        ids = [s.id for s in self.summaries]
        if has_any:
            self.list.setCurrentRow(ids.index(select_id) if select_id in ids else 0)
            self._show(self.list.currentRow())

    def current(self) -> Attempt | None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.summaries):
            return None
        wanted = self.summaries[row].id
        if self._shown is None or self._shown.id != wanted:
            self._shown = self._store.attempt(wanted)
        return self._shown

    def _show(self, _row: int) -> None:
        attempt = self.current()
        self._reset_delete()
        if attempt is None:
            return
        self.heading.setText(self._titles.get(attempt.exercise, attempt.exercise.value))
        self.shown.set_text(attempt.text)
        data = attempt.analysis
        try:
            analysis = Analysis.from_dict(data) if data.get("text") == attempt.text else None
        except (KeyError, TypeError, ValueError):  # notes saved by another version
            analysis = None
        if analysis is None:  # an attempt saved without (readable) coach's notes
            analysis = Analysis(attempt.text, False, _score(data))
        lines = data.get("lines")
        self.shown.show_feedback(Feedback(analysis, list(lines) if isinstance(lines, list) else []))

    def _again(self) -> None:
        attempt = self.current()
        if attempt is not None:
            self.try_again.emit(attempt)

    def _delete_toggled(self, on: bool) -> None:
        attempt = self.current()
        if attempt is None:
            return
        if on:  # the first press asks; the second deletes
            self.delete_button.setText("Yes, delete it")
            self.confirm.setText("This can't be undone.")
            return
        try:
            self._store.delete_attempt(attempt.id)
        except VaultError as exc:
            self._reset_delete()
            self.confirm.setText(str(exc))
            return
        self.reload()

    def _reset_delete(self) -> None:
        blocked = self.delete_button.blockSignals(True)
        self.delete_button.setChecked(False)
        self.delete_button.blockSignals(blocked)
        self.delete_button.setText("Delete…")
        self.confirm.clear()


def _score(data: dict) -> int:
    try:
        return int(data.get("score") or 0)
    except (TypeError, ValueError):
        return 0
