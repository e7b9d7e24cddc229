"""The Today page's Progress card: the run of days unless hidden, a milestone once."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from app.progress.settings import HIDE_STREAKS
from app.progress.ui.today_card import STREAKS_HIDDEN, ProgressTodayCard
from app.shell.areas import AREAS
from tests.progress.view_support import TODAY, write


def card(qtbot, context) -> ProgressTodayCard:
    made = ProgressTodayCard(context)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_the_area_is_registered_with_its_view_and_card():
    spec = next(a for a in AREAS if a.key == "progress")
    assert spec.title == "Progress"
    assert spec.load_view().__name__ == "ProgressView"
    assert spec.load_today_card() is ProgressTodayCard


def test_the_card_shows_the_run_and_celebrates_the_newest_milestone_once(
    qtbot, context, vault, clock, requests
):
    for back in range(3):
        write(vault, clock, TODAY - timedelta(days=back))
    first = card(qtbot, context)
    assert first.streak.text().startswith("You have shown up 3 days running.")
    assert first.milestone_box.isVisible()
    assert first.milestone_title.text() == "A milestone: Your first entry"
    assert "real beginning" in first.milestone_text.text()

    second = card(qtbot, context)  # the next time Today is built
    assert not second.milestone_box.isVisible()
    assert second.streak.text().startswith("You have shown up 3 days running.")

    qtbot.mouseClick(second.open_button, Qt.MouseButton.LeftButton)
    assert requests == [("progress", {})]


def test_the_card_respects_hidden_streaks(qtbot, context, vault, clock):
    write(vault, clock, TODAY)
    context.settings.write(HIDE_STREAKS, True)
    shown = card(qtbot, context)
    assert shown.streak.text() == STREAKS_HIDDEN


def test_an_empty_vault_gets_an_inviting_line(qtbot, context):
    shown = card(qtbot, context)
    assert "first day" in shown.streak.text()
    assert not shown.milestone_box.isVisible()
