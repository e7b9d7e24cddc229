"""The main window: a sidebar of areas, one view at a time, and a lock always in reach."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from app import APP_NAME
from app.context import AreaContext, AreaView, NotSaved
from app.shell.areas import AREAS, AreaSpec
from app.shell.today import TodayPage
from app.vault import VaultError
from app.widgets.forms import scroll_area
from app.widgets.icons import icon

TODAY = "today"
SIDEBAR_WIDTH = 176  # wide enough for "Summaries" and its icon; a 900-px window keeps 724
SETTINGS_KEY = "Ctrl+,"  # written out: the standard Preferences key has none on Linux
QUIT_KEY = "Ctrl+Q"


def on_a_screen(window: QWidget) -> None:
    """Bring a window back if no screen shows its title bar (a monitor unplugged since)."""
    frame = window.frameGeometry()
    grip = frame.topLeft() + QPoint(min(frame.width(), 80) // 2, 10)
    screens = QGuiApplication.screens()
    if not screens or any(s.availableGeometry().contains(grip) for s in screens):
        return
    area = QGuiApplication.primaryScreen().availableGeometry()
    width, height = min(window.width(), area.width()), min(window.height(), area.height())
    window.resize(width, height)
    window.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)


def scrolling(view: QWidget) -> QScrollArea:
    """A view that cannot give way enough scrolls instead of growing the window past a
    small screen."""
    return scroll_area(view)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    settings_requested = Signal()
    about_requested = Signal()
    closing = Signal()

    def __init__(
        self,
        context: AreaContext,
        areas: Sequence[AreaSpec] = AREAS,
        parent: QWidget | None = None,
    ) -> None:
        """``context`` is handed whole to every view and card; its ``open_area`` should
        lead back to this window's (the session's does)."""
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)  # never anything the user wrote
        self.resize(1100, 720)
        self.context = context
        self._areas = {spec.key: spec for spec in areas}
        self._views: dict[str, AreaView] = {}  # each is a QWidget too, built when first shown
        self._quiet_close = False

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Areas")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self.stack = QStackedWidget()
        self._pages: dict[str, QScrollArea] = {}

        self.today = self._build_today()
        self._today_page = scrolling(self.today)
        self.stack.addWidget(self._today_page)
        self._add_item(TODAY, "Today", "today.svg")
        for spec in areas:
            self._add_item(spec.key, spec.title, spec.icon)
        self.sidebar.currentRowChanged.connect(self._show_row)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_toolbar()
        self.sidebar.setCurrentRow(0)

    # -- building ------------------------------------------------------------------

    def _build_today(self) -> QWidget:
        cards = []
        for spec in self._areas.values():
            factory = spec.load_today_card()
            if factory is not None:
                cards.append(factory(self.context))
        return TodayPage(self.context.clock, cards)

    def _add_item(self, key: str, title: str, icon_name: str) -> None:
        item = QListWidgetItem(icon(icon_name), title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setToolTip(f"{title} (Ctrl+{self.sidebar.count() + 1})")
        self.sidebar.addItem(item)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Main")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.lock_action = self._action("&Lock", "lock.svg", "Ctrl+L", self.lock_requested.emit)
        self.settings_action = self._action(
            "&Settings", "settings.svg", SETTINGS_KEY, self.settings_requested.emit
        )
        # Quitting is closing: the same save first, the same question if it cannot.
        self.quit_action = self._action("&Quit", "lock.svg", QUIT_KEY, self.close)
        self.quit_action.setIcon(QIcon())
        self.addAction(self.quit_action)
        self.about_action = self._action(
            "&About and privacy",
            "about.svg",
            QKeySequence.StandardKey.HelpContents,
            self.about_requested.emit,
        )
        for spec in self._areas.values():
            factory = spec.load_toolbar_action()
            if factory is not None:
                bar.addAction(factory(self.context, self))
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        for action in (self.settings_action, self.about_action, self.lock_action):
            bar.addAction(action)
        self.toolbar = bar
        for row in range(self.sidebar.count()):
            jump = QAction(self)
            jump.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            jump.triggered.connect(lambda _=False, r=row: self.sidebar.setCurrentRow(r))
            self.addAction(jump)

    def _action(self, text: str, icon_name: str, shortcut: Any, slot: Any) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        return action

    # -- navigating ----------------------------------------------------------------

    def current_key(self) -> str:
        item = self.sidebar.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else TODAY

    def view(self, key: str) -> AreaView:
        """The area's view, built the first time it is needed."""
        if key not in self._views:
            view = self._areas[key].load_view()(self.context)
            self._views[key] = view
            self._pages[key] = scrolling(view)
            self.stack.addWidget(self._pages[key])
        return self._views[key]

    def open_area(self, key: str, **request: Any) -> AreaView | None:
        """Show an area (or Today, which takes no requests and returns None)."""
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.sidebar.setCurrentRow(row)
        if key == TODAY:
            return None
        view = self.view(key)
        if request:
            view.handle_request(**request)
        return view

    def _show_row(self, row: int) -> None:
        # Switching away saves at once; a view that cannot save keeps its words on
        # screen and says why, so the switch goes ahead.
        with suppress(NotSaved):
            self.flush_all()
        key = self.sidebar.item(row).data(Qt.ItemDataRole.UserRole)
        self.stack.setCurrentWidget(self._page(key))

    def _page(self, key: str) -> QWidget:
        if key == TODAY:
            return self._today_page
        self.view(key)
        return self._pages[key]

    def reload_views(self) -> None:
        """Build the area views afresh from the vault, e.g. after an import added to it."""
        current = self.current_key()
        for key in list(self._views):
            del self._views[key]
            page = self._pages.pop(key)  # the page owns the view: both go
            self.stack.removeWidget(page)
            page.deleteLater()
        self.stack.setCurrentWidget(self._page(current))

    # -- saving --------------------------------------------------------------------

    def flush_all(self) -> None:
        """Every view saves; then NotSaved for the first that could not, if any.

        A view raises NotSaved itself; a VaultError that escapes a view's store call is
        taken as the same, with the vault's message (made for a person, free of words).
        """
        problem: NotSaved | None = None
        for view in self._views.values():
            try:
                view.flush()
            except NotSaved as exc:
                problem = problem or exc
            except VaultError as exc:
                problem = problem or NotSaved(str(exc))
        if problem is not None:
            raise problem.with_traceback(None)  # no frames of earlier raises pile up on it

    def close_quietly(self) -> None:
        """Close without saving or asking: for locking, which has saved already."""
        self._quiet_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quiet_close:
            try:
                self.flush_all()
            except NotSaved as exc:
                answer = QMessageBox.warning(
                    self,
                    APP_NAME,
                    f"{exc}\n\nClose anyway? Your latest changes would be lost.",
                    QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.Cancel,
                )
                if answer != QMessageBox.StandardButton.Close:
                    event.ignore()
                    return
            self.closing.emit()
        super().closeEvent(event)
