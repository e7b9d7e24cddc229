"""A sentence built from a few guided parts, with a live preview the coach reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from app.practice.ui.exercise import Exercise, form, line_field
from app.practice.ui.feedback import Feedback, FeedbackEditor
from app.widgets.forms import label


class SentenceBuilder(Exercise):
    """Subclasses list their parts as (key, label, placeholder) and how to assemble them."""

    parts_spec: tuple[tuple[str, str, str], ...] = ()
    preview_title = "Your words, all together"

    def __init__(self, assemble: Callable[..., str], check: Callable[[str], Feedback]) -> None:
        super().__init__()
        self._assemble = assemble
        self.fields: dict[str, QLineEdit] = {}
        self.form = form()
        for key, title, placeholder in self.parts_spec:
            field = line_field(title.rstrip(".…?"), placeholder)
            self.fields[key] = field
            self.form.addRow(label(title), self.field_row(key, field))
            field.textChanged.connect(self._update_preview)
        self.preview = FeedbackEditor(
            check,
            editable=False,
            accessible_name="Preview of the whole sentence",
            placeholder="Built from the lines above.",
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(self.form)
        layout.addWidget(label(self.preview_title, "cardTitle"))
        layout.addWidget(self.preview, 1)

    def field_row(self, key: str, field: QLineEdit) -> QWidget | QLineEdit:
        """A field alone, or a field with a picker beside it (see the start-up builder)."""
        return field

    @staticmethod
    def with_picker(field: QLineEdit, picker: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(field, 1)
        layout.addWidget(picker)
        return row

    def _update_preview(self) -> None:
        self.preview.set_text(self._assemble(**self.parts()))

    def attempt_text(self) -> str:
        return self.preview.text()

    def feedback(self) -> Feedback:
        return self.preview.current()

    def parts(self) -> dict[str, str]:
        return {key: field.text() for key, field in self.fields.items()}

    def restore(self, draft: dict[str, Any]) -> None:
        for key, field in self.fields.items():
            value = draft.get(key)
            if isinstance(value, str):
                field.setText(value)
