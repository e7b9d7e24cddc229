"""What every exercise shares: the contract the Practise view relies on, and small
building blocks (a labelled field, a picker of words, a scenario chooser)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from app.practice import model
from app.practice.model import Attempt, ExerciseKind, Group, Scenario
from app.practice.ui.feedback import Feedback, FeedbackEditor
from app.widgets.forms import label


class Exercise(QWidget):
    """One exercise. The view saves `attempt_text()` with `feedback()` when asked."""

    kind: ExerciseKind
    title = ""
    intro = ""

    # Every exercise overrides these two; the base class has no text of its own.
    def attempt_text(self) -> str:
        raise NotImplementedError

    def feedback(self) -> Feedback:
        raise NotImplementedError

    def scenario_id(self) -> str | None:
        return None

    def parts(self) -> dict[str, str]:
        """The pieces the text was built from, saved so "Try again" can restore them."""
        return {}

    def draft(self) -> dict[str, str]:
        """What is typed but not saved, kept in the vault across a lock."""
        return self.parts()

    def restore(self, draft: dict[str, Any]) -> None:
        """Put back a draft (or a saved attempt's parts)."""

    def try_again(self, attempt: Attempt) -> None:
        parts = attempt.analysis.get("parts")
        if isinstance(parts, dict):
            self.restore(parts)


def line_field(accessible_name: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName(accessible_name)
    field.setPlaceholderText(placeholder)
    field.setClearButtonEnabled(True)
    return field


def form() -> QFormLayout:
    layout = QFormLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setHorizontalSpacing(12)
    layout.setVerticalSpacing(8)
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return layout


class WordPicker(QComboBox):
    """A drop-down of words in groups; choosing one puts it in a field, to keep or edit."""

    def __init__(self, prompt: str, groups: tuple[Group, ...], field: QLineEdit) -> None:
        super().__init__()
        self._field = field
        self.setAccessibleName(prompt)
        self.setToolTip(prompt)
        self.addItem(prompt)
        items = self.model()
        assert isinstance(items, QStandardItemModel)
        for group in groups:
            self.addItem(f"— {group.label} —")
            items.item(self.count() - 1).setEnabled(False)
            for word in group.items:
                self.addItem(word, word)
        self.setMaxVisibleItems(16)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(11)  # "Pick a need": the field beside it gets the rest
        # Activated by a click, Enter, or typing a word's first letters: never by code.
        self.activated.connect(self._picked)

    def _picked(self, index: int) -> None:
        word = self.itemData(index)
        if word:
            self._field.setText(word)


class ScenarioPicker(QWidget):
    """Choose a theme, then one of its scenarios."""

    chosen = Signal(object)  # Scenario

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for theme_id, theme_label in model.themes().items():
            self.theme.addItem(theme_label, theme_id)
        self.scenario = QComboBox()
        self.scenario.setAccessibleName("Scenario")
        # Long titles must not widen the page: the boxes give way, the list shows all.
        for box, letters in ((self.theme, 12), (self.scenario, 16)):
            box.setMinimumContentsLength(letters)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        # One above the other, so a small window never has to scroll sideways.
        rows = QFormLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        theme_label = label("Theme")
        theme_label.setBuddy(self.theme)  # what a screen reader calls the box on Linux
        rows.addRow(theme_label, self.theme)
        scenario_label = label("Scenario")
        scenario_label.setBuddy(self.scenario)
        rows.addRow(scenario_label, self.scenario)
        self.theme.currentIndexChanged.connect(self._fill)
        self.scenario.currentIndexChanged.connect(self._chose)
        self._fill()

    def _fill(self) -> None:
        blocked = self.scenario.blockSignals(True)
        self.scenario.clear()
        for item in model.scenarios_by_theme(self.theme.currentData()):
            self.scenario.addItem(item.title, item.id)
        self.scenario.blockSignals(blocked)
        self._chose()

    def _chose(self) -> None:
        self.chosen.emit(self.current())

    def current(self) -> Scenario:
        return model.scenario(self.scenario.currentData())

    def select(self, scenario_id: str) -> None:
        try:
            wanted = model.scenario(scenario_id)
        except KeyError:
            return
        self.theme.setCurrentIndex(self.theme.findData(wanted.theme))
        self.scenario.setCurrentIndex(self.scenario.findData(scenario_id))


class ScenarioExercise(Exercise):
    """An exercise on one scenario with one text box: rewrite and active listening."""

    picker: ScenarioPicker
    scenario: Scenario
    editor: FeedbackEditor

    def attempt_text(self) -> str:
        return self.editor.text()

    def feedback(self) -> Feedback:
        return self.editor.current()

    def scenario_id(self) -> str | None:
        return self.scenario.id

    def parts(self) -> dict[str, str]:
        return {"scenario": self.scenario.id, "text": self.editor.text()}

    def restore(self, draft: dict[str, Any]) -> None:
        if isinstance(draft.get("scenario"), str):
            self.picker.select(draft["scenario"])
        if isinstance(draft.get("text"), str):
            self.editor.set_text(draft["text"])

    def try_again(self, attempt: Attempt) -> None:
        if attempt.scenario_id:
            self.picker.select(attempt.scenario_id)
        self.editor.set_text(attempt.text)
