"""Your own breathing patterns: make, change, rename and delete them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.breathe.model import (
    NAME_FIELD,
    TIMING_FIELDS,
    BreathPattern,
    InvalidPattern,
    check_custom,
    format_seconds,
)
from app.breathe.store import BreatheStore, UnknownPattern
from app.validation import Invalid
from app.vault import VaultError
from app.widgets.forms import error_label, label, show_error

FIELD_TITLES = {
    "inhale": "Breathe in",
    "hold_in": "Hold, full",
    "exhale": "Breathe out",
    "hold_out": "Hold, empty",
}
EMPTY = (
    "You have no patterns of your own yet. Make one below, perhaps with a breath out "
    "a little longer than the breath in."
)


class PatternEditor(QWidget):
    """A list of your patterns and a form; emits the id of what changed ("" if deleted)."""

    patterns_changed = Signal(str)

    def __init__(self, store: BreatheStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.editing: str | None = None  # the id of the pattern in the form, if saved

        self.list = QListWidget()
        self.list.setAccessibleName("Your patterns")
        self.list.setMaximumHeight(130)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._picked)
        self.empty = label(EMPTY, "hint")

        self.name = QLineEdit()
        self.name.setAccessibleName("Pattern name")
        self.name.setPlaceholderText("For example: Evening wind-down")
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {NAME_FIELD: error_label()}
        self.errors[NAME_FIELD].setAccessibleDescription("Pattern name problem")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Name", self._with_error(self.name, self.errors[NAME_FIELD]))
        for key in TIMING_FIELDS:
            field = QLineEdit()
            field.setAccessibleName(f"{FIELD_TITLES[key]}, seconds")
            field.setPlaceholderText("seconds, 0 to 30")
            self.fields[key] = field
            self.errors[key] = error_label()
            self.errors[key].setAccessibleDescription(f"{FIELD_TITLES[key]} problem")
            form.addRow(FIELD_TITLES[key], self._with_error(field, self.errors[key]))
        for widget in (self.name, *self.fields.values()):
            widget.returnPressed.connect(self.save)

        self.new_button = QPushButton("New")
        self.new_button.setAccessibleName("New pattern")
        self.new_button.clicked.connect(self.new)
        self.save_button = QPushButton("Save")
        self.save_button.setAccessibleName("Save pattern")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setAccessibleName("Delete pattern")
        self.delete_button.clicked.connect(self.delete)
        for button in (self.new_button, self.save_button, self.delete_button):
            button.setMinimumWidth(64)  # below the style's usual 80, so the row fits 300 px
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        self.status = label("", "hint")
        self.status.setAccessibleDescription("Pattern status")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(
            label("Steps last up to 30 seconds, in tenths if you like; 0 skips a hold.", "hint")
        )
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.refresh()
        self.new()

    @staticmethod
    def _with_error(field: QWidget, error: QLabel) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(error)
        return box

    # -- the list ------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        blocked = self.list.blockSignals(True)
        self.list.clear()
        for pattern in self.store.custom_patterns():
            item = QListWidgetItem(f"{pattern.name}  ·  {pattern.summary}")
            item.setData(Qt.ItemDataRole.UserRole, pattern.id)
            self.list.addItem(item)
            if pattern.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(blocked)
        has_any = self.list.count() > 0
        self.list.setVisible(has_any)
        self.empty.setVisible(not has_any)

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        try:
            pattern = self.store.pattern(item.data(Qt.ItemDataRole.UserRole))
        except UnknownPattern:
            self.refresh()
            return
        self.load(pattern)

    def load(self, pattern: BreathPattern) -> None:
        assert pattern.timings is not None
        self.editing = pattern.id
        self.name.setText(pattern.name)
        for key in TIMING_FIELDS:
            self.fields[key].setText(format_seconds(getattr(pattern.timings, key)))
        self._clear_errors()
        self.status.setText("")
        self.delete_button.setEnabled(True)
        self.save_button.setText("Save changes")

    # -- actions -------------------------------------------------------------------

    def new(self) -> None:
        self.editing = None
        blocked = self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.list.blockSignals(blocked)
        self.name.clear()
        for key, value in zip(TIMING_FIELDS, ("4", "0", "6", "0"), strict=True):
            self.fields[key].setText(value)
        self._clear_errors()
        self.delete_button.setEnabled(False)
        self.save_button.setText("Save")

    def save(self) -> None:
        values = {key: field.text() for key, field in self.fields.items()}
        self._clear_errors()
        try:
            checked = check_custom(self.name.text(), values)
            if self.editing is None:
                saved = self.store.add_pattern(checked.name, checked.timings)
            else:
                saved = self.store.update_pattern(self.editing, checked.name, checked.timings)
        except InvalidPattern as problems:
            self.status.setText("")
            self._show_problems(problems.problems)
            return
        except Invalid as problem:  # the store's word, e.g. the name is taken
            self._show_problems((problem,))
            return
        except UnknownPattern:
            self.editing = None  # removed meanwhile: keep what you typed as a new one
            self.save()
            return
        except VaultError as problem:  # names the condition, never the pattern
            self.status.setText(f"{problem} Your pattern is still here in the form.")
            return
        self.refresh(select=saved.id)
        self.load(saved)
        self.status.setText("Saved. You'll find it in the pattern list.")
        self.patterns_changed.emit(saved.id)

    def delete(self) -> None:
        if self.editing is None:
            return
        try:
            self.store.delete_pattern(self.editing)
        except UnknownPattern:
            pass  # already gone
        except VaultError as problem:
            self.status.setText(f"{problem} The pattern is still here.")
            return
        self.refresh()
        self.new()
        self.status.setText("Deleted. Sessions you breathed with it stay in your history.")
        self.patterns_changed.emit("")

    def _show_problems(self, problems: tuple[Invalid, ...]) -> None:
        """Each message at its field, and the cursor in the first field to change."""
        for problem in problems:
            show_error(self.errors[problem.field], problem.message)
        first = problems[0].field
        (self.name if first == NAME_FIELD else self.fields[first]).setFocus()

    def _clear_errors(self) -> None:
        for error in self.errors.values():
            show_error(error, "")
