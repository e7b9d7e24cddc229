"""Search, filters, the Today card and the shortcuts, as a person uses them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from app.config import Config
from app.reflect.model import Entry, EntryFilter, Kind
from app.reflect.query import Span
from app.reflect.store import ReflectStore
from app.reflect.ui.search import spans_to_html
from app.reflect.ui.today_card import PromptCard
from app.reflect.ui.view import ReflectView
from app.shell.areas import AREAS
from app.shell.session import Session
from app.widgets.tasks import ImmediateTaskRunner
from tests.shell.test_session import unlock, wait_for_window

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def view(qtbot, context, store):
    store.create_many(
        [
            Entry(
                date(2026, 1, 14),
                Kind.GRATITUDE,
                "Tea <b>&</b> toast",
                "We walked to the lighthouse at dusk.",
                5,
                tags=("holiday",),
                starred=True,
            ),
            Entry(
                date(2026, 1, 10),
                Kind.SETBACK,
                "",
                "I was sharp about the lighthouse trip. <script>x</script>",
                2,
                feelings=("hurt",),
                tags=("conflict",),
            ),
            Entry(
                date(2025, 12, 20),
                Kind.REFLECTION,
                "Money talk",
                "We planned the budget.",
                3,
                feelings=("hopeful",),
                tags=("money",),
            ),
        ]
    )
    made = ReflectView(context)
    qtbot.addWidget(made)
    made.resize(1100, 700)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(made.isActiveWindow)
    return made


def test_spans_are_escaped_and_matches_marked():
    marked = spans_to_html([Span("<i>a</i> & ", False), Span("tea", True)])
    assert marked.startswith("&lt;i&gt;a&lt;/i&gt; &amp; ")
    assert "<span style=" in marked
    assert marked.endswith(">tea</span>")


def test_ctrl_f_searches_ranked_with_highlights(qtbot, view):
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    assert view.search_field.hasFocus()
    qtbot.keyClicks(view.search_field, "lighthouse")
    qtbot.waitUntil(lambda: view.left_stack.currentWidget() is view.results)
    assert view.results.count() == 2
    shown = view.results.html_of(0) + view.results.html_of(1)
    assert ">lighthouse</span>" in shown
    assert "&lt;script&gt;" in shown  # what people wrote is shown, never run as markup
    assert "<script>" not in shown
    assert "Tea &lt;b&gt;&amp;&lt;/b&gt; toast" in shown
    # Choosing a result opens its entry.
    view.results.setCurrentRow(1)
    assert "lighthouse" in view.editor.body.toPlainText()
    # Clearing the search brings the list back.
    view.search_field.clear()
    qtbot.waitUntil(lambda: view.left_stack.currentWidget() is view.list)


@pytest.mark.parametrize("text", ['"unbalanced', "AND OR NOT", "(((", "*", "a:b NEAR(", "'; DROP"])
def test_bad_search_syntax_never_raises(qtbot, view, text):
    view.search_field.setText(text)
    view.run_search()
    assert view.left_stack.currentWidget() in (view.results, view.left_empty)


def test_no_results_says_so_kindly(qtbot, view):
    qtbot.keyClicks(view.search_field, "marmalade")
    qtbot.keyClick(view.search_field, Qt.Key.Key_Return)
    assert view.left_stack.currentWidget() is view.left_empty
    assert "Nothing matches that search" in view.left_empty_text.text()


def test_filters_narrow_the_list_and_the_search(qtbot, view):
    bar = view.filter_bar
    qtbot.mouseClick(view.filter_button, LEFT)
    assert bar.isVisible()
    assert bar.tag.findData("money") > 0
    assert bar.feeling.findData("hurt") > 0
    bar.kind.setCurrentIndex(bar.kind.findData(Kind.SETBACK.value))
    assert view.model.entry_count == 1
    assert view.filter_button.text() == "Filters (1)"
    bar.kind.setCurrentIndex(0)
    bar.tag.setCurrentIndex(bar.tag.findData("money"))
    assert view.model.entry_count == 1
    bar.tag.setCurrentIndex(0)
    bar.feeling.setCurrentIndex(bar.feeling.findData("hurt"))
    assert view.model.entry_count == 1
    bar.feeling.setCurrentIndex(0)
    bar.mood_min.setCurrentIndex(bar.mood_min.findData(3))
    assert view.model.entry_count == 2
    bar.mood_max.setCurrentIndex(bar.mood_max.findData(4))
    assert view.model.entry_count == 1
    bar.clear_filters()
    bar.starred.click()
    assert view.model.entry_count == 1
    bar.starred.click()
    bar.date_from.setDate(QDate(2026, 1, 1))
    assert view.model.entry_count == 2
    bar.date_to.setDate(QDate(2026, 1, 12))
    assert bar.value() == EntryFilter(date_from=date(2026, 1, 1), date_to=date(2026, 1, 12))
    assert view.model.entry_count == 1
    # The search obeys the filters too.
    view.search_field.setText("lighthouse")
    view.run_search()
    assert view.results.count() == 1
    bar.shareable.click()  # nothing is shareable
    assert view.results.count() == 0
    view.search_field.clear()
    view.run_search()
    assert view.left_stack.currentWidget() is view.left_empty
    assert "No entries match these filters" in view.left_empty_text.text()
    qtbot.mouseClick(view.clear_filters_button, LEFT)
    assert view.model.entry_count == 3
    assert view.filter_button.text() == "Filters"


def test_today_card_offers_a_prompt_stable_for_the_day(
    qtbot, vault, clock, context, requests, view
):
    card = PromptCard(context)
    qtbot.addWidget(card)
    first = card.prompt
    assert card.text.text() == first.text
    again = PromptCard(context)
    qtbot.addWidget(again)
    assert again.prompt == first  # the same all day
    qtbot.mouseClick(card.another_button, LEFT)
    assert card.prompt != first
    assert card.text.text() == card.prompt.text
    qtbot.mouseClick(card.write_button, LEFT)
    assert requests == [("reflect", {"prompt_id": card.prompt.id})]
    view.handle_request(prompt_id=card.prompt.id)
    assert card.prompt.text in view.editor.prompt_label.text()
    assert view.editor.kind.currentData() == card.prompt.kind.value
    assert view.editor.body.hasFocus()


@pytest.fixture
def session(qtbot, paths, clock):
    paths.ensure_data_dir()
    made = Session(paths, Config(), clock=clock, tasks=ImmediateTaskRunner(), areas=AREAS)
    yield made
    made.lock()
    if made.gate is not None:
        made.gate.close()
        made.gate.deleteLater()
    from PySide6.QtCore import QEvent

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_in_the_window_ctrl_n_writes_and_lock_saves(qtbot, session, paths):
    from app.vault import Vault
    from tests.conftest import PASSPHRASE

    Vault.create(paths.vault, PASSPHRASE).close()
    session.start()
    unlock(qtbot, session)
    window = wait_for_window(qtbot, session)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles[:2] == ["Today", "Reflect"]
    card = window.findChild(PromptCard)
    assert card is not None
    qtbot.mouseClick(card.write_button, LEFT)
    assert window.current_key() == "reflect"
    view = window.view("reflect")
    assert view.editor.prompt_label.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert not view.editor.prompt_label.isVisible()
    qtbot.keyClicks(view.editor.body, "a-private-line-1234")
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert view.search_field.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)  # lock: saves at once
    qtbot.waitUntil(lambda: session.window is None)
    with Vault.open(paths.vault, PASSPHRASE) as vault:
        [row] = ReflectStore(vault).window(0, 5)
        assert ReflectStore(vault).get(row.id).body == "a-private-line-1234"


def open_reflect_in_window(qtbot, session, paths):
    from app.vault import Vault
    from tests.conftest import PASSPHRASE

    Vault.create(paths.vault, PASSPHRASE).close()
    session.start()
    unlock(qtbot, session)
    window = wait_for_window(qtbot, session)
    window.sidebar.setCurrentRow(1)
    return window, window.view("reflect")


def test_lock_asks_before_losing_words_that_could_not_be_saved(qtbot, session, paths, monkeypatch):
    from app.vault import DiskFull

    window, view = open_reflect_in_window(qtbot, session, paths)
    view.new_entry()
    qtbot.keyClicks(view.editor.body, "a-line-the-disk-refused-5521")

    def disk_full(entry):
        raise DiskFull()

    monkeypatch.setattr(view.store, "save", disk_full)
    asked: list[str] = []
    monkeypatch.setattr(session, "confirm_lossy_lock", lambda reason: asked.append(reason))

    class LaterView:  # an area after Reflect: it still saves when Reflect cannot
        flushed = 0

        def flush(self) -> None:
            LaterView.flushed += 1

    monkeypatch.setitem(window._views, "later", LaterView())
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert LaterView.flushed == 1
    assert len(asked) == 1  # the person is asked, and declines: nothing is locked
    assert "disk is full" in asked[0]
    assert "5521" not in asked[0]
    assert session.window is window
    assert view.editor.body.toPlainText() == "a-line-the-disk-refused-5521"


def test_lock_names_the_field_to_fix_when_an_entry_is_invalid(qtbot, session, paths, monkeypatch):
    window, view = open_reflect_in_window(qtbot, session, paths)
    view.new_entry(Kind.SETBACK)
    qtbot.keyClicks(view.editor.setback.happened, "private-words-8812")
    # A repair date before the setback is no longer offered; too many tags still says which.
    view.editor.tags.setText(" ".join(f"tag{i}" for i in range(40)))
    asked: list[str] = []
    monkeypatch.setattr(session, "confirm_lossy_lock", lambda reason: asked.append(reason))
    session.lock()
    assert len(asked) == 1
    assert "up to 30 tags" in asked[0]
    assert "8812" not in asked[0]
    assert view.editor.setback.happened.toPlainText() == "private-words-8812"
    assert session.window is window
    view.editor.tags.setText("home")  # fixed: now the lock saves and goes ahead
    session.lock()
    assert session.window is None


def test_switching_area_with_an_unsaved_entry_keeps_its_words(qtbot, session, paths, monkeypatch):
    from app.vault import DiskFull

    window, view = open_reflect_in_window(qtbot, session, paths)
    view.new_entry()
    qtbot.keyClicks(view.editor.body, "kept-while-away-3310")

    def disk_full(entry):
        raise DiskFull()

    monkeypatch.setattr(view.store, "save", disk_full)
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)  # to Today: the switch still happens
    assert window.current_key() == "today"
    assert window.stack.currentWidget() is not view
    monkeypatch.undo()
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # back: the words are there, and saved now
    assert view.editor.body.toPlainText() == "kept-while-away-3310"
    [row] = view.store.window(0, 5)
    assert view.store.get(row.id).body == "kept-while-away-3310"
