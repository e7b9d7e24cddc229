"""The shared live-feedback editor: the coach reads as you type, marks what may land
badly in the text itself, and explains each point kindly in a list beside it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLayout,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.practice.checks import kind_label, summary
from app.practice.coach import HARSH, Analysis, Flag, analyze
from app.widgets.forms import label, scroll_area
from app.widgets.tasks import TaskRunner

DEBOUNCE_MS = 300
# Texts at least this long are read on a worker thread: a long paste takes the coach
# seconds, and the window must keep answering meanwhile. Shorter ones take a few
# milliseconds and are read at once, so typing feels immediate.
OFF_THREAD_FROM = 2_000
READING = "Reading your words…"
UNREADABLE = "The coach could not read this text. Your words are safe; try editing it."
# Cards beyond this many would cost seconds to build on a long paste and help no one;
# the underlines in the text still mark every point.
MAX_CARDS = 12
# Soft tints, readable in light and dark: the underline style says the rest.
HARSH_COLOUR = QColor(181, 96, 36)
NOTE_COLOUR = QColor(95, 138, 122)
_EXAMPLE = re.compile(r"\"([^\"]+)\"")
# Where the sentence around a flag begins and ends, for "Use this".
_SENTENCE_END = re.compile(r"[.!?…\n]")


@dataclass(frozen=True)
class Feedback:
    """What the coach says about one text: the analysis and any exercise-specific lines."""

    analysis: Analysis
    lines: list[str] = field(default_factory=list)


def plain_check(text: str) -> Feedback:
    return Feedback(analyze(text))


def example_of(flag: Flag) -> str:
    """The kinder words built from the person's own, if the coach could build them.

    A general suggestion (about someone else's dishes or late bill) is only an example
    to learn from, never something to paste over the person's words.
    """
    return flag.example


def score_text(analysis: Analysis) -> str:
    if not analysis.text.strip():
        return "Gentleness: waiting for your words"
    return f"Gentleness {analysis.score} of 100"


def underline_format(flag: Flag) -> QTextCharFormat:
    """Harsh patterns get a wavy underline, gentler notes a dotted one, both softly tinted."""
    fmt = QTextCharFormat()
    harsh = flag.severity == HARSH
    colour = HARSH_COLOUR if harsh else NOTE_COLOUR
    fmt.setUnderlineStyle(
        QTextCharFormat.UnderlineStyle.WaveUnderline
        if harsh
        else QTextCharFormat.UnderlineStyle.DotLine
    )
    fmt.setUnderlineColor(colour)
    tint = QColor(colour)
    tint.setAlpha(40 if harsh else 26)
    fmt.setBackground(tint)
    fmt.setToolTip(f"May land as {kind_label(flag.kind)}")
    return fmt


class FlagCard(QFrame):
    """One point the coach makes: what, why, a kinder way, and the two buttons."""

    def __init__(self, flag: Flag, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flag = flag
        self.setObjectName("flagCard" if flag.severity == HARSH else "noteCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        # The card's narrowest is minimumSizeHint() below, not the buttons side by side.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        heading = (
            f"This may land as {kind_label(flag.kind)}"
            if flag.severity == HARSH
            else f"A gentle note: {kind_label(flag.kind)}"
        )
        self.heading = label(heading, "cardTitle")
        self.excerpt = label(f"“{flag.excerpt}”", "hint")
        self.why = label(flag.why)
        self.example = example_of(flag) if editable else ""
        # Say plainly whether the kinder words are built from yours or only an example.
        tried = flag.suggestion if flag.example else f"For example: {flag.suggestion}"
        self.suggestion = label(tried, "suggestion")
        for widget in (self.heading, self.excerpt, self.why, self.suggestion):
            layout.addWidget(widget)
        # Side by side where they fit, one above the other in a narrow column (a 900-px
        # window): never squeezed, and never pushing the notes under the scroll bar.
        self.buttons = row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(6)
        self.show_button = QPushButton("Show me")
        self.show_button.setAccessibleName(f"Show me where: {kind_label(flag.kind)}")
        row.addWidget(self.show_button)
        self.use_button = QPushButton("Use this")
        self.use_button.setAccessibleName(f"Use the kinder words for {kind_label(flag.kind)}")
        self.use_button.setToolTip("Replace this sentence with the kinder words made from yours")
        self.use_button.setVisible(bool(self.example))
        row.addWidget(self.use_button)
        row.addStretch(1)
        layout.addLayout(row)

    def minimumSizeHint(self) -> QSize:
        # As narrow as the buttons stacked allow, so the row below can choose.
        hint = super().minimumSizeHint()
        margins = self.layout().contentsMargins()
        stacked = max(b.sizeHint().width() for b in (self.show_button, self.use_button))
        return QSize(stacked + margins.left() + margins.right(), hint.height())

    def resizeEvent(self, event) -> None:
        margins = self.layout().contentsMargins()
        room = event.size().width() - margins.left() - margins.right()
        shown = [b for b in (self.show_button, self.use_button) if not b.isHidden()]
        side_by_side = sum(b.sizeHint().width() for b in shown) + self.buttons.spacing()
        direction = (
            QBoxLayout.Direction.LeftToRight
            if room >= side_by_side
            else QBoxLayout.Direction.TopToBottom
        )
        if self.buttons.direction() != direction:
            self.buttons.setDirection(direction)
        super().resizeEvent(event)


class FeedbackEditor(QWidget):
    """A text box the coach reads (debounced) with a list of its points beside it.

    `check(text) -> Feedback` is what the coach does with the text; exercises pass their
    own (listening, apology, a comparison). Read-only editors show assembled text (a
    preview) and offer "Show me" but not "Use this".
    """

    analysed = Signal(object)  # Feedback

    def __init__(
        self,
        check: Callable[[str], Feedback] = plain_check,
        *,
        editable: bool = True,
        accessible_name: str = "Your words",
        placeholder: str = "",
        live: bool = True,
        hide_strengths: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self.editable = editable
        self.live = live
        self._hide_strengths = hide_strengths
        self.feedback = Feedback(analyze(""))
        self._checked_text = ""
        # Set by the view (context.tasks): long texts are then read off the GUI thread.
        self.runner: TaskRunner | None = None
        self._asked = 0  # which request the newest answer must belong to

        self.editor = QTextEdit()
        self.editor.setAcceptRichText(False)
        self.editor.setTabChangesFocus(True)
        self.editor.setReadOnly(not editable)
        self.editor.setAccessibleName(accessible_name)
        self.editor.setPlaceholderText(placeholder)
        self.editor.setMinimumHeight(90)
        if not editable:
            self.editor.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByKeyboard
                | Qt.TextInteractionFlag.TextSelectableByMouse
            )
            self.editor.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        if live:  # a saved attempt is shown with its saved analysis, not a new one
            self.editor.textChanged.connect(self.timer.start)

        self.score = label(score_text(self.feedback.analysis), "score")
        self.score.setAccessibleDescription("Gentleness score")
        self.summary = label(summary(self.feedback.analysis), "hint")
        self.summary.setAccessibleDescription("What the coach thinks overall")
        self.lines = label("", "coachLines")
        self.lines.setAccessibleDescription("What the coach noticed")
        self.lines.hide()
        self.strengths = label("", "strengths")
        self.strengths.setAccessibleDescription("What you did well")
        self.strengths.hide()

        self.cards: list[FlagCard] = []
        self._cards_box = QVBoxLayout()
        self._cards_box.setContentsMargins(0, 0, 0, 0)
        self._cards_box.setSpacing(8)
        side_body = QWidget()
        side = QVBoxLayout(side_body)
        side.setContentsMargins(0, 0, 6, 0)
        side.setSpacing(8)
        for widget in (self.score, self.summary, self.lines):
            side.addWidget(widget)
        side.addLayout(self._cards_box)
        self.more = label("", "hint")
        self.more.setAccessibleDescription("More points further on")
        self.more.hide()
        side.addWidget(self.more)
        side.addWidget(self.strengths)
        side.addStretch(1)
        # Down only: the notes wrap to the column, never slide under its scroll bar.
        self.side = scroll_area(side_body, name="The coach's notes", sideways=False)
        self.side.setObjectName("coachPanel")
        self.side.setMinimumWidth(200)
        self.side.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.side, 1)

    # -- text ------------------------------------------------------------------------

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        if text != self.text():
            self.editor.setPlainText(text)

    def current(self) -> Feedback:
        """The coach's view of the text as it is now (checking at once if a check is due)."""
        if self.live and (self.timer.isActive() or self._checked_text != self.text()):
            self.timer.stop()
            self._asked += 1  # an answer still on its way is now out of date
            self._checked_text = self.text()
            self.show_feedback(self._check(self._checked_text))
        elif self.live and self.feedback.analysis.text != self.text():
            # Asked for while a long text is still being read: read it here, once.
            self._asked += 1
            self.show_feedback(self._check(self.text()))
        return self.feedback

    def settled(self) -> bool:
        """Whether the coach's notes are for the text as it is now, so current() answers
        at once. A long text not yet read is sent to be read off the GUI thread, and
        `analysed` says when it is done; a short one current() reads in a moment."""
        text = self.text()
        up_to_date = self.feedback.analysis.text == text and not self.timer.isActive()
        if not self.live or up_to_date or self.runner is None or len(text) < OFF_THREAD_FROM:
            return True
        if self.timer.isActive() or self._checked_text != text:
            self.refresh()
        return False

    @property
    def reading(self) -> bool:
        """True while a long text is being read on a worker thread."""
        return self.feedback.analysis.text != self._checked_text

    # -- the coach -------------------------------------------------------------------

    def refresh(self) -> None:
        self.timer.stop()
        text = self.text()
        self._checked_text = text
        self._asked += 1
        if self.runner is None or len(text) < OFF_THREAD_FROM:
            self.show_feedback(self._check(text))
            return
        asked, check = self._asked, self._check
        self.summary.setText(READING)
        self.runner.run(
            lambda: check(text),
            lambda feedback: self._arrived(asked, feedback),
            lambda _error: self._failed(asked),
        )

    def _arrived(self, asked: int, feedback: Feedback) -> None:
        # A newer request is on its way, or the text changed: this answer is stale.
        if asked == self._asked and feedback.analysis.text == self.text():
            self.show_feedback(feedback)

    def _failed(self, asked: int) -> None:
        if asked == self._asked:
            self.summary.setText(UNREADABLE)

    def show_feedback(self, feedback: Feedback) -> None:
        self.feedback = feedback
        analysis = feedback.analysis
        self.score.setText(score_text(analysis))
        self.summary.setText(summary(analysis))
        self.lines.setText("\n".join(feedback.lines))
        self.lines.setVisible(bool(feedback.lines))
        named = [s.says for s in analysis.strengths if s.kind not in self._hide_strengths]
        named = list(dict.fromkeys(named))
        self.strengths.setText("\n".join(f"✓ {says}" for says in named))
        self.strengths.setVisible(bool(named))
        self._highlight(analysis)
        self._rebuild_cards(analysis)
        self.analysed.emit(feedback)

    def _highlight(self, analysis: Analysis) -> None:
        selections = []
        # Read the text once: toPlainText() copies the whole document each time.
        text = self.text()
        flags = analysis.flags if analysis.text == text else []
        for flag in flags:
            if flag.end > len(text):
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(flag.start)
            cursor.setPosition(flag.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = underline_format(flag)
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def _rebuild_cards(self, analysis: Analysis) -> None:
        for card in self.cards:
            self._cards_box.removeWidget(card)
            card.hide()  # at once: deleting waits for the event loop
            card.deleteLater()
        self.cards = []
        ordered = sorted(analysis.flags, key=lambda f: (f.severity != HARSH, f.start))
        hidden = len(ordered) - MAX_CARDS
        self.more.setText(
            f"…and {hidden} more further on. The underlines in your words mark them all; "
            "you might take it a paragraph at a time."
            if hidden > 0
            else ""
        )
        self.more.setVisible(hidden > 0)
        for flag in ordered[:MAX_CARDS]:
            card = FlagCard(flag, self.editable)
            card.show_button.clicked.connect(lambda _=False, f=flag: self.show_flag(f))
            card.use_button.clicked.connect(lambda _=False, c=card: self.use_example(c))
            self._cards_box.addWidget(card)
            self.cards.append(card)

    # -- the two buttons -------------------------------------------------------------

    def show_flag(self, flag: Flag) -> None:
        """Select the flagged words so the person sees exactly which ones are meant."""
        cursor = self.editor.textCursor()
        cursor.setPosition(min(flag.start, len(self.text())))
        cursor.setPosition(min(flag.end, len(self.text())), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def use_example(self, card: FlagCard) -> None:
        """Put the kinder words in place of their sentence, as one undoable edit."""
        flag = card.flag
        text = self.text()
        if not card.example or self.feedback.analysis.text != text:
            return
        start, end = sentence_around(text, flag.start, flag.end)
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(card.example)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole sentence a span sits in, with its own closing punctuation."""
    before = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    while before < start and text[before].isspace():
        before += 1
    after = _SENTENCE_END.search(text, end)
    stop = len(text) if after is None else after.end()
    while stop < len(text) and text[stop] in ".!?…\"'”)":
        stop += 1
    return before, stop


def checklist_line(done: bool, text: str) -> str:
    """A line of a checklist that says its state in words and a symbol, not by colour."""
    return f"{'✓' if done else '○'}  {text}"
