"""The entry editor: no Save button. It saves a second after typing stops, and at once
whenever the person moves on (another entry, another view, lock, close).

A save that fails (a date to fix, a full disk) keeps every word on screen and says
so calmly; the next edit, or the next flush, tries again.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QIcon, QPalette, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import resources
from app.clock import Clock
from app.context import NotSaved
from app.reflect.model import (
    KINDS,
    MAX_BODY_CHARS,
    MAX_TITLE_CHARS,
    Entry,
    InvalidEntry,
    Kind,
    normalise_tags,
)
from app.reflect.prompts import PromptLibrary, load_library, template_for_set
from app.reflect.store import ReflectStore
from app.reflect.ui.entry_list import MOOD_WORDS, kind_icon
from app.reflect.ui.form_parts import (
    date_picker,
    field_error,
    from_qdate,
    offer_storable_dates,
    scale_box,
    to_qdate,
)
from app.reflect.ui.setback_fields import SetbackFields
from app.shared.feelings import feeling_families
from app.vault import VaultBusy, VaultError
from app.widgets.forms import label, same_height, scroll_area
from app.widgets.icons import icon
from app.widgets.menus import StayOpenMenu

AUTOSAVE_MS = 1000
WIDE_STRIP = 520  # above the strip's width with Delete in words, so the switch never jams
CLOSENESS_WORDS = {
    1: "far apart",
    2: "a little distant",
    3: "in between",
    4: "close",
    5: "very close",
}
TOO_LONG_PASTE = (
    f"That paste would make the entry longer than {MAX_BODY_CHARS:,} characters, the most "
    "one entry holds, so nothing was pasted and your text is as it was. You could split "
    "it over several entries."
)
SHAREABLE_HINT = (
    "Private unless you tick this. A shareable entry may be included in the summaries "
    "you choose to print or save; nothing is ever sent anywhere."
)


CONFLICT_NOTE = (
    "This entry was changed somewhere else after you opened it. Both versions are "
    "kept: your words here are saved as a separate entry, marked as a conflicting copy."
)


class HeadingHighlighter(QSyntaxHighlighter):
    """Markdown headings (a template's questions) stand out from the answers, in the
    theme's accent colour (light or dark) of the text box they are in.
    """

    def __init__(self, box: QPlainTextEdit) -> None:
        super().__init__(box.document())
        self._box = box
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange:  # light to dark: recolour the headings
            blocked = self._box.blockSignals(True)  # a new colour is not an edit to save
            try:
                self.rehighlight()
            finally:
                self._box.blockSignals(blocked)
        return False

    def highlightBlock(self, text: str) -> None:
        marks = heading_marks(text)
        if not marks:
            return
        form = QTextCharFormat()
        form.setFontWeight(QFont.Weight.DemiBold)
        form.setForeground(self._box.palette().color(QPalette.ColorRole.Link))
        self.setFormat(marks, len(text) - marks, form)
        # The marks stay in the text (stored as Markdown, so summaries and the terminal
        # show headings too) but take no room and no ink here: a person sees a heading.
        hidden = QTextCharFormat()
        hidden.setForeground(Qt.GlobalColor.transparent)
        hidden.setFontPointSize(1)
        self.setFormat(0, marks, hidden)


def heading_marks(line: str) -> int:
    """How many leading characters of a Markdown heading line are marks ("## " is 3)."""
    hashes = len(line) - len(line.lstrip("#"))
    if not 1 <= hashes <= 6 or line[hashes : hashes + 1] != " ":
        return 0
    return hashes + 1


class FeelingsButton(QPushButton):
    """A compact picker: one submenu per family of feelings, each feeling checkable, and
    the menu stays open while feelings are ticked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Feelings")
        self.setProperty("menuButton", True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(140)
        self._chosen: list[str] = []
        menu = StayOpenMenu(self)
        menu.setAccessibleName("Feelings by family")
        self._actions = {}
        for family in feeling_families():
            sub = menu.addMenu(family.label)
            for feeling in family.feelings:
                action = sub.addAction(feeling)
                action.setCheckable(True)
                action.toggled.connect(lambda on, f=feeling: self._toggle(f, on))
                self._actions[feeling] = action
        menu.addSeparator()
        self.clear_action = menu.addAction("Clear feelings")
        self.clear_action.triggered.connect(lambda: self.set_feelings(()) or self.changed.emit())
        self.setMenu(menu)
        self._show()

    def feelings(self) -> tuple[str, ...]:
        return tuple(self._chosen)

    def set_feelings(self, feelings: tuple[str, ...]) -> None:
        self._chosen = list(feelings)
        for feeling, action in self._actions.items():
            blocked = action.blockSignals(True)
            action.setChecked(feeling in self._chosen)
            action.blockSignals(blocked)
        self._show()

    def action_for(self, feeling: str):
        return self._actions[feeling]

    def _toggle(self, feeling: str, on: bool) -> None:
        if on and feeling not in self._chosen:
            self._chosen.append(feeling)
        elif not on and feeling in self._chosen:
            self._chosen.remove(feeling)
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        text = ", ".join(self._chosen) if self._chosen else "Choose feelings…"
        self._full = text
        self.setToolTip(", ".join(self._chosen) or "What did you feel? Pick as many as fit.")
        self._elide()

    def _elide(self) -> None:
        room = max(40, self.width() - 48)  # leave the arrow its own space
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        # Left-aligned text in a menu button ignores the stylesheet's padding: two spaces
        # keep it off the edge.
        self.setText("  " + shown)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), 260), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()


