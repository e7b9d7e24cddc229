"""The window's "Keep safe" menu and the daily backup after unlocking.

The session owns one Safekeeping. It backs the vault up once a day on the task runner
(never on the GUI thread, so typing never waits), and offers Back up now, Restore,
Export and Import from a toolbar menu.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolButton, QWidget

from app.shell import backup_dialogs as dialogs
from app.shell.unlock import CreateDialog
from app.vault import Settings, Vault, VaultError
from app.vault.backup import BACKUPS_KEPT, PreparedRestore, daily_backup
from app.widgets.forms import show_error
from app.widgets.icons import icon

if TYPE_CHECKING:
    from app.shell.session import Session


class Safekeeping:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._cancel = threading.Event()
        self.last_backup: Path | None = None
        self.last_problem = ""

    # -- the daily backup ----------------------------------------------------------------

    def unlocked(self, window: QMainWindow, vault: Vault, settings: Settings) -> None:
        """Add the menu, then start today's backup if none was made yet today."""
        self.add_menu(window)
        if vault.read_only:
            return  # opened only for reading (a read-only folder, a full disk): no copy fits
        self._cancel = threading.Event()
        cancel = self._cancel
        session = self._session
        try:
            keep = settings.read(BACKUPS_KEPT)
        except VaultError:
            keep = BACKUPS_KEPT.default
        now = session.clock.now()
        session.tasks.run(
            lambda: daily_backup(vault, session.paths, now, keep, cancel),
            self._backed_up,
            self._backup_failed,
        )

    def _backed_up(self, path: Path | None) -> None:
        if path is not None:
            self.last_backup = path

    def _backup_failed(self, exc: Exception) -> None:
        if isinstance(exc, dialogs.Cancelled):
            return  # locked while it ran; tomorrow's unlock tries again
        self.last_problem = f"Tend could not make today's backup. {dialogs.failure_text(exc)}"
        window = self._session.window
        if window is not None:
            window.statusBar().showMessage(self.last_problem)

    def stop(self) -> None:
        """Locking or quitting: a running backup stops at its next step and leaves nothing."""
        self._cancel.set()

    # -- the menu ------------------------------------------------------------------------

    def add_menu(self, window: QMainWindow) -> QAction:
        menu = QMenu("Keep safe", window)
        menu.setAccessibleName("Keep your words safe")
        menu.addAction("&Back up now…", self.back_up_now)
        menu.addAction("&Restore from a backup…", self.restore)
        menu.addSeparator()
        menu.addAction("&Export as plain text…", self.export)
        menu.addAction("&Import a journal…", self.import_journal)
        action = QAction(icon("keepsafe.svg"), "&Keep safe", window)
        action.setMenu(menu)
        action.setToolTip("Backups, restore, export and import")
        toolbar = getattr(window, "toolbar", None)
        if toolbar is not None:
            toolbar.insertAction(getattr(window, "settings_action", None), action)
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        window.keep_safe_action = action  # type: ignore[attr-defined]
        window.keep_safe_menu = menu  # type: ignore[attr-defined]
        return action

    def _open(self) -> tuple[QMainWindow, Vault] | None:
        session = self._session
        if session.window is None or session.vault is None:
            return None
        return session.window, session.vault

    def back_up_now(self, target: Path | None = None) -> dialogs.JobProgress | None:
        opened = self._open()
        if opened is None:
            return None
        window, vault = opened
        target = target or dialogs.ask_backup_file(window, self._session.clock.now())
        if target is None:
            return None
        return dialogs.back_up_to(window, vault, self._session.tasks, target)

    def restore(self, parent: QWidget | None = None) -> dialogs.RestoreDialog:
        """Also for the damaged-vault message: works with the vault locked too."""
        session = self._session
        parent = parent or session.window or session.gate
        return dialogs.open_restore(parent, session.paths, session.tasks, self.finish_restore)

    def finish_restore(self, prepared: PreparedRestore) -> None:
        """Close the vault (saving first), swap the checked backup in, ask to unlock."""
        session = self._session
        if session.window is not None:
            session.lock()
            if session.window is not None:  # the person chose to keep the window open
                prepared.discard()
                return
        try:
            kept = prepared.commit(session.clock.now())
        except OSError as exc:
            prepared.discard()
            message = dialogs.failure_text(exc) + " Your vault was not replaced."
        else:
            message = dialogs.restored_message(kept)
        gate = session.gate
        if isinstance(gate, CreateDialog) and session.paths.vault.exists():
            # Restored on a first run: there is a vault to unlock now, not one to create.
            gate.rejected.disconnect()
            gate.hide()
            gate.deleteLater()
            session.show_gate()
            gate = session.gate
        if gate is not None and hasattr(gate, "error"):
            show_error(gate.error, message)

    def export(self, fmt: str | None = None, target: Path | None = None) -> object:
        opened = self._open()
        if opened is None:
            return None
        window, vault = opened
        if fmt is None:
            warning = dialogs.ExportDialog(window)
            if warning.exec() != dialogs.QDialog.DialogCode.Accepted:
                return None
            fmt = warning.format
        now = self._session.clock.now()
        target = target or dialogs.ask_export_target(window, fmt, now)
        if target is None:
            return None
        return dialogs.export_to(window, vault, self._session.tasks, fmt, target, now)

    def import_journal(self, fmt: str | None = None, source: Path | None = None) -> object:
        opened = self._open()
        if opened is None:
            return None
        window, vault = opened
        if fmt is None:
            chooser = dialogs.ImportDialog(window)
            if chooser.exec() != dialogs.QDialog.DialogCode.Accepted:
                return None
            fmt = chooser.format
        source = source or dialogs.ask_import_file(window, fmt)
        if source is None:
            return None
        with contextlib.suppress(VaultError):
            window.flush_all()  # what is on screen is saved before the views are rebuilt
        return dialogs.import_from(
            window,
            vault,
            self._session.tasks,
            fmt,
            source,
            self._session.clock,
            getattr(window, "reload_views", lambda: None),
        )
