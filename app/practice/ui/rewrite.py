"""Rewrite a harsh start-up: a scenario gives the line that comes out when we are hurt;
you find a gentler way, and the coach says what changed."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout

from app.practice.checks import compare
from app.practice.coach import analyze
from app.practice.model import ExerciseKind, Scenario
from app.practice.ui.exercise import ScenarioExercise, ScenarioPicker
from app.practice.ui.feedback import Feedback, FeedbackEditor
from app.widgets.forms import label


class RewriteExercise(ScenarioExercise):
    kind = ExerciseKind.REWRITE
    title = "Rewrite a harsh start-up"
    intro = (
        "Here is something that might slip out when you are hurt. Say the same thing again, "
        "gently: the feeling and the need are allowed to stay, the blame can go."
    )

    def __init__(self) -> None:
        super().__init__()
        self.picker = ScenarioPicker()
        self.situation = label("", "hint")
        self.harsh = label("", "quote")
        self.harsh.setAccessibleDescription("The harsh line")
        self.editor = FeedbackEditor(
            self._check,
            accessible_name="Your gentler version",
            placeholder="Write it here, gently…",
        )
        self.example_button = QPushButton("Show one kinder way")
        self.example_button.setAccessibleName("Show one kinder way to say it")
        self.example_button.setCheckable(True)
        self.example = label("", "example")
        self.example.setAccessibleDescription("One kinder way")
        self.example.hide()
        self.example_button.toggled.connect(self.example.setVisible)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.picker)
        layout.addWidget(self.situation)
        layout.addWidget(self.harsh)
        layout.addWidget(label("Your gentler version", "cardTitle"))
        layout.addWidget(self.editor, 1)
        row = QHBoxLayout()
        row.addWidget(self.example_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.example)
        self.picker.chosen.connect(self._show_scenario)
        self._show_scenario(self.picker.current())

    def _show_scenario(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.situation.setText(scenario.situation)
        self.harsh.setText(f"“{scenario.harsh_line}”")
        self.example.setText(scenario.kinder_example)
        self.example_button.setChecked(False)
        self.editor.refresh()

    def _check(self, text: str) -> Feedback:
        if not text.strip():
            return Feedback(analyze(text))
        comparison = compare(self.scenario.harsh_line, text)
        return Feedback(comparison.after, [f"• {line}" for line in comparison.lines])
