"""Each exercise, driven with keyboard and mouse as a person would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.practice import model
from app.practice.model import ExerciseKind
from app.practice.store import PracticeStore
from app.practice.ui.apology import UNDOING
from app.practice.ui.repair import NOTHING_STARRED


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose_in_list(qtbot, widget, text):
    """Click the list row that reads `text` (or contains it)."""
    for row in range(widget.count()):
        if text in widget.item(row).text():
            rect = widget.visualItemRect(widget.item(row))
            qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"no row with {text!r}")


def test_chooser_offers_six_exercises_and_the_history(qtbot, view):
    titles = [view.chooser.item(i).text() for i in range(view.chooser.count())]
    assert titles == [
        "Gentle start-up",
        "Rewrite a harsh start-up",
        "Active listening",
        "Repair phrases",
        "Own my part",
        "Share an insight",
        "Your attempts",
    ]
    choose_in_list(qtbot, view.chooser, "Active listening")
    assert view.current_key() == "listening"
    assert view.stack.currentWidget().accessibleName() == "Active listening"
    for widget in view.findChildren(type(view.save_button)):
        assert widget.accessibleName(), widget.text()


def test_gentle_startup_with_the_pickers_and_a_live_preview(qtbot, view):
    builder = view.exercises[ExerciseKind.STARTUP]
    qtbot.keyClicks(builder.fields["noticed"], "you were on your phone during dinner")
    builder.feelings.setFocus()
    qtbot.keyClicks(builder.feelings, "lonely")
    assert builder.fields["feeling"].text() == "lonely"
    builder.needs.setFocus()
    qtbot.keyClicks(builder.needs, "empathy")
    assert builder.fields["need"].text() == "empathy"
    qtbot.keyClicks(builder.fields["request"], "put the phones in the basket at dinner")
    expected = (
        "When I noticed you were on your phone during dinner, I felt lonely because I need "
        "empathy. Would you be willing to put the phones in the basket at dinner?"
    )
    assert builder.preview.text() == expected
    assert builder.preview.editor.isReadOnly()
    qtbot.waitUntil(lambda: builder.preview.feedback.analysis.text == expected)
    assert not builder.preview.feedback.analysis.harsh
    assert builder.preview.strengths.text().count("✓") >= 3
    # Another pick (the arrow keys browse) replaces the word; typing can add to it.
    builder.feelings.setFocus()
    qtbot.keyClick(builder.feelings, Qt.Key.Key_Down)
    assert builder.fields["feeling"].text() == "distant"
    qtbot.keyClicks(builder.fields["feeling"], " and a bit lonely")
    assert "I felt distant and a bit lonely because" in builder.preview.text()


def test_rewrite_compares_with_the_harsh_line(qtbot, view):
    choose_in_list(qtbot, view.chooser, "Rewrite")
    rewrite = view.exercises[ExerciseKind.REWRITE]
    rewrite.picker.theme.setFocus()
    qtbot.keyClicks(rewrite.picker.theme, "Chores")
    assert rewrite.scenario.id == "chores-dishes"
    assert rewrite.harsh.text() == f"“{rewrite.scenario.harsh_line}”"
    assert not rewrite.example.isVisible()
    click(qtbot, rewrite.example_button)
    assert rewrite.example.isVisible()
    assert rewrite.example.text() == rewrite.scenario.kinder_example
    qtbot.keyClicks(
        rewrite.editor.editor,
        "I felt tired when I saw the sink, because I need the evenings to feel shared. "
        "Would you be willing to do the dishes before dinner?",
    )
    qtbot.waitUntil(lambda: "gone" in rewrite.editor.lines.text())
    lines = rewrite.editor.lines.text()
    assert "The criticism from your first version is gone." in lines
    assert "Gentleness went from 40 to" in lines


def test_active_listening_checks_the_three_parts_and_rebuttals(qtbot, view):
    choose_in_list(qtbot, view.chooser, "Active listening")
    listening = view.exercises[ExerciseKind.LISTENING]
    assert listening.partner.text() == f"“{listening.scenario.partner_words}”"
    qtbot.keyClicks(listening.editor.editor, "That's not true, I notice plenty.")
    qtbot.waitUntil(lambda: listening.check is not None and listening.check.rebuttal)
    lines = listening.editor.lines.text()
    assert "○  Try saying back" in lines
    assert "argues your side" in lines
    assert {c.flag for c in listening.editor.cards} >= set(listening.check.rebuttals)
    listening.editor.editor.clear()
    qtbot.keyClicks(
        listening.editor.editor,
        "It sounds like you had a brutal day and felt I only notice what you haven't "
        "done. That makes sense. What would help tonight?",
    )
    qtbot.waitUntil(lambda: listening.check.question and not listening.check.rebuttal)
    lines = listening.editor.lines.text()
    assert "✓  You reflected back what you heard." in lines
    assert "✓  You let them know their feelings make sense." in lines
    assert "✓  You asked a question" in lines


def test_repair_phrases_star_and_unstar_persist(qtbot, view, make_view, vault):
    choose_in_list(qtbot, view.chooser, "Repair phrases")
    repair = view.exercises[ExerciseKind.REPAIR]
    repair.categories.setFocus()
    qtbot.keyClicks(repair.categories, "Stop")
    assert repair.categories.currentText() == "Stop and start over"
    choose_in_list(qtbot, repair.phrases, "Can we start over?")
    assert repair.phrase.id == "start_over.1"
    assert repair.star_button.text() == "☆ Star"
    click(qtbot, repair.star_button)
    assert repair.star_button.text() == "★ Starred"
    assert PracticeStore(vault).is_starred("start_over.1")
    click(qtbot, repair.copy_button)
    assert "Copied" in repair.copied.text()

    again = make_view()
    choose_in_list(qtbot, again.chooser, "Repair phrases")
    repair = again.exercises[ExerciseKind.REPAIR]
    repair.categories.setFocus()
    qtbot.keyClicks(repair.categories, "Starred")
    assert [repair.phrases.item(i).text() for i in range(repair.phrases.count())] == [
        "★  Can we start over? I don't like how this began."
    ]
    assert repair.star_button.isChecked()
    click(qtbot, repair.star_button)
    assert not PracticeStore(vault).is_starred("start_over.1")
    assert repair.empty.isVisible()
    assert repair.empty.text() == NOTHING_STARRED


def test_apology_steps_and_what_undoes_it(qtbot, view):
    choose_in_list(qtbot, view.chooser, "Own my part")
    apology = view.exercises[ExerciseKind.APOLOGY]
    qtbot.keyClicks(apology.fields["did"], "I yelled, but you started it")
    qtbot.keyClicks(apology.fields["effect"], "feeling shut out")
    assert apology.preview.text() == (
        "I'm sorry that I yelled, but you started it. I can see it may have left you "
        "feeling shut out."
    )
    qtbot.waitUntil(lambda: UNDOING in apology.preview.lines.text())
    kinds = {card.flag.kind for card in apology.preview.cards}
    assert {"apology_but", "defensiveness"} <= kinds
    assert not any(card.use_button.isVisible() for card in apology.preview.cards)
    apology.fields["did"].clear()
    qtbot.keyClicks(apology.fields["did"], "I yelled at you")
    qtbot.keyClicks(apology.fields["will"], "ask for a pause when I feel it rising")
    qtbot.waitUntil(lambda: "Nothing here undoes your apology." in apology.preview.lines.text())
    assert "✓  You named your part" in apology.preview.lines.text()


def test_apology_for_their_feelings_is_noticed(qtbot, view):
    view.open_exercise("apology")
    apology = view.exercises[ExerciseKind.APOLOGY]
    qtbot.keyClicks(apology.fields["did"], "you feel upset")
    qtbot.waitUntil(lambda: UNDOING in apology.preview.lines.text())
    assert any(c.flag.kind == "undoes_apology" for c in apology.preview.cards)


def test_share_an_insight(qtbot, view):
    choose_in_list(qtbot, view.chooser, "Share an insight")
    insight = view.exercises[ExerciseKind.INSIGHT]
    qtbot.keyClicks(insight.fields["when"], "feel criticised")
    qtbot.keyClicks(insight.fields["i_do"], "go quiet")
    qtbot.keyClicks(insight.fields["practising"], "asking for a minute and coming back")
    expected = model.insight("feel criticised", "go quiet", "asking for a minute and coming back")
    assert insight.preview.text() == expected
    qtbot.waitUntil(lambda: insight.preview.feedback.analysis.text == expected)
    assert not insight.preview.feedback.analysis.harsh


def test_a_request_opens_an_exercise_or_a_phrase(qtbot, view):
    view.handle_request(exercise="repair", phrase="get_to_yes.2")
    assert view.current_key() == "repair"
    assert view.exercises[ExerciseKind.REPAIR].phrase.id == "get_to_yes.2"


@pytest.mark.parametrize("size", [(870, 640), (700, 540)])
def test_every_placeholder_fits_its_box_at_the_default_and_smallest_sizes(qtbot, view, size):
    # Qt draws a placeholder on one line and cuts it off; at 1100x720 the Practise
    # page gets about 870 pixels beside the sidebar, at 900x600 about 700.
    from app.practice.ui.feedback import FeedbackEditor

    view.resize(*size)
    for key in ("startup", "rewrite", "listening", "repair", "apology", "insight"):
        view.open_exercise(key)
        qtbot.waitUntil(lambda k=key: view.current_key() == k)
        for editor in view.stack.currentWidget().findChildren(FeedbackEditor):
            box = editor.editor
            text = box.placeholderText()
            if text:
                width = box.fontMetrics().horizontalAdvance(text)
                assert width < box.viewport().width() - 8, (key, text)
