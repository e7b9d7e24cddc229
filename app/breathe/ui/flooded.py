"""The "I'm flooded" break: the toolbar's way in (which shows a running break wherever
you are), the words beside the guide while it runs, and the card that helps you back
into the talk when it ends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.breathe import reopening, wording
from app.breathe.engine import TimerStatus
from app.breathe.model import flooded_guide
from app.breathe.ui.cards import StageCard
from app.context import AreaContext
from app.widgets.forms import label
from app.widgets.icons import icon

if TYPE_CHECKING:
    from app.breathe.ui.view import BreatheView

FLOODED_ACTION = "floodedBreakAction"  # the toolbar action's object name
IDLE_TEXT = "I'm flooded"
IDLE_TIP = "Take a 20-minute soothing break (Ctrl+Shift+B)"
OVER = "breakOver"  # the action's property: the break ended while you were elsewhere


def flooded_action(context: AreaContext, parent: QWidget) -> QAction:
    """The toolbar's "I'm flooded": a soothing break, one click away from anywhere.

    While a break runs it says so and how long is left, and brings you back to it;
    the Breathe view keeps it up to date (BreakIndicator).
    """
    action = QAction(icon("flooded.svg"), IDLE_TEXT, parent)
    action.setObjectName(FLOODED_ACTION)
    action.setToolTip(IDLE_TIP)
    action.setShortcut(QKeySequence("Ctrl+Shift+B"))
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

    def triggered() -> None:
        if action.property(OVER):  # the break is over: show how it ended, start nothing
            context.open_area("breathe")
        else:  # starts a break, or brings you back to the one running
            context.open_area("breathe", flooded=True)

    action.triggered.connect(triggered)
    return action


class BreakIndicator(QObject):
    """Keeps the toolbar's action telling the truth about a break, wherever you are.

    It ticks once a second while a break runs (even with the Breathe page out of
    sight), and ends a break that finishes while you are elsewhere, so its end is
    saved and its action says it is over.
    """

    def __init__(self, view: BreatheView) -> None:
        super().__init__(view)
        self._view = view
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)

    def action(self) -> QAction | None:
        """The window's "I'm flooded" action; None outside a window that has one."""
        window = self._view.window()
        return None if window is self._view else window.findChild(QAction, FLOODED_ACTION)

    def refresh(self) -> None:
        view, stage = self._view, self._view.stage
        if not (view.flooded and stage.active):
            self.timer.stop()
            return
        state = stage.session.state()
        if state.finished:
            stage.frame()  # ends it, out of sight or not: the view then calls ended()
            return
        paused = stage.session.status == TimerStatus.PAUSED
        left = wording.clock(state.session_seconds_left)
        text = f"Break paused · {left} left" if paused else f"On a break · {left} left"
        self._show(text, "Your soothing break: back to it (Ctrl+Shift+B)", over=False)
        if paused:
            self.timer.stop()
        elif not self.timer.isActive():
            self.timer.start()

    def ended(self, *, seen: bool) -> None:
        """The break ended; if it ended out of sight, the action says so until you look."""
        self.timer.stop()
        if seen:
            self.reset()
        else:
            self._show("Your break is over", "See how your break ended", over=True)

    def reset(self) -> None:
        self._show(IDLE_TEXT, IDLE_TIP, over=False)

    def _show(self, text: str, tip: str, *, over: bool) -> None:
        action = self.action()
        if action is None or action.text() == text:
            return
        action.setText(text)
        action.setToolTip(tip)
        action.setProperty(OVER, over)


def flooded_banner() -> QLabel:
    """Beside the guide while a break runs: what the break is for, in one sentence."""
    guide = flooded_guide()
    banner = label(f"{guide.title}. {guide.why}", "warning")
    banner.setAccessibleDescription("About this break")
    banner.hide()
    return banner


class ReopeningCard(StageCard):
    """When a break ends: a welcome back and a first sentence to reopen the talk.

    ``turn`` counts the breaks taken, so each offers the next phrase in the list. A
    break stopped early says so kindly and offers phrases that ask for more time.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.turn = 0
        self.early = False
        self.closing = label(flooded_guide().closing)
        self.closing.setAccessibleName("After your break")
        self.column.addWidget(self.closing)
        self.phrase = label("", "cardTitle")
        self.phrase.setAccessibleDescription("A phrase to reopen the talk")
        self.phrase.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.column.addWidget(self.phrase)
        row = QHBoxLayout()
        row.addStretch(1)
        self.another = QPushButton("Another phrase")
        self.another.setAccessibleName("Show another phrase")
        row.addWidget(self.another)
        self.column.addLayout(row)
        self.another.clicked.connect(self._next_phrase)

    def offer(self, *, stopped_after: float | None = None) -> None:
        """Open for a break that ended, or one stopped after `stopped_after` seconds."""
        self.early = stopped_after is not None
        if stopped_after is None:
            self.closing.setText(flooded_guide().closing)
        else:
            self.closing.setText(wording.early_break_closing(stopped_after))
        self._show_phrase()
        self.show()

    def _next_phrase(self) -> None:
        self.turn += 1
        self._show_phrase()

    def _show_phrase(self) -> None:
        pick = reopening.early_phrase_for if self.early else reopening.phrase_for
        self.phrase.setText(pick(self.turn))
