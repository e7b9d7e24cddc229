"""The life of one run: the vault gate, the main window, locking and quitting."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

# Only what the gate needs is imported here, so the first dialog is up sooner; the rest
# (and Qt's own namespace of enums, about 15 ms to build) loads while the passphrase is
# typed, in warm_up(), or where it is first used.
from PySide6 import QtCore
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app import APP_NAME
from app.context import NotSaved
from app.shell.theme import apply_theme
from app.shell.unlock import CreateDialog, UnlockDialog
from app.widgets.forms import show_error
from app.widgets.tasks import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from app.clock import Clock
    from app.config import Config
    from app.context import AreaContext
    from app.paths import Paths
    from app.shell.areas import AreaSpec
    from app.shell.autolock import AutoLock
    from app.shell.window import MainWindow
    from app.vault import VaultError

# For benchmarks/startup.py: report when the first window is up, then quit.
STARTUP_PROBE_ENV = "TEND_STARTUP_PROBE"


WARM_UP_DELAY_MS = 200
READING_ONLY = (
    "Tend has opened your journal for reading only: you can read and search it, "
    "and anything new will wait on screen until it can be saved."
)


def warm_up(areas: Sequence[AreaSpec]) -> None:
    """Import the window and the areas' views, so unlocking pays only for the key.

    Runs once the gate is on screen: the first window never waits for it.
    """
    import app.shell.autolock
    import app.shell.window
    import app.vault.settings
    import app.widgets.privacy  # noqa: F401

    for spec in areas:
        spec.load_view()
        spec.load_today_card()
        spec.load_toolbar_action()


def forget_copied_text() -> None:
    """Text copied from Tend does not outlive the lock on the clipboard or X11 selection."""
    from PySide6.QtGui import QClipboard

    clipboard = QApplication.clipboard()
    if clipboard.ownsClipboard():
        clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection() and clipboard.ownsSelection():
        clipboard.clear(QClipboard.Mode.Selection)


class Session(QObject):
    # A damaged page or a key changed elsewhere, seen by any read on any thread.
    vault_problem = Signal(object)

    def __init__(
        self,
        paths: Paths,
        config: Config,
        clock: Clock | None = None,
        tasks: TaskRunner | None = None,
        autolock_poll_ms: int = 15_000,
        areas: Sequence[AreaSpec] | None = None,
    ) -> None:
        super().__init__()
        self._areas = areas
        self.paths, self.config = paths, config
        self._clock = clock
        self.tasks = tasks or TaskRunner()
        self.vault = None
        self.window: MainWindow | None = None
        self.gate: QDialog | None = None
        self._autolock_poll_ms = autolock_poll_ms
        # Made when first needed: the gate never waits for them.
        self._autolock: AutoLock | None = None
        self._safekeeping = None
        self.problem_box: QMessageBox | None = None
        self._hearing_problems = False

    @property
    def areas(self) -> Sequence[AreaSpec]:
        if self._areas is None:
            from app.shell.areas import AREAS

            self._areas = AREAS
        return self._areas

    @property
    def clock(self) -> Clock:
        if self._clock is None:
            from app.clock import Clock

            self._clock = Clock()
        return self._clock

    @property
    def autolock(self) -> AutoLock:
        """Locks after idling; its companion, the lock key, locks at Ctrl+L anywhere."""
        if self._autolock is None:
            from app.shell.autolock import AutoLock, LockKey

            self._autolock = AutoLock(self.clock, self._autolock_poll_ms, self)
            self._autolock.timed_out.connect(self.auto_lock)
            self._lock_key = LockKey(self)
            self._lock_key.pressed.connect(self.lock)
        return self._autolock

    @property
    def safekeeping(self):
        """Backups, restore, export and import (app/shell/safekeeping.py)."""
        if self._safekeeping is None:
            from app.shell.safekeeping import Safekeeping

            self._safekeeping = Safekeeping(self)
        return self._safekeeping

    # -- the gate ------------------------------------------------------------------

    def start(self) -> None:
        self.show_gate()
        if os.environ.get(STARTUP_PROBE_ENV):
            QTimer.singleShot(0, self._probe)

    def _probe(self) -> None:
        sys.stdout.write("shown\n")
        sys.stdout.flush()
        QApplication.quit()

    def show_gate(self) -> None:
        if self.paths.vault.exists():
            gate = UnlockDialog(self.paths.vault)
            gate.unlocked.connect(self._opened)
        else:
            gate = CreateDialog(self.paths.vault)
            gate.created.connect(self._opened)
            gate.created.connect(lambda _vault: self.introduce())
        gate.rejected.connect(self._gate_closed)
        self.gate = gate
        gate.show()
        gate.raise_()
        gate.activateWindow()
        # While the person types the passphrase, load what unlocking will need.
        QTimer.singleShot(WARM_UP_DELAY_MS, lambda: warm_up(self.areas))

    def _gate_closed(self) -> None:
        if self.window is None:
            QApplication.quit()

    # -- unlocked ------------------------------------------------------------------

    def area_context(self, vault) -> AreaContext:
        """What every area's view and card is handed: built here, once per unlock."""
        from app.context import AreaContext
        from app.vault import Settings

        return AreaContext(
            vault=vault,
            settings=Settings(vault),
            clock=self.clock,
            tasks=self.tasks,
            open_area=self.open_area,
            keep_unlocked=self.autolock.hold,
        )

    def open_area(self, key: str, **request: Any) -> Any:
        """An area asks for another (Today's cards, toolbar actions): the window obliges."""
        return None if self.window is None else self.window.open_area(key, **request)

    def _opened(self, vault) -> None:
        from PySide6.QtCore import QByteArray

        from app.shell.autolock import AUTOLOCK_MINUTES
        from app.shell.window import MainWindow, on_a_screen

        if not self._hearing_problems:
            # Queued: a read that fails while painting is answered after the paint.
            self.vault_problem.connect(
                self._on_vault_problem, QtCore.Qt.ConnectionType.QueuedConnection
            )
            self._hearing_problems = True
        self.gate = None
        self.vault = vault
        vault.problem_listeners.append(self.vault_problem.emit)
        context = self.area_context(vault)
        window = MainWindow(context, self.areas)
        window.lock_requested.connect(self.lock)
        window.settings_requested.connect(self.open_settings)
        window.about_requested.connect(self.open_about)
        window.closing.connect(self._window_closing)
        if self.config.window_geometry:
            window.restoreGeometry(QByteArray.fromBase64(self.config.window_geometry.encode()))
        on_a_screen(window)
        if self.config.last_area in {spec.key for spec in self.areas}:
            window.open_area(self.config.last_area)
        self.window = window
        window.show()
        window.activateWindow()  # keyboard focus moves from the closed dialog to here
        self.autolock.set_minutes(context.settings.read(AUTOLOCK_MINUTES))
        self.autolock.start()
        QApplication.instance().installEventFilter(self._lock_key)
        # Today's backup, off the GUI thread.
        self.safekeeping.unlocked(window, vault, context.settings)
        if vault.read_only_reason is not None:
            self._tell(f"{vault.read_only_reason} {READING_ONLY}", "readingOnly")

    def _on_vault_problem(self, problem: VaultError) -> None:
        """One calm message, however many reads fail (the list fails on every paint)."""
        from app.vault import PassphraseChanged

        window = self.window
        if window is None:
            return
        if isinstance(problem, PassphraseChanged):
            # This key no longer opens the file: lock, and ask for the new passphrase.
            self._lock_now(window)
            show_error(self.gate.error, str(problem))
            return
        if self.problem_box is None:
            self.problem_box = self._tell(str(problem), "vaultProblem")

    def _tell(self, message: str, name: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message, parent=self.window)
        box.setObjectName(name)
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def lock(self) -> None:
        """Lock at the person's request: if saving fails, they choose whether to lock."""
        window = self.window
        if window is None:
            return
        try:
            window.flush_all()
        except NotSaved as exc:
            if not self.confirm_lossy_lock(str(exc)):
                return  # the words stay on screen, to be saved or copied elsewhere
        self._lock_now(window)

    def auto_lock(self) -> None:
        """Lock after idling: nobody is there to ask, so locking always completes."""
        window = self.window
        if window is None:
            return
        problem = ""
        try:
            window.flush_all()
        except NotSaved as exc:
            problem = f"Some recent changes could not be saved. {exc}"
        self._lock_now(window)
        if problem:
            show_error(self.gate.error, problem)

    def confirm_lossy_lock(self, reason: str) -> bool:
        answer = QMessageBox.warning(
            self.window,
            APP_NAME,
            f"{reason}\n\nLock anyway? Your latest changes would be lost.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _lock_now(self, window: QMainWindow) -> None:
        """Destroy every view (and so its text), close the vault, show the gate."""
        from app.widgets.privacy import wipe_text

        self.window = None
        self.problem_box = None  # goes with the window
        self.autolock.stop()
        QApplication.instance().removeEventFilter(self._lock_key)
        self._remember_geometry(window)
        for dialog in window.findChildren(QDialog):
            dialog.reject()
        window.close_quietly()
        if self._safekeeping is not None:
            self._safekeeping.stop()
        self.tasks.wait()  # no job may still be using the connection
        self._close_vault()
        wipe_text(window)  # at once; the widgets themselves go at the next loop turn
        window.deleteLater()
        forget_copied_text()
        self.show_gate()

    def shutdown(self) -> None:
        """Quit at the system's request (logout, SIGTERM): save, lock and go, never asking."""
        window = self.window
        if window is None:
            QApplication.quit()
            return
        with contextlib.suppress(NotSaved):
            window.flush_all()
        window.close_quietly()
        self._window_closing()

    def _window_closing(self) -> None:
        from app.widgets.privacy import wipe_text

        self.autolock.stop()
        QApplication.instance().removeEventFilter(self._lock_key)
        if self._safekeeping is not None:
            self._safekeeping.stop()
        self.tasks.wait()
        window, self.window = self.window, None
        self._close_vault()
        if window is not None:
            self._remember_geometry(window)
            wipe_text(window)  # nothing lingers in memory while the app winds down
            window.deleteLater()
        QApplication.quit()

    def _close_vault(self) -> None:
        vault, self.vault = self.vault, None
        if vault is not None:
            vault.close()

    def _remember_geometry(self, window: QMainWindow) -> None:
        self.config.window_geometry = bytes(window.saveGeometry().toBase64()).decode()
        self.config.last_area = window.current_key()
        self._save_config()

    def _save_config(self) -> None:
        try:
            self.paths.ensure_data_dir()
            self.config.save(self.paths.config)
        except OSError:
            pass  # geometry and theme are conveniences; never block locking or quitting

    # -- dialogs -------------------------------------------------------------------

    def open_settings(self) -> None:
        from app.shell.settings_dialog import SettingsDialog

        if self.window is None or self.vault is None:
            return
        dialog = SettingsDialog(
            self.vault,
            self.window.context.settings,
            self.config.theme,
            self.set_theme,
            self.autolock.set_minutes,
            self.window,
        )
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setModal(True)
        dialog.show()

    def set_theme(self, theme: str) -> None:
        self.config.theme = theme
        apply_theme(QApplication.instance(), theme)
        self._save_config()

    def open_about(self) -> None:
        from app.shell.about import AboutDialog

        if self.window is None:
            return
        dialog = AboutDialog(self.paths, self.window, introduce=lambda: self.introduce(again=True))
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def introduce(self, *, again: bool = False) -> None:
        """The three first-run screens: once after a vault is made, or again from About."""
        from app.shell.first_run import INTRODUCED, FirstRunDialog
        from app.vault import Settings

        if self.window is None or self.vault is None:
            return
        settings = Settings(self.vault)
        if settings.read(INTRODUCED) and not again:
            return
        dialog = FirstRunDialog(self.window.open_area, self.window)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._introduced(settings))
        self.introduction = dialog
        dialog.open()

    @staticmethod
    def _introduced(settings) -> None:
        from app.shell.first_run import INTRODUCED
        from app.vault import VaultError

        with contextlib.suppress(VaultError):  # locked meanwhile, or cannot write: ask again
            settings.write(INTRODUCED, True)
