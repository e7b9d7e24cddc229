"""Gentle start-up builder: "When I noticed... I felt... because I need... Would you...?"."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.practice import model
from app.practice.model import ExerciseKind
from app.practice.ui.builder import SentenceBuilder
from app.practice.ui.exercise import WordPicker
from app.practice.ui.feedback import plain_check


class StartupBuilder(SentenceBuilder):
    kind = ExerciseKind.STARTUP
    title = "Gentle start-up"
    intro = (
        "Start a hard talk softly: what you noticed, how you felt, what you need, and one "
        "thing your partner could do. Describe the moment, not the person."
    )
    parts_spec = (
        ("noticed", "When I noticed…", "the dishes were still in the sink this evening"),
        ("feeling", "I felt…", "pick a feeling, or write your own"),
        ("need", "because I need…", "pick a need, or write your own"),
        ("request", "Would you be willing to…?", "wash up before dinner on weekdays"),
    )

    def __init__(self) -> None:
        self.feelings: WordPicker | None = None
        self.needs: WordPicker | None = None
        super().__init__(model.gentle_startup, plain_check)

    def field_row(self, key: str, field: QLineEdit) -> QWidget | QLineEdit:
        if key == "feeling":
            self.feelings = WordPicker("Pick a feeling", model.feeling_families(), field)
            return self.with_picker(field, self.feelings)
        if key == "need":
            self.needs = WordPicker("Pick a need", model.need_groups(), field)
            return self.with_picker(field, self.needs)
        return field
