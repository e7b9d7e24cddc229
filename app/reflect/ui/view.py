"""Reflect: the journal. The entries on the left, newest first by month; the entry
being written on the right. Search (Ctrl+F), filters, prompts, and a new entry (Ctrl+N).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AreaContext
from app.reflect.model import KINDS, Entry, Kind, new_entry, shorten
from app.reflect.prompts import load_library, template_for_set
from app.reflect.store import ReflectStore
from app.reflect.ui.editor import EntryEditor
from app.reflect.ui.entry_list import ID_ROLE, ROW_HEIGHT, EntryDelegate, EntryListModel
from app.reflect.ui.search import FilterBar, SearchResults
from app.vault import VaultError
from app.widgets.confirm import Confirm
from app.widgets.forms import label, same_height, undo_bar
from app.widgets.icons import icon

SEARCH_DELAY_MS = 200

NO_ENTRIES = "Nothing here yet. Your entries will gather here, newest first, grouped by month."
NO_MATCHES = "No entries match these filters. You could loosen one, or clear them all."
NO_RESULTS = (
    "Nothing matches that search. Try fewer words, or the start of a word "
    "followed by *, like forgiv*."
)
FIRST_TITLE = "A quiet place to think things through"
FIRST_TEXT = (
    "Write about a hard moment, a small kindness, or simply how today felt. There is "
    "no wrong way to begin, and everything stays encrypted on this computer."
)
UNSAVED_DISCARD = "It could not be saved yet, so discarding it cannot be undone."
CHOOSE_TITLE = "Pick up where you left off"
CHOOSE_TEXT = (
    "Choose an entry on the left, or start a new one with Ctrl+N. "
    "The Prompts menu has questions to start from when the words will not come."
)


class ReflectView(QWidget):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Reflect")
        self.context = context
        self.clock = context.clock
        self.store = ReflectStore(context.vault, context.clock)
        self.library = load_library()
        self._deleted: Entry | None = None
        self._selecting = False
        self.confirm: Confirm | None = None
        self._search_asked = 0  # counts queries asked for; the newest one is shown
        self._search_waiting: tuple | None = None
        self._search_running = False
        self._search_vault = None  # made by the first search; the vault closes it on lock
        self._shown_before = False

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.run_search)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_left())
        splitter.addWidget(self._build_right())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 760])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        new_shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        new_shortcut.activated.connect(self.new_entry)
        find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        find_shortcut.activated.connect(self.focus_search)
        # The model goes in last: laid out once, not again for every widget added above
        # (each layout asks Qt for an index per row, which adds up on 100,000 rows).
        self.list.setModel(self.model)
        self.list.selectionModel().currentChanged.connect(self._list_current_changed)
        self._update_states()

    # -- building ------------------------------------------------------------------

    def _build_left(self) -> QWidget:
        left = QWidget()
        left.setObjectName("reflectSide")  # as narrow as its buttons allow, never clipping them
        layout = QVBoxLayout(left)
        layout.setContentsMargins(10, 14, 4, 8)
        layout.setSpacing(8)

        # Two rows of tools, all one height (the "toolRow" style): what to write, and
        # how to find it. Filters sits beside the search it narrows, so the side stays
        # narrow enough for a 900-pixel window.
        tools = QWidget()
        tools.setObjectName("toolRow")
        rows = QVBoxLayout(tools)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(8)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.new_button = QPushButton(icon("new.svg"), "New entry")
        self.new_button.setAccessibleName("New entry")
        self.new_button.setToolTip("Start a new entry (Ctrl+N)")
        self.new_button.clicked.connect(lambda: self.new_entry())
        self.prompts_button = QPushButton(icon("prompt.svg"), "Prompts")
        self.prompts_button.setAccessibleName("Prompts")
        self.prompts_button.setToolTip("Questions to start from, grouped by theme")
        self.prompts_menu = self._build_prompts_menu()
        self.prompts_button.setMenu(self.prompts_menu)
        self.prompts_button.setProperty("menuButton", True)
        self.filter_button = QPushButton(icon("filter.svg"), "Filters")
        self.filter_button.setCheckable(True)
        self.filter_button.setAccessibleName("Show filters")
        self.filter_button.toggled.connect(self._toggle_filters)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.prompts_button)
        buttons.addStretch(1)
        rows.addLayout(buttons)

        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setAccessibleName("Search entries")
        self.search_field.setPlaceholderText("Search  (Ctrl+F)")
        self.search_field.setToolTip("Search your entries (Ctrl+F)")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.addAction(icon("search.svg"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.textChanged.connect(lambda _text: self.search_timer.start())
        self.search_field.returnPressed.connect(self.run_search)
        finding = QHBoxLayout()
        finding.setSpacing(6)
        finding.addWidget(self.search_field, 1)
        finding.addWidget(self.filter_button)
        rows.addLayout(finding)
        same_height(self.new_button, self.prompts_button, self.filter_button, self.search_field)
        layout.addWidget(tools)

        self.filter_bar = FilterBar(self.clock.today)
        self.filter_bar.hide()
        self.filter_bar.changed.connect(self._filters_changed)
        layout.addWidget(self.filter_bar)

        self.model = EntryListModel(self.store, self)
        # A one-column table rather than a QListView: a list view lays out every row
        # (asking the model about each), a table's rows are a fixed height known at once.
        self.list = QTableView()
        self.list.setObjectName("entryList")
        self.list.setAccessibleName("Entries")
        self.list.setItemDelegate(EntryDelegate(self.list))
        self.list.horizontalHeader().hide()
        self.list.horizontalHeader().setStretchLastSection(True)
        rows = self.list.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        self.list.setShowGrid(False)
        self.list.setWordWrap(False)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setTabKeyNavigation(False)
        self.list.setMouseTracking(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.activated.connect(lambda _index: self.editor.focus_body())

        self.results = SearchResults()
        self.results.entry_chosen.connect(self._result_chosen)

        self.left_empty = QWidget()
        empty_layout = QVBoxLayout(self.left_empty)
        empty_layout.setContentsMargins(8, 24, 8, 8)
        self.left_empty_text = label("", "hint")
        self.left_empty_text.setAccessibleDescription("No entries to show")
        self.clear_filters_button = QPushButton("Clear filters")
        self.clear_filters_button.setAccessibleName("Clear all filters")
        self.clear_filters_button.clicked.connect(self.filter_bar.clear_filters)
        empty_layout.addWidget(self.left_empty_text)
        empty_layout.addWidget(self.clear_filters_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)

        self.left_stack = QStackedWidget()
        for page in (self.list, self.results, self.left_empty):
            self.left_stack.addWidget(page)
        layout.addWidget(self.left_stack, 1)
        return left

    def _build_prompts_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setAccessibleName("Prompt sets")
        menu.setToolTipsVisible(True)
        for prompt_set in self.library.sets:
            sub = menu.addMenu(prompt_set.title)
            sub.setToolTipsVisible(True)
            guided = sub.addAction(f"Guided entry: {len(prompt_set.template_ids)} questions")
            guided.setToolTip(prompt_set.intro)
            guided.triggered.connect(lambda _=False, s=prompt_set.id: self.start_from_set(s))
            sub.addSeparator()
            for prompt in prompt_set.prompts:
                action = sub.addAction(shorten(prompt.text, 72))
                action.setToolTip(prompt.text)
                action.setData(prompt.id)
                action.triggered.connect(lambda _=False, p=prompt.id: self.start_from_prompt(p))
        return menu

    def _build_right(self) -> QWidget:
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        self.undo_bar, self.undo_text, self.undo_button = undo_bar(
            "Entry deleted.", self.undo_delete, (24, 6, 24, 6)
        )
        layout.addWidget(self.undo_bar)

        self.editor = EntryEditor(self.store, self.clock, self.library)
        self.editor.saved.connect(self._saved)
        self.editor.delete_requested.connect(self.ask_delete)

        self.placeholder = QWidget()
        holder = QVBoxLayout(self.placeholder)
        holder.setContentsMargins(48, 48, 48, 48)
        holder.setSpacing(12)
        self.placeholder_title = label("", "pageTitle")
        self.placeholder_text = label("")
        self.placeholder_text.setMaximumWidth(520)
        self.first_button = QPushButton(icon("new.svg"), "Write your first entry")
        self.first_button.setAccessibleName("Write your first entry")
        self.first_button.clicked.connect(lambda: self.new_entry())
        holder.addStretch(1)
        holder.addWidget(self.placeholder_title)
        holder.addWidget(self.placeholder_text)
        holder.addWidget(self.first_button, 0, Qt.AlignmentFlag.AlignLeft)
        holder.addStretch(2)

        self.right_stack = QStackedWidget()
        self.right_stack.addWidget(self.placeholder)
        self.right_stack.addWidget(self.editor)
        layout.addWidget(self.right_stack, 1)
        return right

    # -- states --------------------------------------------------------------------

    @property
    def searching(self) -> bool:
        return bool(self.search_field.text().strip())

    def _update_states(self) -> None:
        """Which page each side shows, and what an empty one says."""
        filtered = not self.filter_bar.value().is_empty
        if self.searching:
            if self.results.count():
                self.left_stack.setCurrentWidget(self.results)
            else:
                self.left_empty_text.setText(NO_RESULTS)
                self.clear_filters_button.setVisible(filtered)
                self.left_stack.setCurrentWidget(self.left_empty)
        elif self.model.entry_count:
            self.left_stack.setCurrentWidget(self.list)
        else:
            self.left_empty_text.setText(NO_MATCHES if filtered else NO_ENTRIES)
            self.clear_filters_button.setVisible(filtered)
            self.left_stack.setCurrentWidget(self.left_empty)
        if self.right_stack.currentWidget() is self.placeholder:
            anything = filtered or self.model.entry_count > 0
            self.placeholder_title.setText(CHOOSE_TITLE if anything else FIRST_TITLE)
            self.placeholder_text.setText(CHOOSE_TEXT if anything else FIRST_TEXT)
            self.first_button.setText("New entry" if anything else "Write your first entry")
            self.first_button.setAccessibleName(self.first_button.text())

    def _show_placeholder(self) -> None:
        self.right_stack.setCurrentWidget(self.placeholder)
        self._update_states()

    # -- choosing an entry ---------------------------------------------------------

    def _select_row(self, row: int | None) -> None:
        """Move the list's selection without opening anything."""
        self._selecting = True
        try:
            selection = self.list.selectionModel()
            if row is None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            else:
                index = self.model.index(row)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.list.scrollTo(index)
        finally:
            self._selecting = False

    def _list_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        entry_id = current.data(ID_ROLE)
        if entry_id is None:
            return
        if not self.open_entry(entry_id):
            # The entry on screen could not be saved: stay with it, words intact.
            self._select_row(previous.row() if previous.isValid() else None)

    def _result_chosen(self, entry_id: int) -> None:
        self.open_entry(entry_id)

    def open_entry(self, entry_id: int) -> bool:
        current = self.editor.entry
        if current is not None and current.id == entry_id:
            self.right_stack.setCurrentWidget(self.editor)
            return True
        if not self.editor.save():
            return False
        entry = self.store.get(entry_id)
        if entry is None:
            self.model.reload()
            self._show_placeholder()
            return True
        self.undo_bar.hide()
        self.editor.load(entry)
        self.right_stack.setCurrentWidget(self.editor)
        return True

    def select_entry(self, entry_id: int) -> None:
        """Open an entry and show it selected in the list."""
        if self.open_entry(entry_id):
            self._select_row(self.model.row_of_id(entry_id))

    # -- new entries ---------------------------------------------------------------

    def new_entry(
        self, kind: Kind = Kind.REFLECTION, prompt_id: str | None = None, body: str | None = None
    ) -> bool:
        if not self.editor.save():
            return False
        if body is None:
            body = self.editor.template_for_kind(kind)
        self._select_row(None)
        self.results.clearSelection()
        self.undo_bar.hide()
        self.editor.load(new_entry(self.clock.today(), kind, body=body, prompt_id=prompt_id))
        self.right_stack.setCurrentWidget(self.editor)
        self.editor.focus_body()
        return True

    def start_from_prompt(self, prompt_id: str) -> bool:
        prompt = self.library.get(prompt_id)
        if prompt is None:
            return self.new_entry()
        return self.new_entry(prompt.kind, prompt_id=prompt.id, body="")

    def start_from_set(self, set_id: str) -> bool:
        prompt_set = self.library.get_set(set_id)
        if prompt_set is None:
            return self.new_entry()
        return self.new_entry(prompt_set.kind, body=template_for_set(prompt_set))

    # -- saving --------------------------------------------------------------------

    def flush(self) -> None:
        """Save now (switching views, lock, close).

        Raises NotSaved when the words could not be saved, so the shell asks before
        locking or closing rather than letting them go; the words stay on screen.
        """
        self.editor.flush()

    def _saved(self, entry: Entry, moved: bool) -> None:
        if moved:
            self.model.reload()
            self._select_row(self.model.row_of_id(entry.id))
        else:
            self.model.refresh_rows()
        self._update_states()

    # -- deleting ------------------------------------------------------------------

    def ask_delete(self) -> None:
        entry = self.editor.entry
        if entry is None:
            return
        if entry.id is None:
            # A draft: its words are saved first, so deleting it can be undone too.
            if not self.editor.save():
                self._ask("Discard this entry?", UNSAVED_DISCARD, "Discard")
                return
            entry = self.editor.entry
        if entry.id is None:  # nothing was written: nothing to keep, nothing to undo
            self._discard_draft()
            return
        self._ask("Delete this entry?", "You can undo this straight after.", "Delete")

    def _ask(self, question: str, detail: str, action: str) -> None:
        box = Confirm(f"{action} entry", question, detail, action, parent=self)
        self.delete_confirm_button = box.action_button
        box.finished.connect(lambda _result: self._confirmed(box))
        self.confirm = box
        box.open()

    def _confirmed(self, box: Confirm) -> None:
        self.confirm = None
        box.deleteLater()
        if box.clickedButton() is not self.delete_confirm_button:
            return
        entry = self.editor.entry
        if entry is not None and entry.id is None:
            self._discard_draft()
        else:
            self.delete_current()

    def _discard_draft(self) -> None:
        self.editor.timer.stop()
        self.editor.load(new_entry(self.clock.today()))
        self._show_placeholder()

    def delete_current(self) -> None:
        entry = self.editor.entry
        if entry is None or entry.id is None:
            return
        self.editor.save()  # an undo brings back the latest words
        try:
            self._deleted = self.store.delete(entry.id)
        except VaultError as problem:
            self.undo_text.setText(str(problem))
            self.undo_button.hide()
            self.undo_bar.show()
            return
        self.editor.load(new_entry(self.clock.today()))
        self.model.reload()
        self._refresh_search()
        self._show_placeholder()
        self.undo_text.setText("Entry deleted.")
        self.undo_button.show()
        self.undo_bar.show()

    def undo_delete(self) -> None:
        entry, self._deleted = self._deleted, None
        self.undo_bar.hide()
        if entry is None:
            return
        try:
            self.store.restore(entry)
        except VaultError as problem:
            self._deleted = entry
            self.undo_text.setText(str(problem))
            self.undo_bar.show()
            return
        self.model.reload()
        self._refresh_search()
        self.select_entry(entry.id)
        self._update_states()
        # Back to the list, where the entry is selected: not into a field, where the
        # next key pressed would silently change the entry (a digit, its date).
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_before:  # just built: the list was read a moment ago
            self._shown_before = True
            return
        # Entries written meanwhile from the terminal (tend write) appear when the
        # journal is shown again.
        self.model.reload()
        current = self.editor.entry
        if current is not None and current.id is not None:
            self._select_row(self.model.row_of_id(current.id))
        self._update_states()

    # -- searching and filtering ---------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def run_search(self) -> None:
        """Search off the GUI thread. One search runs at a time; keystrokes meanwhile
        leave only the newest query waiting, and an older query's hits are never shown
        once a newer one was asked for."""
        self.search_timer.stop()
        self._search_asked += 1
        text = self.search_field.text().strip()
        if not text:
            self._search_waiting = None
            self._show_hits([])
            return
        self._search_waiting = (self._search_asked, text, self.filter_bar.value())
        if not self._search_running:
            self._start_search()

    def _start_search(self) -> None:
        asked, text, flt = self._search_waiting
        self._search_waiting = None
        self._search_running = True
        self.context.tasks.run(
            lambda: (asked, self._search_store().search(text, flt)),
            self._search_done,
            self._search_failed,
        )

    def _search_store(self) -> ReflectStore:
        """Searches read through a connection of their own, made on first use (on the
        worker): they never share a transaction with the editor's saves."""
        if self._search_vault is None:
            vault = self.context.vault
            try:
                self._search_vault = vault.second_connection(read_only=True)
            except VaultError:  # a folder that allows no second reader: share, as before
                self._search_vault = vault
        return ReflectStore(self._search_vault, self.context.clock)

    def _search_done(self, result: tuple) -> None:
        self._search_running = False
        asked, hits = result
        if self._search_waiting is not None:
            self._start_search()  # superseded: the newest query's turn
        elif asked == self._search_asked:
            self._show_hits(hits)

    def _search_failed(self, problem: Exception) -> None:
        self._search_running = False
        if self._search_waiting is not None:
            self._start_search()
        elif not isinstance(problem, VaultError):
            raise problem
        # A VaultError has been told to the shell by the vault, which says so once.

    def _show_hits(self, hits: list) -> None:
        self.results.show_hits(hits)
        self._update_states()

    def _refresh_search(self) -> None:
        if self.searching:
            self.run_search()

    def _toggle_filters(self, on: bool) -> None:
        if on:
            self.filter_bar.set_choices(self.store.tags(), self.store.feelings_used())
        self.filter_bar.setVisible(on)
        self.filter_button.setAccessibleName("Hide filters" if on else "Show filters")

    def _filters_changed(self) -> None:
        count = self.filter_bar.active_count()
        self.filter_button.setText(f"Filters ({count})" if count else "Filters")
        self.model.set_filter(self.filter_bar.value())
        current = self.editor.entry
        if current is not None and current.id is not None:
            self._select_row(self.model.row_of_id(current.id))
        self._refresh_search()
        self._update_states()

    # -- requests from elsewhere ---------------------------------------------------

    def handle_request(self, **request) -> None:
        """prompt_id=... (answer a prompt), set_id=... (a guided entry), entry_id=..., new=True."""
        if request.get("prompt_id"):
            self.start_from_prompt(request["prompt_id"])
        elif request.get("set_id"):
            self.start_from_set(request["set_id"])
        elif request.get("entry_id") is not None:
            self.select_entry(int(request["entry_id"]))
        elif request.get("new"):
            kind = request.get("kind")
            self.new_entry(Kind(kind) if kind in KINDS else Kind.REFLECTION)
