"""The Reflect view driven as a person would: the list, the editor, autosave, delete."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from app.context import NotSaved
from app.reflect.model import FUTURE_DAYS_ALLOWED, Entry, Kind, SetbackPattern
from app.reflect.store import ReflectStore
from app.reflect.ui.entry_list import ID_ROLE, MAX_PAGES
from app.reflect.ui.view import ReflectView
from app.vault import DiskFull
from tests.reflect.view_support import commit_text, many

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def make_view(qtbot, context):
    def make() -> ReflectView:
        view = ReflectView(context)
        qtbot.addWidget(view)
        view.resize(1100, 700)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        qtbot.waitUntil(view.isActiveWindow)  # focus and shortcuts need an active window
        return view

    return make


def click_row(qtbot, view: ReflectView, row: int) -> None:
    index = view.model.index(row)
    view.list.scrollTo(index)
    qtbot.mouseClick(view.list.viewport(), LEFT, pos=view.list.visualRect(index).center())


def saved_bodies(store: ReflectStore) -> list[str]:
    return [store.get(row.id).body for row in store.iter_rows()]


def test_empty_journal_says_so_warmly_and_offers_a_first_entry(qtbot, make_view, store):
    view = make_view()
    assert view.left_stack.currentWidget() is view.left_empty
    assert "Nothing here yet" in view.left_empty_text.text()
    assert view.right_stack.currentWidget() is view.placeholder
    assert view.first_button.text() == "Write your first entry"
    qtbot.mouseClick(view.first_button, LEFT)
    assert view.right_stack.currentWidget() is view.editor
    assert view.editor.body.hasFocus()
    qtbot.keyClicks(view.editor.body, "The first words, at last.")
    qtbot.waitUntil(lambda: store.count() == 1, timeout=5000)
    assert saved_bodies(store) == ["The first words, at last."]
    assert view.left_stack.currentWidget() is view.list
    assert view.model.entry_count == 1
    # The new entry is selected in the list, under its month's header.
    assert view.list.currentIndex().row() == 1
    assert view.model.index(0).data() == "January 2026"


def test_the_list_is_lazy_on_two_thousand_entries(qtbot, make_view, store):
    store.create_many(many(2000))
    view = make_view()
    model = view.model
    assert model.entry_count == 2000
    months = len(store.months())
    assert model.rowCount() == 2000 + months
    # Showing the first screen read one page of rows, not 2,000 of them.
    assert model.pages_fetched <= 2
    view.list.scrollToBottom()
    qtbot.waitUntil(lambda: model.pages_fetched >= 2)
    QApplication.processEvents()
    assert model.pages_fetched <= 4
    last = model.index(model.rowCount() - 1).data(ID_ROLE)
    assert store.get(last).title == "Entry number 1999"
    for offset in range(0, 2000, 100):  # walk every page: old ones are let go
        model.entry_row(model.row_of_offset(offset))
    assert model.pages_held <= MAX_PAGES


def test_month_headers_group_newest_first_and_arrows_skip_them(qtbot, make_view, store):
    store.create_many(many(20))  # 14 January back to 26 December
    view = make_view()
    model = view.model
    assert model.index(0).data() == "January 2026"
    assert not model.index(0).flags() & Qt.ItemFlag.ItemIsSelectable
    assert model.index(15).data() == "December 2025"
    click_row(qtbot, view, 14)  # the last January entry
    assert view.editor.entry.entry_date == date(2026, 1, 1)
    assert view.editor.title.text() == "Entry number 13"
    qtbot.keyClick(view.list, Qt.Key.Key_Down)
    assert view.list.currentIndex().row() == 16  # over the December header
    assert view.editor.entry.entry_date == date(2025, 12, 31)
    qtbot.keyClick(view.list, Qt.Key.Key_Up)
    assert view.editor.title.text() == "Entry number 13"
    # Each row says what it is: date, kind, title, mood and tags.
    spoken = model.index(1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "14 January 2026" in spoken
    assert "Entry number 0" in spoken
    assert "mood 1 of 5" in spoken
    assert "tags work" in spoken


def test_every_field_of_the_editor_is_saved(qtbot, make_view, store):
    view = make_view()
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL)
    editor = view.editor
    qtbot.keyClicks(editor.title, "After the phone call")
    qtbot.keyClicks(editor.body, "I listened more than I talked.")
    editor.mood.setCurrentIndex(editor.mood.findData(4))
    editor.closeness.setCurrentIndex(editor.closeness.findData(3))
    editor.feelings.action_for("hopeful").trigger()
    editor.feelings.action_for("tense").trigger()
    assert editor.feelings.text().strip() == "hopeful, tense"
    qtbot.keyClicks(editor.tags, "#Old Wounds, Home home")
    qtbot.keyClick(editor.tags, Qt.Key.Key_Return)  # finishing the field tidies it
    assert editor.tags.text() == "old, wounds, home"
    qtbot.mouseClick(editor.star, LEFT)
    assert editor.star.isChecked()
    assert "unstar" in editor.star.toolTip()
    assert not editor.shareable.isChecked()  # private unless said otherwise
    assert "summaries" in editor.shareable.accessibleDescription()
    editor.shareable.click()
    view.flush()
    [row] = store.window(0, 5)
    saved = store.get(row.id)
    assert saved.title == "After the phone call"
    assert saved.body == "I listened more than I talked."
    assert (saved.mood, saved.closeness) == (4, 3)
    assert saved.feelings == ("hopeful", "tense")
    assert saved.tags == ("old", "wounds", "home")
    assert saved.starred
    assert saved.shareable
    # "Not set" really clears a scale.
    editor.mood.setCurrentIndex(0)
    view.flush()
    assert store.get(row.id).mood is None
    assert editor.status.text() == "Saved"


def test_autosave_waits_for_a_pause_in_typing(qtbot, make_view, store):
    view = make_view()
    view.new_entry()
    qtbot.keyClicks(view.editor.body, "Slowly, ")
    assert store.count() == 0  # not on every key
    assert view.editor.timer.isActive()
    assert view.editor.status.text() == "Editing…"
    with qtbot.waitSignal(view.editor.saved, timeout=5000):
        pass
    assert saved_bodies(store) == ["Slowly, "]
    qtbot.keyClicks(view.editor.body, "then more.")
    qtbot.waitUntil(lambda: saved_bodies(store) == ["Slowly, then more."], timeout=5000)
    assert store.count() == 1  # the same entry, updated


def test_switching_entries_saves_at_once(qtbot, make_view, store):
    store.create_many([Entry(date(2026, 1, 14), body="one"), Entry(date(2026, 1, 13), body="two")])
    view = make_view()
    click_row(qtbot, view, 1)
    qtbot.keyClick(view.editor.body, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(view.editor.body, " and a half")
    click_row(qtbot, view, 2)  # before the autosave delay has passed
    assert view.editor.body.toPlainText() == "two"
    assert saved_bodies(store) == ["one and a half", "two"]


def test_delete_asks_and_can_be_undone(qtbot, make_view, store):
    kept = store.create(Entry(date(2026, 1, 12), body="stays", tags=("home",)))
    gone = store.create(Entry(date(2026, 1, 14), body="goes", feelings=("hopeful",)))
    view = make_view()
    click_row(qtbot, view, 1)
    assert view.editor.entry.id == gone.id
    qtbot.mouseClick(view.editor.delete_button, LEFT)
    assert view.confirm is not None
    assert view.confirm.isVisible()
    assert "undo" in view.confirm.informativeText()
    qtbot.mouseClick(view.confirm.defaultButton(), LEFT)  # "Keep it" is the default
    assert store.count() == 2
    qtbot.mouseClick(view.editor.delete_button, LEFT)
    qtbot.mouseClick(view.delete_confirm_button, LEFT)
    assert store.count() == 1
    assert store.get(gone.id) is None
    assert view.undo_bar.isVisible()
    assert view.right_stack.currentWidget() is view.placeholder
    qtbot.mouseClick(view.undo_button, LEFT)
    back = store.get(gone.id)
    assert back == gone  # the very entry: same id, words, feelings and timestamps
    assert back.feelings == ("hopeful",)
    assert back.created_at == gone.created_at
    assert not view.undo_bar.isVisible()
    assert view.editor.entry.id == gone.id
    assert view.model.entry_count == 2
    assert store.get(kept.id).body == "stays"


def test_the_date_picker_offers_only_dates_an_entry_may_have(qtbot, make_view, store, clock):
    """So no date can block a save, even one made by auto-lock with nobody to ask."""
    view = make_view()
    view.new_entry()
    editor = view.editor
    qtbot.keyClicks(editor.body, "Words I do not want to lose.")
    editor.date.setDate(QDate(2099, 3, 1))
    latest = clock.today() + timedelta(days=FUTURE_DAYS_ALLOWED)
    assert editor.date.date().toPython() == latest
    view.flush()
    assert editor.error_text("entry_date") == ""
    [row] = store.window(0, 1)
    assert row.entry_date == latest
    assert saved_bodies(store) == ["Words I do not want to lose."]


def test_a_failed_save_keeps_the_text_and_retries(qtbot, make_view, store, monkeypatch):
    view = make_view()
    view.new_entry()
    real_save = view.store.save

    def disk_full(entry):
        raise DiskFull()

    monkeypatch.setattr(view.store, "save", disk_full)
    qtbot.keyClicks(view.editor.body, "Everything I felt tonight.")
    qtbot.waitUntil(lambda: view.editor.save_problem.isVisible(), timeout=5000)
    message = view.editor.save_problem_text.text()
    assert "disk is full" in message
    assert "Everything I felt" not in message  # errors never quote the words
    assert view.editor.body.toPlainText() == "Everything I felt tonight."
    assert view.editor.status.text() == "Not saved yet"
    monkeypatch.setattr(view.store, "save", real_save)
    qtbot.mouseClick(view.editor.save_problem.findChild(type(view.first_button)), LEFT)
    assert saved_bodies(store) == ["Everything I felt tonight."]
    assert not view.editor.save_problem.isVisible()


def test_a_flush_that_cannot_save_raises_not_saved_for_the_shell(qtbot, make_view, monkeypatch):
    view = make_view()
    view.new_entry()

    def disk_full(entry):
        raise DiskFull()

    monkeypatch.setattr(view.store, "save", disk_full)
    qtbot.keyClicks(view.editor.body, "Words the disk could not take.")
    with pytest.raises(NotSaved) as caught:
        view.flush()  # as the shell does on lock or close: it asks, the words stay
    assert "disk is full" in str(caught.value)
    assert "Words the disk" not in str(caught.value)
    assert view.editor.body.toPlainText() == "Words the disk could not take."


def test_undo_and_redo_in_the_text(qtbot, make_view):
    view = make_view()
    view.new_entry()
    body = view.editor.body
    qtbot.keyClicks(body, "kind words")
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    assert body.toPlainText() == ""
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert body.toPlainText() == "kind words"


def test_huge_text_and_every_script_survive_a_round_trip(qtbot, make_view, store):
    view = make_view()
    view.new_entry()
    scripts = (
        "Ich vermisse dich. Je t'aime. Тоскую по тебе. אני מתגעגע. أفتقدك. "
        "我想你。あなたに会いたい。보고 싶어. मुझे तुम्हारी याद आती है. 🌧️💛👩‍❤️‍👨 e\u0301"
    )
    huge = "\n\n".join(f"Paragraph {i}: " + scripts for i in range(3000))
    view.editor.body.setPlainText(huge)
    commit_text(view.editor.title, "Λέξεις")
    view.flush()
    [row] = store.window(0, 1)
    saved = store.get(row.id)
    assert saved.body == huge
    assert len(saved.body) > 300_000
    assert saved.title == "Λέξεις"
    view.new_entry()
    view.select_entry(saved.id)
    assert view.editor.body.toPlainText() == huge


def test_setback_fields_hint_and_repair(qtbot, make_view, store):
    view = make_view()
    view.new_entry(Kind.SETBACK)
    editor = view.editor
    assert editor.setback.isVisible()
    assert editor.mood.isVisible()
    editor.setback.pattern.setCurrentIndex(
        editor.setback.pattern.findData(SetbackPattern.STONEWALLING.value)
    )
    assert "flooded" in editor.setback.pattern_hint.text()
    qtbot.keyClicks(editor.setback.happened, "I went silent at dinner.")
    qtbot.keyClicks(editor.setback.learned, "I shut down when I feel criticised.")
    qtbot.keyClicks(editor.setback.next_time, "Say I need ten minutes.")
    view.flush()
    [row] = store.window(0, 1)
    setback = store.get(row.id).setback
    assert setback.pattern is SetbackPattern.STONEWALLING
    assert setback.what_happened == "I went silent at dinner."
    assert setback.repaired_on is None
    # Later: how the two of you repaired it, and when.
    editor.setback.repaired.click()
    editor.setback.repaired_on.setDate(QDate(2026, 1, 1))  # before the setback: not offered
    assert editor.setback.repaired_on.date() == editor.date.date()
    editor.setback.repaired_on.setDate(QDate(2026, 1, 15))
    qtbot.keyClicks(editor.setback.how_repaired, "A long hug and an apology.")
    view.flush()  # saves, or raises NotSaved
    setback = store.get(row.id).setback
    assert setback.repaired_on == date(2026, 1, 15)
    assert setback.how_repaired == "A long hug and an apology."
    # Kind shapes the editor: a letter has no mood, no setback fields.
    editor.kind.setCurrentIndex(editor.kind.findData(Kind.UNSENT_LETTER.value))
    assert not editor.setback.isVisible()
    assert not editor.mood.isVisible()
    assert editor.body.placeholderText() == "Dear…"


def test_templates_lay_out_questions_and_an_untouched_one_is_not_saved(qtbot, make_view, store):
    view = make_view()
    view.new_entry(Kind.CHECK_IN)
    body = view.editor.body.toPlainText()
    assert body.startswith("## ")
    assert body.count("## ") >= 3
    view.flush()
    assert store.count() == 0  # an empty template is not an entry
    view.start_from_set("setbacks")
    assert view.editor.kind.currentData() == Kind.SETBACK.value
    assert "## What happened" in view.editor.body.toPlainText()
    qtbot.keyClicks(view.editor.body, "It started over the dishes.")
    view.flush()
    [row] = store.window(0, 1)
    saved = store.get(row.id)
    assert saved.kind is Kind.SETBACK
    assert "It started over the dishes." in saved.body
    assert saved.body.startswith("## What happened")


def test_prompts_menu_starts_an_entry_answering_a_prompt(qtbot, make_view, store):
    view = make_view()
    sets = view.prompts_menu.actions()
    assert len(sets) == len(view.library.sets)
    boundaries = next(a.menu() for a in sets if a.text() == "Space and boundaries")
    prompt_action = next(a for a in boundaries.actions() if a.data())
    prompt_action.trigger()
    prompt = view.library.get(prompt_action.data())
    assert view.editor.prompt_label.isVisible()
    assert prompt.text in view.editor.prompt_label.text()
    assert view.editor.kind.currentData() == prompt.kind.value
    qtbot.keyClicks(view.editor.body, "I need quiet mornings.")
    view.flush()
    [row] = store.window(0, 1)
    assert store.get(row.id).prompt_id == prompt.id


def test_discarding_a_fresh_draft_with_words_asks_and_can_be_undone(qtbot, make_view, store):
    view = make_view()
    view.new_entry()
    qtbot.keyClicks(view.editor.body, "Typed fast, then a slip of the mouse.")
    assert view.editor.delete_button.text() == "Discard"  # not saved yet: the timer runs
    qtbot.mouseClick(view.editor.delete_button, LEFT)
    assert view.confirm is not None  # it asks, as for any entry with words in it
    assert store.count() == 1  # and the words were saved first
    qtbot.mouseClick(view.delete_confirm_button, LEFT)
    assert store.count() == 0
    qtbot.mouseClick(view.undo_button, LEFT)
    assert saved_bodies(store) == ["Typed fast, then a slip of the mouse."]
    # An untouched draft goes without a question: there is nothing to lose.
    view.new_entry()
    qtbot.mouseClick(view.editor.delete_button, LEFT)
    assert view.confirm is None
    assert view.right_stack.currentWidget() is view.placeholder


def test_discarding_words_that_cannot_be_saved_asks_first(qtbot, make_view, store, monkeypatch):
    view = make_view()
    view.new_entry()

    def disk_full(entry):
        raise DiskFull()

    monkeypatch.setattr(view.store, "save", disk_full)
    qtbot.keyClicks(view.editor.body, "Not saved anywhere yet.")
    qtbot.mouseClick(view.editor.delete_button, LEFT)
    assert view.confirm is not None
    assert "cannot be undone" in view.confirm.informativeText()
    qtbot.mouseClick(view.confirm.defaultButton(), LEFT)  # "Keep it"
    assert view.editor.body.toPlainText() == "Not saved anywhere yet."
    qtbot.mouseClick(view.editor.delete_button, LEFT)
    qtbot.mouseClick(view.delete_confirm_button, LEFT)
    assert view.right_stack.currentWidget() is view.placeholder
    assert view.editor.body.toPlainText() == ""


def test_nothing_is_clipped_in_the_default_window(qtbot, context, store):
    from PySide6.QtWidgets import QAbstractButton

    from app import resources
    from app.shell.theme import palette_for
    from app.shell.window import MainWindow

    store.create_many(many(3))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.setStyleSheet(resources.read_text("styles/tend.qss"))  # the real look: its padding
    window.setPalette(palette_for("light"))
    window.resize(1100, 720)
    window.show()
    qtbot.waitExposed(window)
    view = window.open_area("reflect")
    # The widest moment: a setback that could not be saved yet, with a filter on.
    view.filter_button.click()
    view.filter_bar.starred.click()
    view.new_entry(Kind.SETBACK)
    qtbot.keyClicks(view.editor.body, "x")
    view.editor.tags.setText(" ".join(f"tag{i}" for i in range(40)))  # too many to save
    view.editor.setback.repaired.click()
    try:
        assert not view.editor.save()
        assert view.editor.status.text() == "Not saved yet"
        assert view.filter_button.text() == "Filters (1)"
        qtbot.waitUntil(lambda: window.width() == 1100)
        assert window.minimumSizeHint().width() <= 1100
        QApplication.processEvents()
        for button in (view.new_button, view.prompts_button, view.filter_button):
            assert button.width() >= button.sizeHint().width(), button.text()
        for button in view.editor.findChildren(QAbstractButton):
            if button.isVisible():
                assert button.width() >= button.sizeHint().width(), button.text()
        assert view.editor.status.width() >= view.editor.status.sizeHint().width()
    finally:
        view.editor.tags.setText("fixed")  # so the entry saves as the window closes
        view.editor.save()


def test_template_headings_take_the_theme_accent_light_and_dark(qtbot, make_view):
    from app.shell.theme import palette_for

    view = make_view()
    view.new_entry(Kind.CHECK_IN)
    body = view.editor.body

    def heading_colour():
        block = body.document().firstBlock()
        assert block.text().startswith("## ")  # Markdown in storage...
        marks, heading = sorted(block.layout().formats(), key=lambda f: f.start)
        # ...but the marks take neither ink nor room: the person sees a heading.
        assert (marks.start, marks.length) == (0, 3)
        assert marks.format.foreground().color().alpha() == 0
        assert marks.format.fontPointSize() <= 1
        assert heading.start == 3
        return heading.format.foreground().color().name()

    for scheme in ("light", "dark"):
        view.setPalette(palette_for(scheme))
        assert heading_colour() == palette_for(scheme).color(QPalette.ColorRole.Link).name()
    assert heading_colour() != "#3f6a5b"  # the light accent would be dim on the dark page
    assert not view.editor.dirty  # recolouring is not an edit


def test_a_pasted_paragraph_as_title_is_cut_to_fit_and_saves(qtbot, make_view, store):
    view = make_view()
    view.new_entry()
    view.editor.title.setFocus()
    QApplication.clipboard().setText("so much to say " * 40)
    qtbot.keyClick(view.editor.title, Qt.Key.Key_V, CTRL)
    assert len(view.editor.title.text()) == 300
    view.flush()
    [row] = store.window(0, 1)
    assert store.get(row.id).title.startswith("so much to say")


def test_after_undoing_a_delete_the_keyboard_is_back_in_the_list(qtbot, make_view, store):
    gone = store.create(Entry(date(2026, 1, 14), body="goes"))
    view = make_view()
    view.show()
    qtbot.waitExposed(view)
    click_row(qtbot, view, 1)
    qtbot.mouseClick(view.editor.delete_button, LEFT)
    assert view.confirm.question.text() == "Delete this entry?"  # Tend's own, calm box
    qtbot.mouseClick(view.delete_confirm_button, LEFT)
    view.undo_button.setFocus()
    qtbot.keyClick(view.undo_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.list.hasFocus())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_7)  # lands in the list, harmless
    view.flush()
    assert store.get(gone.id).entry_date == date(2026, 1, 14)


def test_the_date_pickers_offer_only_what_can_be_saved(qtbot, make_view, store, clock):
    from app.reflect.model import EARLIEST_DATE, InvalidEntry

    view = make_view()
    view.new_entry(Kind.SETBACK)
    picker = view.editor.date
    today = clock.today()
    latest = today + timedelta(days=FUTURE_DAYS_ALLOWED)
    calendar = picker.calendarWidget()
    assert calendar.maximumDate() == QDate(latest.year, latest.month, latest.day)
    assert calendar.minimumDate() == QDate(EARLIEST_DATE.year, 1, 1)
    store.create(Entry(latest, body="the last day the store takes"))
    with pytest.raises(InvalidEntry):
        store.create(Entry(latest + timedelta(days=1), body="one day too far"))
    # The repair calendar starts on the setback's own day, and follows it.
    picker.setDate(QDate(2026, 1, 10))
    repair = view.editor.setback.repaired_on
    assert repair.calendarWidget().minimumDate() == QDate(2026, 1, 10)
    picker.setDate(QDate(2026, 1, 12))
    assert repair.minimumDate() == QDate(2026, 1, 12)
    assert repair.maximumDate() == calendar.maximumDate()


def test_the_filter_calendars_open_on_this_month_and_weekends_are_calm(qtbot, make_view, clock):
    view = make_view()
    view.filter_button.setChecked(True)
    view.show()
    qtbot.waitExposed(view)
    box = view.filter_bar.date_from
    assert box.date() == box.minimumDate()  # "Any"
    calendar = box.calendarWidget()
    qtbot.mouseClick(box, LEFT, pos=QPoint(box.width() - 8, box.height() // 2))  # the arrow
    qtbot.waitUntil(calendar.isVisible)
    today = clock.today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    calendar.window().close()
    # No red weekends: a Saturday is drawn like a Wednesday.
    saturday = calendar.weekdayTextFormat(Qt.DayOfWeek.Saturday)
    assert saturday == calendar.weekdayTextFormat(Qt.DayOfWeek.Wednesday)


def test_feelings_can_be_ticked_several_at_once(qtbot, make_view):
    view = make_view()
    view.new_entry()
    button = view.editor.feelings
    family = button.menu().actions()[0].menu()
    family.popup(button.mapToGlobal(button.rect().bottomLeft()))
    qtbot.waitExposed(family)
    first, second = [a for a in family.actions() if a.isCheckable()][:2]
    for action in (first, second):
        qtbot.mouseClick(family, LEFT, pos=family.actionGeometry(action).center())
        assert family.isVisible()  # still open for the next pick
    assert view.editor.feelings.feelings() == (first.text(), second.text())
    family.close()


def test_a_letter_with_a_mood_shows_a_mood_to_change(qtbot, make_view, store):
    letter = store.create(Entry(date(2026, 1, 14), kind=Kind.UNSENT_LETTER, body="Dear", mood=4))
    view = make_view()
    view.select_entry(letter.id)
    mood = view.editor.mood
    assert not mood.isHidden()
    mood.setCurrentIndex(mood.findData(2))
    view.flush()
    assert store.get(letter.id).mood == 2
    view.new_entry(Kind.UNSENT_LETTER)
    assert mood.isHidden()  # a fresh letter does not ask


def test_a_paste_past_the_largest_entry_is_refused_and_the_text_kept(qtbot, make_view, store):
    from app.reflect.model import MAX_BODY_CHARS

    view = make_view()
    view.new_entry()
    body = view.editor.body
    body.setPlainText("My own words.")
    QApplication.clipboard().setText("x" * MAX_BODY_CHARS)
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_V, CTRL)
    assert body.toPlainText() == "My own words."
    assert "nothing was pasted" in view.editor.error_text("other")
    QApplication.clipboard().setText(" And a few more.")
    qtbot.keyClick(body, Qt.Key.Key_V, CTRL)
    assert "a few more." in body.toPlainText()
    QApplication.clipboard().clear()


def test_the_selected_row_is_a_soft_tint_in_dark_not_a_hole(qtbot, make_view, store):
    from app.shell.theme import apply_theme, palette_for

    store.create_many(many(3))
    app = QApplication.instance()
    apply_theme(app, "dark")  # as the app does: palette and stylesheet, app-wide
    try:
        view = make_view()
        view.resize(900, 500)
        view.show()
        qtbot.waitExposed(view)
        click_row(qtbot, view, 1)
        rect = view.list.visualRect(view.model.index(1))
        spot = view.list.viewport().mapTo(view, rect.topLeft()) + QPoint(10, rect.height() // 2)
        tint = view.grab().toImage().pixelColor(spot)
        page = palette_for("dark").color(QPalette.ColorRole.Window)
        assert tint.lightness() > page.lightness()  # lighter than the page, never darker
        assert tint.lightness() - page.lightness() < 40  # a tint, not a slab of accent
    finally:
        apply_theme(app, "light")
