"""Three short screens the first time a vault is made: what Tend is for, how your words
are kept private, and where to begin. Skippable, and reachable again from About."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.vault import Setting
from app.widgets.forms import label

# Set once the introduction was finished or skipped, so it never returns on its own.
INTRODUCED = Setting("shell.introduced", False)


@dataclass(frozen=True)
class Start:
    """A first step offered on the last screen: which area, and what to ask it."""

    text: str
    area: str
    request: dict


STARTS = (
    Start("Write a short check-in", "reflect", {"new": True, "kind": "check_in"}),
    Start("Take one calm minute", "breathe", {"pattern": "box", "minutes": "1"}),
    Start("Practise a gentle start", "practice", {"exercise": "startup"}),
)

PAGES = (
    (
        "What Tend is for",
        "Tend is a quiet place to look after your relationship from the inside: to "
        "reflect honestly on your part, to practise saying hard things kindly, to calm "
        "your body before a difficult talk, and to see how far you have come.\n\n"
        "It is not therapy, and it does not judge. It is somewhere to think before you "
        "speak.",
    ),
    (
        "How your words stay private",
        "Everything you write lives in one file on this computer, encrypted with your "
        "passphrase.\n\n"
        "Tend never uses the internet: no account, no cloud, nothing sent anywhere.\n\n"
        "Nobody can recover a forgotten passphrase, not even us, so keep it somewhere "
        "safe. Ctrl+L locks Tend at any moment.",
    ),
    (
        "Where to begin",
        "There is no right place to start. Pick whatever fits how you feel now; "
        "everything else will be here when you want it.",
    ),
)


class FirstRunDialog(QDialog):
    """``open_area(key, **request)`` is the window's, so a first step goes straight there."""

    def __init__(self, open_area: Callable[..., object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Welcome to {APP_NAME}")
        self.setMinimumWidth(480)
        self._open_area = open_area
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        self.step = label("", "hint")
        self.step.setAccessibleDescription("Step")
        layout.addWidget(self.step)
        self.pages = QStackedWidget()
        for number, (title, text) in enumerate(PAGES):
            self.pages.addWidget(self._page(title, text, last=number == len(PAGES) - 1))
        layout.addWidget(self.pages, 1)

        row = QHBoxLayout()
        self.skip = QPushButton("&Skip")
        self.skip.setAccessibleName("Skip the introduction")
        self.back = QPushButton("&Back")
        self.next = QPushButton("&Next")
        self.next.setDefault(True)
        # Return means Next wherever focus is; Skip and Back take a deliberate press.
        for button in (self.skip, self.back):
            button.setAutoDefault(False)
        row.addWidget(self.skip)
        row.addStretch(1)
        row.addWidget(self.back)
        row.addWidget(self.next)
        layout.addLayout(row)
        self.skip.clicked.connect(self.accept)
        self.back.clicked.connect(lambda: self._go(self.pages.currentIndex() - 1))
        self.next.clicked.connect(self._forward)
        self._go(0)
        self.next.setFocus()

    def _page(self, title: str, text: str, *, last: bool) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        heading = label(title, "dialogTitle")
        body = label(text)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        body.setAccessibleName(title)
        body.setAccessibleDescription(text)
        column.addWidget(heading)
        column.addWidget(body)
        if last:
            for start in STARTS:
                button = QPushButton(start.text)
                button.clicked.connect(lambda _=False, s=start: self._begin(s))
                column.addWidget(button)
        column.addStretch(1)
        return page

    def _go(self, index: int) -> None:
        index = max(0, min(index, self.pages.count() - 1))
        self.pages.setCurrentIndex(index)
        self.step.setText(f"Step {index + 1} of {self.pages.count()}")
        self.back.setEnabled(index > 0)
        last = index == self.pages.count() - 1
        self.next.setText("&Done" if last else "&Next")
        if not self.back.isEnabled() and self.back.hasFocus():
            self.next.setFocus()
        # A screen reader hears the whole screen when it changes.
        title, text = PAGES[index]
        self.setAccessibleDescription(f"{title}. {text}")

    def _forward(self) -> None:
        if self.pages.currentIndex() == self.pages.count() - 1:
            self.accept()
        else:
            self._go(self.pages.currentIndex() + 1)

    def _begin(self, start: Start) -> None:
        self.accept()
        self._open_area(start.area, **start.request)
