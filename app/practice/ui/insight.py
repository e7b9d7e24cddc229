"""Share an insight: "When I..., I... - and I'm practising..."."""

from __future__ import annotations

from app.practice import model
from app.practice.model import ExerciseKind
from app.practice.ui.builder import SentenceBuilder
from app.practice.ui.feedback import plain_check


class InsightBuilder(SentenceBuilder):
    kind = ExerciseKind.INSIGHT
    title = "Share an insight"
    intro = (
        "Tell your partner something you have learned about yourself: what sets you off, "
        "what you tend to do, and what you are practising instead. It invites them in."
    )
    parts_spec = (
        ("when", "When I…", "feel criticised"),
        ("i_do", "I…", "go quiet and pull away"),
        ("practising", "and I'm practising…", 'saying "I need a minute" and coming back'),
    )
    preview_title = "What you might say"

    def __init__(self) -> None:
        super().__init__(model.insight, plain_check)
        # "I" alone tells a screen reader user little: each field says what it asks.
        for key, name in (
            ("when", "When I: what sets you off"),
            ("i_do", "I: what you tend to do then"),
            ("practising", "and I'm practising: what you do instead"),
        ):
            self.fields[key].setAccessibleName(name)

    def _update_preview(self) -> None:
        parts = self.parts()
        self.preview.set_text(model.insight(parts["when"], parts["i_do"], parts["practising"]))
