"""The live-feedback editor as a person meets it: type, see the marks, read, click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from app.practice.model import ExerciseKind

WAVY = QTextCharFormat.UnderlineStyle.WaveUnderline
DOTTED = QTextCharFormat.UnderlineStyle.DotLine


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def settled(editor):
    """The coach has read the whole text as it is now and no check is pending.

    Waiting on a count alone could catch a check made mid-typing (a slow machine
    pauses longer than the debounce), whose cards are replaced a moment later; and a
    new card is shown by a queued event, so it is waited for too before clicking.
    """
    return lambda: (
        not editor.timer.isActive()
        and editor.feedback.analysis.text == editor.text()
        and all(card.isVisible() for card in editor.cards)
    )


def marks(editor):
    """(marked words, underline style) for every highlighted span."""
    return [
        (s.cursor.selectedText(), s.format.underlineStyle())
        for s in editor.editor.extraSelections()
    ]


def test_a_harsh_line_is_marked_and_explained_after_a_pause(qtbot, view):
    view.open_exercise("repair")
    editor = view.exercises[ExerciseKind.REPAIR].own_words
    qtbot.keyClicks(editor.editor, "I feel ignored when you always come home late.")
    qtbot.waitUntil(settled(editor))
    assert len(editor.cards) == 2
    assert ("you always come home late", WAVY) in marks(editor)
    assert ("I feel ignored", DOTTED) in marks(editor)
    first, second = editor.cards
    assert first.heading.text() == "This may land as criticism"
    assert first.why.text()  # it says why, kindly
    assert second.heading.text().startswith("A gentle note")
    assert "Gentleness" in editor.score.text()
    assert "criticism" in editor.summary.text()
    assert editor.score.text() != "Gentleness 100 of 100"


def test_show_me_selects_the_words_and_use_this_puts_kinder_ones_in(qtbot, view):
    view.open_exercise("repair")
    editor = view.exercises[ExerciseKind.REPAIR].own_words
    qtbot.keyClicks(editor.editor, "You never listen to me.")
    qtbot.waitUntil(settled(editor))
    assert len(editor.cards) == 1
    card = editor.cards[0]
    click(qtbot, card.show_button)
    assert editor.editor.textCursor().selectedText() == "You never listen to me"
    assert card.use_button.isVisible()
    example = card.example
    click(qtbot, card.use_button)
    assert example.rstrip(".") in editor.text()
    assert "You never" not in editor.text()
    qtbot.waitUntil(lambda: not editor.feedback.analysis.harsh)
    assert not any(style == WAVY for _, style in marks(editor))
    qtbot.keyClick(editor.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "You never listen to me" in editor.text()  # one undo brings it back


def test_strengths_are_named_and_a_gentle_text_scores_calmly(qtbot, view):
    view.open_exercise("repair")
    editor = view.exercises[ExerciseKind.REPAIR].own_words
    assert "waiting for your words" in editor.score.text()
    qtbot.keyClicks(editor.editor, "I feel lonely tonight. Could we sit together for a bit?")
    qtbot.waitUntil(settled(editor))
    assert editor.strengths.isVisible()
    assert "✓" in editor.strengths.text()
    assert editor.cards == []
    assert editor.summary.text().startswith("Gentle")


def test_a_long_paste_shows_a_few_cards_and_still_marks_every_point(qtbot, view):
    # Thousands of cards took seconds on each pause; the marks in the text carry the rest.
    from app.practice.ui.feedback import MAX_CARDS

    view.open_exercise("repair")
    editor = view.exercises[ExerciseKind.REPAIR].own_words
    editor.editor.setPlainText("You never listen to me. " * 300)
    qtbot.waitUntil(settled(editor))
    assert len(editor.feedback.analysis.flags) == 300
    assert len(editor.cards) == MAX_CARDS
    assert editor.more.isVisible()
    assert f"{300 - MAX_CARDS} more" in editor.more.text()
    assert len(marks(editor)) == 300
    editor.editor.setPlainText("You never listen to me.")
    qtbot.waitUntil(settled(editor))
    assert len(editor.cards) == 1
    assert not editor.more.isVisible()


class HeldRunner:
    """A task runner that keeps each job until the test lets it run, as a thread pool
    would while the GUI thread carries on."""

    def __init__(self):
        self.jobs = []

    def run(self, job, on_done, on_error):
        self.jobs.append((job, on_done, on_error))

    def finish_all(self):
        jobs, self.jobs = self.jobs, []
        for job, on_done, _ in jobs:
            on_done(job())


def test_a_long_paste_is_read_off_the_gui_thread(qtbot, view):
    from app.practice.ui.feedback import OFF_THREAD_FROM, READING

    view.open_exercise("repair")
    editor = view.exercises[ExerciseKind.REPAIR].own_words
    assert editor.runner is view.context.tasks  # the view hands over its task runner
    held = HeldRunner()
    editor.runner = held
    long_text = "You never listen to me. " * (OFF_THREAD_FROM // 20)
    editor.editor.setPlainText(long_text)
    editor.refresh()
    # The GUI thread went on: nothing analysed yet, and the person is told it's coming.
    assert len(held.jobs) == 1
    assert editor.summary.text() == READING
    assert editor.reading
    held.finish_all()
    assert not editor.reading
    assert editor.feedback.analysis.text == long_text
    assert editor.feedback.analysis.harsh


def test_a_stale_answer_is_dropped_when_the_text_changed_meanwhile(qtbot, view):
    from app.practice.ui.feedback import OFF_THREAD_FROM

    view.open_exercise("repair")
    editor = view.exercises[ExerciseKind.REPAIR].own_words
    held = HeldRunner()
    editor.runner = held
    editor.editor.setPlainText("You never listen to me. " * (OFF_THREAD_FROM // 20))
    editor.refresh()
    editor.editor.setPlainText("I feel lonely tonight.")
    editor.refresh()  # short: read at once
    held.finish_all()  # the long text's answer arrives late
    assert editor.feedback.analysis.text == "I feel lonely tonight."
    assert not editor.feedback.analysis.harsh


def test_use_this_puts_words_built_from_yours_and_keeps_the_question(qtbot, view):
    view.open_exercise("repair")
    editor = view.exercises[ExerciseKind.REPAIR].own_words
    qtbot.keyClicks(editor.editor, "I feel so lonely. Why do you leave wet towels on the bed?")
    qtbot.waitUntil(settled(editor))
    card = next(c for c in editor.cards if c.flag.kind == "criticism")
    assert "leave wet towels on the bed" in card.example
    click(qtbot, card.use_button)
    text = editor.text()
    assert text.startswith("I feel so lonely. ")
    assert "Why do you" not in text
    assert "leave wet towels on the bed" in text
    assert text.rstrip().endswith("?")  # the kinder words keep their own question


def test_a_general_suggestion_is_marked_as_an_example_and_cannot_replace_words(qtbot, view):
    view.open_exercise("repair")
    editor = view.exercises[ExerciseKind.REPAIR].own_words
    qtbot.keyClicks(editor.editor, "Whatever.")
    qtbot.waitUntil(settled(editor))
    card = editor.cards[0]
    assert card.suggestion.text().startswith("For example:")
    assert not card.use_button.isVisible()


def test_the_coach_notes_wrap_inside_their_column_and_never_hide_under_the_scrollbar(qtbot):
    from PySide6.QtWidgets import QApplication, QPushButton

    from app.practice.ui.feedback import FeedbackEditor, FlagCard
    from app.shell.theme import apply_theme

    apply_theme(QApplication.instance(), "light")  # the real style sheet: its padding counts
    editor = FeedbackEditor()
    qtbot.addWidget(editor)
    editor.resize(410, 260)  # Practise's column at 900x600, scroll bar and all
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_text("You never listen. You always forget. Whatever. " * 3)
    editor.current()
    side = editor.side
    qtbot.waitUntil(lambda: side.verticalScrollBar().isVisible())
    assert not side.horizontalScrollBar().isVisible()
    assert side.widget().width() <= side.viewport().width()
    for card in side.widget().findChildren(FlagCard):
        assert card.geometry().right() < side.viewport().width()
        for button in card.findChildren(QPushButton):
            if button.isVisible():  # never squeezed below what its words need
                assert button.width() >= button.sizeHint().width()
                assert button.geometry().right() < card.width()
    # Wide, the buttons sit side by side again.
    editor.resize(900, 400)
    card = side.widget().findChildren(FlagCard)[0]
    qtbot.waitUntil(
        lambda: card.show_button.y() == card.use_button.y() or card.use_button.isHidden()
    )


def test_save_during_a_long_read_waits_for_it_and_never_reads_on_the_gui_thread(qtbot, view):
    from app.practice.ui.feedback import OFF_THREAD_FROM
    from app.practice.ui.view import STILL_READING

    view.open_exercise("rewrite")
    editor = view.exercises[ExerciseKind.REWRITE].editor
    held = HeldRunner()
    editor.runner = held
    read_here = []
    real = editor._check
    editor._check = lambda text: (read_here.append(text), real(text))[1]
    long_text = "You never listen to me. " * (OFF_THREAD_FROM // 20)
    editor.editor.setPlainText(long_text)  # typed (pasted): the pause has not passed yet
    assert view.save_attempt() is None
    assert view.save_attempt() is None  # pressed twice: still saved once
    assert view.status.text() == STILL_READING
    assert read_here == []  # nothing read on the GUI thread
    assert len(held.jobs) == 1  # sent to be read off it
    held.finish_all()
    assert "Saved" in view.status.text()
    attempts = view.store.history()
    assert [a.text for a in attempts] == [long_text]
    assert attempts[0].analysis["harsh"]