def star_icon() -> QIcon:
    star = QIcon()
    star.addFile(str(resources.path("icons/star.svg")), QSize(), QIcon.Mode.Normal, QIcon.State.Off)
    filled = str(resources.path("icons/star-filled.svg"))
    star.addFile(filled, QSize(), QIcon.Mode.Normal, QIcon.State.On)
    return star


class BoundedTextEdit(QPlainTextEdit):
    """A text box that refuses a paste or drop that would take it past ``limit``
    characters, keeping its text as it was; ``refused`` says so."""

    refused = Signal()

    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit

    def insertFromMimeData(self, source) -> None:
        incoming = len(source.text()) if source.hasText() else 0
        cursor = self.textCursor()
        selected = cursor.selectionEnd() - cursor.selectionStart()
        if self.document().characterCount() - 1 - selected + incoming > self.limit:
            self.refused.emit()
            return
        super().insertFromMimeData(source)


class EntryEditor(QWidget):
    """Edits one entry at a time and saves it by itself."""

    saved = Signal(object, bool)  # the saved Entry; True when the list must re-sort
    delete_requested = Signal()

    def __init__(
        self,
        store: ReflectStore,
        clock: Clock,
        library: PromptLibrary | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._clock = store, clock
        self._library = library or load_library()
        self._entry: Entry | None = None
        self._pristine_body = ""
        self._dirty = False
        self._loading = False
        self.last_error = ""
        self.problem = ""  # why the last save failed, for a person; empty when it did not
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save)
        self._errors: dict[str, QLabel] = {}
        self._build()

    # -- building ------------------------------------------------------------------

    def _error(self, field: str) -> QLabel:
        widget = field_error()
        self._errors[field] = widget
        return widget

    def _build(self) -> None:
        today = self._clock.today()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        # Top strip: date, kind, star, delete, and how saving is going.
        strip_row = QWidget()
        strip_row.setObjectName("toolRow")  # one height for every control in it
        strip = QHBoxLayout(strip_row)
        strip.setContentsMargins(12, 14, 12, 6)
        strip.setSpacing(8)
        self.date = date_picker("Entry date", today)
        self.date.setToolTip("The day this entry is about: 1900 up to a year from today.")
        # Room for the widest date, its padding and the arrow: never "30 Nov 202".
        widest = self.date.fontMetrics().horizontalAdvance("30 Sep 2026")
        self.date.setMinimumWidth(widest + 52)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of entry")
        self.kind.setAccessibleDescription("Kind of entry")  # spoken on Linux; no label here
        self.kind.setIconSize(QSize(18, 18))
        for kind, info in KINDS.items():
            self.kind.addItem(kind_icon(kind), info.label, kind.value)
        self.star = QToolButton()
        self.star.setCheckable(True)
        # One star everywhere: outlined until starred, then filled, as in the list.
        self.star.setIcon(star_icon())
        self.star.setIconSize(QSize(18, 18))
        self.star.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.star.setAccessibleName("Starred")
        self.star.setToolTip("Star entries you want to find again easily")
        self.status = label("", "hint")
        self.status.setAccessibleDescription("Saving status")
        self.status.setWordWrap(False)
        self.delete_button = QToolButton()
        self.delete_button.setIcon(icon("delete.svg"))
        self.delete_button.setText("Delete")
        self.delete_button.setToolTip("Delete this entry")
        self.delete_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.delete_button.setAccessibleName("Delete this entry")
        self.delete_button.setToolTip("Delete this entry")
        self.delete_button.clicked.connect(self.delete_requested.emit)
        strip.addWidget(self.date)
        strip.addWidget(self.kind)
        strip.addWidget(self.star)
        strip.addStretch(1)
        strip.addWidget(self.delete_button)
        same_height(self.date, self.kind, self.star, self.delete_button)
        outer.addWidget(strip_row)

        # Under it, what this kind of entry is for, and how saving is going: kept out
        # of the strip above, which must fit beside the list in a 1100-pixel window.
        info = QHBoxLayout()
        info.setContentsMargins(16, 0, 16, 4)
        info.setSpacing(12)
        self.blurb = label("", "hint")
        info.addWidget(self.blurb, 1)
        info.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(info)

        scroll = scroll_area(name="Entry fields")
        page = QWidget()
        page.setObjectName("editorPage")
        body = QVBoxLayout(page)
        body.setContentsMargins(16, 4, 16, 18)
        body.setSpacing(8)
        body.addWidget(self._error("entry_date"))

        self.save_problem = QFrame()
        self.save_problem.setObjectName("warning")
        problem_row = QHBoxLayout(self.save_problem)
        problem_row.setContentsMargins(8, 4, 8, 4)
        self.save_problem_text = label("")
        self.save_problem_text.setAccessibleDescription("Save problem")
        retry = QPushButton("Try again")
        retry.setAccessibleName("Try saving again")
        retry.clicked.connect(self.save)
        problem_row.addWidget(self.save_problem_text, 1)
        problem_row.addWidget(retry)
        self.save_problem.hide()
        body.addWidget(self.save_problem)

        self.prompt_label = label("", "promptLabel")
        self.prompt_label.setAccessibleDescription("The prompt this entry answers")
        self.prompt_label.hide()
        body.addWidget(self.prompt_label)

        self.title = QLineEdit()
        self.title.setObjectName("entryTitle")
        self.title.setAccessibleName("Title")
        self.title.setPlaceholderText("Title (optional)")
        self.title.setMaxLength(MAX_TITLE_CHARS)  # a pasted paragraph cannot block saving
        body.addWidget(self.title)
        body.addWidget(self._error("title"))

        self.setback = SetbackFields(self._clock)
        self._errors.update(self.setback.errors)
        body.addWidget(self.setback)

        self.body = BoundedTextEdit(MAX_BODY_CHARS)
        self.body.refused.connect(self._refused_paste)
        self.body.setObjectName("entryBody")
        self.body.setAccessibleName("Entry text")
        self.body.setMinimumHeight(220)
        self.body.setTabChangesFocus(True)
        self.body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.highlighter = HeadingHighlighter(self.body)
        body.addWidget(self.body, 1)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        self.mood = scale_box("Mood", MOOD_WORDS)
        self.closeness = scale_box("Closeness", CLOSENESS_WORDS)
        self.mood_label = QLabel("Mood")
        self.closeness_label = QLabel("Closeness")
        self.mood_label.setBuddy(self.mood)  # what a screen reader calls a box on Linux
        self.closeness_label.setBuddy(self.closeness)
        self.feelings = FeelingsButton()
        self.tags = QLineEdit()
        self.tags.setAccessibleName("Tags")
        self.tags.setPlaceholderText("tags, separated by commas or spaces")
        # One control a row: they give way on a narrow window instead of scrolling.
        grid.addWidget(self.mood_label, 0, 0)
        grid.addWidget(self.mood, 0, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.closeness_label, 1, 0)
        grid.addWidget(self.closeness, 1, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(QLabel("Feelings"), 2, 0)
        grid.addWidget(self.feelings, 2, 1)
        grid.addWidget(QLabel("Tags"), 3, 0)
        grid.addWidget(self.tags, 3, 1)
        grid.setColumnStretch(1, 1)
        same_height(self.mood, self.closeness, self.feelings, self.tags)
        body.addLayout(grid)
        body.addWidget(self._error("mood"))
        body.addWidget(self._error("closeness"))
        body.addWidget(self._error("tags"))
        self.shareable = QCheckBox("Shareable in summaries")
        self.shareable.setAccessibleName("Shareable in summaries")
        self.shareable.setAccessibleDescription(SHAREABLE_HINT)
        body.addWidget(self.shareable)
        body.addWidget(label(SHAREABLE_HINT, "hint"))
        body.addWidget(self._error("other"))
        scroll.setWidget(page)
        outer.addWidget(scroll, 1)

        for widget in (self.title, self.tags):
            widget.textEdited.connect(self._changed)
        self.tags.editingFinished.connect(self._tidy_tags)
        self.body.textChanged.connect(self._changed)
        self.setback.changed.connect(self._changed)
        for box in (self.mood, self.closeness):
            box.currentIndexChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.date.dateChanged.connect(self.setback.follow_entry_date)
        self.date.dateChanged.connect(self._changed)
        self.star.toggled.connect(self._star_toggled)
        self.shareable.toggled.connect(self._changed)
        self.feelings.changed.connect(self._changed)

    def resizeEvent(self, event) -> None:
        # Narrow (a 900-pixel window): Delete shows its icon alone, so the kind of entry
        # keeps its whole name. Wider: its word too.
        style = Qt.ToolButtonStyle
        wide = event.size().width() >= WIDE_STRIP
        want = style.ToolButtonTextBesideIcon if wide else style.ToolButtonIconOnly
        if self.delete_button.toolButtonStyle() != want:
            self.delete_button.setToolButtonStyle(want)
        super().resizeEvent(event)

    # -- loading -------------------------------------------------------------------

    @property
    def entry(self) -> Entry | None:
        return self._entry

    @property
    def dirty(self) -> bool:
        return self._dirty

    def load(self, entry: Entry) -> None:
        """Show an entry (saved, or a fresh draft with no id yet)."""
        self.timer.stop()
        self._loading = True
        try:
            self._entry = entry
            offer_storable_dates(self.date, self._clock.today())
            self.date.setDate(to_qdate(entry.entry_date))
            self.kind.setCurrentIndex(self.kind.findData(entry.kind.value))
            self.title.setText(entry.title)
            self.title.setCursorPosition(0)  # a long title shows its beginning
            self.body.setPlainText(entry.body)  # also starts a fresh undo history
            self._pristine_body = entry.body if entry.id is None else ""
            self.mood.setCurrentIndex(self.mood.findData(entry.mood) if entry.mood else 0)
            self.closeness.setCurrentIndex(
                self.closeness.findData(entry.closeness) if entry.closeness else 0
            )
            self.feelings.set_feelings(entry.feelings)
            self.tags.setText(", ".join(entry.tags))
            self.star.setChecked(entry.starred)
            self.shareable.setChecked(entry.shareable)
            if entry.setback is None:
                self.setback.clear()
            else:
                self.setback.load(entry.setback)
            self.setback.follow_entry_date(self.date.date())
            prompt = self._library.get(entry.prompt_id) if entry.prompt_id else None
            self.prompt_label.setText(f"Answering: {prompt.text}" if prompt else "")
            self.prompt_label.setVisible(prompt is not None)
            self._apply_kind(entry.kind)
            self._clear_errors()
            self._dirty = False
            self.problem = ""
            self.status.setText("Saved" if entry.id is not None else "")
            word = "Delete" if entry.id is not None else "Discard"
            self.delete_button.setText(word)
            self.delete_button.setToolTip(f"{word} this entry")
        finally:
            self._loading = False

    def _apply_kind(self, kind: Kind) -> None:
        info = KINDS[kind]
        self.blurb.setText(info.blurb)
        self.body.setPlaceholderText(info.placeholder)
        self.setback.setVisible(info.shows_setback)
        # What the list shows, the editor can change: a letter written from the terminal
        # with a mood keeps its mood control, though letters do not ask for one.
        for pair in ((self.mood, self.mood_label), (self.closeness, self.closeness_label)):
            shown = info.shows_mood or pair[0].currentIndex() > 0
            for widget in pair:
                widget.setVisible(shown)

    def template_for_kind(self, kind: Kind) -> str:
        info = KINDS[kind]
        if not info.start_with_template or not info.prompt_sets:
            return ""
        prompt_set = self._library.get_set(info.prompt_sets[0])
        return template_for_set(prompt_set) if prompt_set else ""

    def _kind_changed(self) -> None:
        kind = Kind(self.kind.currentData())
        self._apply_kind(kind)
        if self._loading:
            return
        # A fresh, untouched draft takes the new kind's template, if it has one.
        if self._entry is not None and self._entry.id is None and self._body_untouched():
            template = self.template_for_kind(kind)
            self._loading = True
            self.body.setPlainText(template)
            self._loading = False
            self._pristine_body = template
        self._changed()

    def _body_untouched(self) -> bool:
        return self.body.toPlainText().strip() == self._pristine_body.strip()

    # -- editing -------------------------------------------------------------------

    def _changed(self) -> None:
        if self._loading or self._entry is None:
            return
        self._dirty = True
        self.status.setText("Editing…")
        self.timer.start()  # restarted by every edit: saves once typing pauses

    def _star_toggled(self, on: bool) -> None:
        self.star.setToolTip("Starred: click to unstar" if on else "Star this entry")
        self._changed()

    def _refused_paste(self) -> None:
        widget = self._errors["other"]
        widget.setText(TOO_LONG_PASTE)
        widget.show()
        self.last_error = TOO_LONG_PASTE

    def _tidy_tags(self) -> None:
        try:
            tidy = ", ".join(normalise_tags(self.tags.text()))
        except InvalidEntry as problem:
            self._show_error(problem)
            return
        if tidy != self.tags.text():
            self.tags.setText(tidy)

    def current(self) -> Entry:
        """The entry as the widgets show it now (not yet validated)."""
        assert self._entry is not None
        kind = Kind(self.kind.currentData())
        setback = self._entry.setback
        if KINDS[kind].shows_setback:
            setback = self.setback.read()
        return replace(
            self._entry,
            entry_date=from_qdate(self.date.date()),
            kind=kind,
            title=self.title.text(),
            body=self.body.toPlainText(),
            mood=self.mood.currentData(),
            closeness=self.closeness.currentData(),
            feelings=self.feelings.feelings(),
            tags=normalise_tags(self.tags.text()),
            starred=self.star.isChecked(),
            shareable=self.shareable.isChecked(),
            setback=setback,
        )

    def _is_blank(self, entry: Entry) -> bool:
        """A new draft with nothing written or chosen: not worth an entry of its own."""
        setback_empty = entry.setback is None or replace(entry.setback, pattern=None).is_empty
        return (
            not entry.title.strip()
            and self._body_untouched()
            and entry.mood is None
            and entry.closeness is None
            and not entry.feelings
            and not entry.tags
            and not entry.starred
            and setback_empty
        )

    # -- saving --------------------------------------------------------------------

    def save(self) -> bool:
        """Save now if anything changed. False when the words could not be saved yet."""
        self.timer.stop()
        if self._entry is None or not self._dirty:
            return True
        try:
            entry = self.current()
            if entry.id is None and self._is_blank(entry):
                self._dirty = False
                self.status.setText("")
                return True
            before = self._entry
            saved = self._store.save(entry)
        except InvalidEntry as problem:
            self._show_error(problem)
            self.status.setText("Not saved yet")
            self.problem = f"An entry could not be saved yet. {problem.message}"
            return False
        except VaultError as problem:
            # The message names the condition, never the words; the words stay here.
            self.last_error = problem.args[0] if problem.args else VaultError.message
            self.problem = self.last_error
            self.save_problem_text.setText(
                f"{self.last_error} Your words are still here, and Tend will try again "
                "when you next edit or move on."
            )
            self.save_problem.show()
            self.status.setText("Not saved yet")
            if isinstance(problem, VaultBusy):
                self.timer.start()  # another program is writing: try again shortly
            return False
        self._entry = saved
        self._dirty = False
        self.problem = ""
        self._pristine_body = ""
        self._clear_errors()
        self.status.setText("Saved")
        if before.id is not None and saved.id != before.id:
            self._loading = True  # showing the copy's title is not an edit
            self.title.setText(saved.title)
            self._loading = False
            self.save_problem_text.setText(CONFLICT_NOTE)
            self.save_problem.show()
        self.delete_button.setText("Delete")
        self.delete_button.setToolTip("Delete this entry")
        moved = before.id != saved.id or before.entry_date != saved.entry_date
        self.saved.emit(saved, moved)
        return True

    def flush(self) -> None:
        """Save now; NotSaved, saying why, when the words on screen could not be saved."""
        if not self.save():
            raise NotSaved(self.problem)

    def _clear_errors(self) -> None:
        for widget in self._errors.values():
            widget.clear()
            widget.hide()
        self.save_problem.hide()
        self.last_error = ""

    def _show_error(self, problem: InvalidEntry) -> None:
        for widget in self._errors.values():
            widget.hide()
        widget = self._errors.get(problem.field, self._errors["other"])
        widget.setText(problem.message)
        widget.show()
        self.last_error = problem.message

    def error_text(self, field: str) -> str:
        widget = self._errors.get(field)
        return widget.text() if widget is not None and not widget.isHidden() else ""

    def focus_body(self) -> None:
        self.body.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.body.textCursor()
        if self._pristine_body:
            # In a template, start under the first question.
            first = self._pristine_body.find("\n\n")
            cursor.setPosition(first + 1 if first >= 0 else 0)
        else:
            cursor.movePosition(cursor.MoveOperation.End)
        self.body.setTextCursor(cursor)
