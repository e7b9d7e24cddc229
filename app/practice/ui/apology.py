"""Own my part: a guided apology in four steps, watched for what may undo it."""

from __future__ import annotations

from app.practice import model
from app.practice.checks import check_apology
from app.practice.model import ExerciseKind
from app.practice.ui.builder import SentenceBuilder
from app.practice.ui.feedback import Feedback, checklist_line

UNDOING = "Something here may quietly undo the apology; the notes below show where."


def apology_check(text: str) -> Feedback:
    check = check_apology(text)
    if not text.strip():
        return Feedback(check.analysis)
    lines = [checklist_line(check.owns_it, check.lines[0])]
    if check.undoers:  # each one is explained in its own note below
        lines.append(checklist_line(False, UNDOING))
    else:
        lines += [checklist_line(True, line) for line in check.lines[1:]]
    return Feedback(check.analysis, lines)


class ApologyBuilder(SentenceBuilder):
    kind = ExerciseKind.APOLOGY
    title = "Own my part"
    intro = (
        "A real apology names what you did and stays with how it landed, without a "
        '"but". Take the four steps one at a time; the coach watches for anything that '
        "might quietly undo it."
    )
    parts_spec = (
        ("did", "1. What I did", "I raised my voice when you asked about the bills"),
        ("effect", "2. How it may have affected you", "feeling shut out and alone with it"),
        ("behind", "3. What was behind it for me", "I was scared we were falling behind"),
        ("will", "4. What I will do differently", "take a breath and ask for a pause instead"),
    )
    preview_title = "Your apology, as a draft"

    def __init__(self) -> None:
        super().__init__(model.apology_draft, apology_check)

    def _update_preview(self) -> None:
        parts = self.parts()
        self.preview.set_text(
            model.apology_draft(parts["did"], parts["effect"], parts["behind"], parts["will"])
        )
