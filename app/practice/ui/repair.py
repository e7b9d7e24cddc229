"""Repair phrases: small bids to turn back toward each other, to read aloud, copy, star."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from app.clock import Clock
from app.practice.coach import analyze
from app.practice.model import ExerciseKind
from app.practice.store import PracticeStore
from app.practice.ui.exercise import Exercise
from app.practice.ui.feedback import Feedback, FeedbackEditor
from app.shared.phrases import RepairPhrase, repair_categories, repair_phrase
from app.vault import VaultError
from app.widgets.forms import label

STARRED = "starred"
STAR, NO_STAR = "★", "☆"
NOTHING_STARRED = (
    "Nothing starred yet. When a phrase feels like something you could really say, "
    "star it and it will wait for you here."
)


class RepairExercise(Exercise):
    kind = ExerciseKind.REPAIR
    title = "Repair phrases"
    intro = (
        "When a talk starts to slide, a small phrase can turn you back toward each other. "
        "Read one aloud, slowly, a couple of times; then try it in your own words."
    )

    def __init__(self, store: PracticeStore, clock: Clock) -> None:
        super().__init__()
        self._store, self._clock = store, clock
        self.categories = QComboBox()
        self.categories.setAccessibleName("Kind of repair phrase")
        for category in repair_categories():
            self.categories.addItem(category.label, category.id)
        self.categories.addItem(f"Starred {STAR}", STARRED)
        self.phrases = QListWidget()
        self.phrases.setAccessibleName("Repair phrases")
        self.phrases.setWordWrap(True)
        self.phrases.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.phrases.setMinimumHeight(150)
        self.empty = label(NOTHING_STARRED, "hint")
        self.empty.hide()

        self.chosen = label("", "quote")
        self.chosen.setAccessibleDescription("The phrase to practise")
        self.star_button = QPushButton()
        self.star_button.setCheckable(True)
        self.copy_button = QPushButton("Copy")
        self.copy_button.setAccessibleName("Copy the phrase")
        self.copied = label("", "hint")
        self.own_words = FeedbackEditor(
            accessible_name="The phrase in your own words",
            placeholder="How would you say it?",
        )

        kinds = QHBoxLayout()
        kinds_label = label("Kind of phrase")
        kinds_label.setBuddy(self.categories)  # what a screen reader calls the box on Linux
        kinds.addWidget(kinds_label)
        kinds.addWidget(self.categories)
        kinds.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.star_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.copied, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(kinds)
        layout.addWidget(self.phrases, 2)
        layout.addWidget(self.empty)
        layout.addWidget(self.chosen)
        layout.addLayout(buttons)
        layout.addWidget(label("In your own words", "cardTitle"))
        layout.addWidget(self.own_words, 2)

        self.categories.currentIndexChanged.connect(self._fill)
        self.phrases.currentItemChanged.connect(self._choose)
        self.star_button.toggled.connect(self._star)
        self.copy_button.clicked.connect(self._copy)
        self.phrase: RepairPhrase | None = None
        self._fill()

    # -- lists -----------------------------------------------------------------------

    def category(self) -> str:
        return self.categories.currentData() or ""

    def _fill(self) -> None:
        if self.category() == STARRED:
            phrases = []
            for phrase_id in self._store.favourites():
                try:
                    phrases.append(repair_phrase(phrase_id))
                except KeyError:
                    continue  # a phrase the content no longer has
        else:
            category = next(c for c in repair_categories() if c.id == self.category())
            phrases = list(category.phrases)
        starred = set(self._store.favourites())
        keep = self.phrase.id if self.phrase else None
        self.phrases.clear()
        for phrase in phrases:
            mark = STAR if phrase.id in starred else NO_STAR
            item = QListWidgetItem(f"{mark}  {phrase.text}")
            item.setData(Qt.ItemDataRole.UserRole, phrase.id)
            self.phrases.addItem(item)
        self.empty.setVisible(not phrases)
        self.phrases.setVisible(bool(phrases))
        rows = [self.phrases.item(i).data(Qt.ItemDataRole.UserRole) for i in range(len(phrases))]
        self.phrases.setCurrentRow(rows.index(keep) if keep in rows else 0)
        if not phrases:
            self._choose(None)

    def _choose(self, item: QListWidgetItem | None) -> None:
        self.phrase = repair_phrase(item.data(Qt.ItemDataRole.UserRole)) if item else None
        self.chosen.setText(f"“{self.phrase.text}”" if self.phrase else "")
        self.chosen.setVisible(self.phrase is not None)
        self.copied.clear()
        starred = self.phrase is not None and self._store.is_starred(self.phrase.id)
        blocked = self.star_button.blockSignals(True)
        self.star_button.setChecked(starred)
        self.star_button.blockSignals(blocked)
        self._label_star()
        self.star_button.setEnabled(self.phrase is not None)
        self.copy_button.setEnabled(self.phrase is not None)

    def _label_star(self) -> None:
        on = self.star_button.isChecked()
        self.star_button.setText(f"{STAR} Starred" if on else f"{NO_STAR} Star")
        self.star_button.setAccessibleName("Unstar this phrase" if on else "Star this phrase")

    # -- actions ---------------------------------------------------------------------

    def _star(self, on: bool) -> None:
        if self.phrase is None:
            return
        try:
            if on:
                self._store.star(self.phrase.id, self._clock.now())
            else:
                self._store.unstar(self.phrase.id)
        except VaultError as exc:
            blocked = self.star_button.blockSignals(True)
            self.star_button.setChecked(not on)  # show what is really saved
            self.star_button.blockSignals(blocked)
            self.copied.setText(str(exc))
            return
        self._label_star()
        self._fill()

    def _copy(self) -> None:
        if self.phrase is not None:
            QGuiApplication.clipboard().setText(self.phrase.text)
            self.copied.setText("Copied. Keep it somewhere you'll see it.")

    def select_phrase(self, phrase_id: str) -> None:
        for row in range(self.phrases.count()):
            if self.phrases.item(row).data(Qt.ItemDataRole.UserRole) == phrase_id:
                self.phrases.setCurrentRow(row)

    # -- the exercise contract -------------------------------------------------------

    def attempt_text(self) -> str:
        return self.own_words.text().strip() or (self.phrase.text if self.phrase else "")

    def feedback(self) -> Feedback:
        if self.own_words.text().strip():
            return self.own_words.current()
        return Feedback(analyze(self.attempt_text()))

    def parts(self) -> dict[str, str]:
        return {
            "phrase": self.phrase.id if self.phrase else "",
            "text": self.own_words.text(),
        }

    def restore(self, draft: dict[str, Any]) -> None:
        phrase_id = draft.get("phrase")
        if isinstance(phrase_id, str) and phrase_id:
            try:
                phrase = repair_phrase(phrase_id)
            except KeyError:
                phrase = None
            if phrase is not None:
                self.categories.setCurrentIndex(self.categories.findData(phrase.category))
                self.select_phrase(phrase_id)
        if isinstance(draft.get("text"), str):
            self.own_words.set_text(draft["text"])
