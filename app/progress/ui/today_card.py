"""The Today page's Progress card: your run of days (unless hidden) and, once, the
newest milestone you reached, celebrated kindly."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.context import AreaContext
from app.progress.data import activity_days
from app.progress.milestones import milestones, newest
from app.progress.model import streaks
from app.progress.ui import source
from app.vault import VaultError
from app.widgets.forms import card, label


class ProgressTodayCard(QWidget):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("Your progress")
        self.streak = label("")
        self.streak.setAccessibleName("Your run of days")
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
        self.celebrated = None
        self._fill()

    def _fill(self) -> None:
        settings, today = self.context.settings, self.context.clock.today()
        try:
            data = source.read_data(self.context.vault)
            hidden = bool(settings.read(source.HIDE_STREAKS))
            grace = bool(settings.read(source.GRACE_DAY))
            done = set(settings.read(source.CELEBRATED))
        except VaultError as problem:
            self.streak.setText(str(problem))
            self.milestone_box.hide()
            return
        lived = data.lived(today)
        if hidden:
            self.streak.hide()
        else:
            runs = streaks(activity_days(lived, today), today, grace)
            self.streak.setText(runs.sentence)
        latest = newest(milestones(lived, today, grace))
        if latest is None or latest.id in done:
            self.milestone_box.hide()
            return
        self.celebrated = latest
        self.milestone_title.setText(f"A milestone: {latest.title}")
        self.milestone_text.setText(latest.text)
        self.milestone_box.setAccessibleName(f"A milestone: {latest.title}")
        # Celebrated once: from now on it waits in the Progress view's list. If the vault
        # cannot save that, it may be celebrated again next time; nothing is lost.
        with suppress(VaultError):
            settings.write(source.CELEBRATED, sorted(done | {latest.id}))
