"""Active listening: your partner speaks; you reflect, validate and ask, before your side."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from app.practice.checks import ListeningCheck, check_listening
from app.practice.model import ExerciseKind, Scenario
from app.practice.ui.exercise import ScenarioExercise, ScenarioPicker
from app.practice.ui.feedback import Feedback, FeedbackEditor, checklist_line
from app.widgets.forms import label


class ListeningExercise(ScenarioExercise):
    kind = ExerciseKind.LISTENING
    title = "Active listening"
    intro = (
        "Your partner tells you how it was for them. Before your side, let them feel "
        "heard: say back what you heard, show it makes sense, and ask a curious question."
    )

    def __init__(self) -> None:
        super().__init__()
        self.check: ListeningCheck | None = None
        self.picker = ScenarioPicker()
        self.situation = label("", "hint")
        self.partner = label("", "quote")
        self.partner.setAccessibleDescription("What your partner says")
        self.editor = FeedbackEditor(
            self._check,
            accessible_name="Your reply",
            placeholder="It sounds like…",
            hide_strengths=("paraphrase", "validation", "curious_question"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.picker)
        layout.addWidget(self.situation)
        layout.addWidget(label("Your partner says", "cardTitle"))
        layout.addWidget(self.partner)
        layout.addWidget(label("Your reply", "cardTitle"))
        layout.addWidget(self.editor, 1)
        self.picker.chosen.connect(self._show_scenario)
        self._show_scenario(self.picker.current())

    def _show_scenario(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.situation.setText(scenario.situation)
        self.partner.setText(f"“{scenario.partner_words}”")
        self.editor.refresh()

    def _check(self, text: str) -> Feedback:
        check = check_listening(text, self.scenario.partner_words)
        self.check = check
        if not text.strip():
            return Feedback(check.analysis)
        present = (check.paraphrase, check.validation, check.question)
        lines = [
            checklist_line(done, line) for done, line in zip(present, check.lines[:3], strict=True)
        ]
        lines += [checklist_line(False, line) for line in check.lines[3:]]
        return Feedback(check.analysis, lines)
