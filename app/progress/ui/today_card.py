"""The Today page's Progress card: your run of days (unless you hid streaks) and, once,
the newest milestone you reached, celebrated kindly."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.context import AreaContext
from app.progress.gather import TodayGlance, today_glance
from app.vault import VaultError
from app.widgets.forms import card, label

STREAKS_HIDDEN = "Your days are gathering in Progress, whenever you want to look."


class ProgressTodayCard(QWidget):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Your progress")
        self.streak = label("")
        self.streak.setAccessibleDescription("Your run of days")
        self.milestone_title = label("", "cardTitle")
        self.milestone_text = label("")
        self.milestone_box = QWidget()
        box = QVBoxLayout(self.milestone_box)
        box.setContentsMargins(0, 6, 0, 0)
        box.addWidget(self.milestone_title)
        box.addWidget(self.milestone_text)
        self.open_button = QPushButton("See your progress")
        self.open_button.setAccessibleName("See your progress")
        self.open_button.clicked.connect(lambda: context.open_area("progress"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 4, 0, 0)
        row.addWidget(self.open_button)
        row.addStretch(1)
        holder = QWidget()
        holder.setLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(card("The way you have come", self.streak, self.milestone_box, holder))
        self.glance: TodayGlance | None = None
        try:
            # Marks the milestone shown as celebrated: it appears here once, then waits
            # in the Progress view's list.
            self.glance = today_glance(context.vault, context.clock.today())
        except VaultError as problem:
            self.streak.setText(str(problem))
            self.milestone_box.hide()
            return
        self._fill(self.glance)

    def _fill(self, glance: TodayGlance) -> None:
        self.streak.setText(STREAKS_HIDDEN if glance.streak is None else glance.streak.sentence)
        milestone = glance.milestone
        self.milestone_box.setVisible(milestone is not None)
        if milestone is not None:
            self.milestone_title.setText(f"A milestone: {milestone.title}")
            self.milestone_text.setText(milestone.text)
            self.milestone_box.setAccessibleName(f"A milestone: {milestone.title}")
            self.milestone_box.setAccessibleDescription(milestone.text)
