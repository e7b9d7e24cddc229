"""Keeping words safe from the window: back up now, restore, export and import.

Long work runs on the task runner with a progress dialog that can be cancelled
without harm. A worker never touches the vault's own connection (sqlite3 connections
belong to their thread): backups open their own through the vault, and an import
writes through a second connection it opens and closes itself.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.paths import Paths
from app.vault import Settings, Vault, VaultError
from app.vault.backup import (
    BACKUPS_KEPT,
    MAX_KEPT,
    MIN_KEPT,
    SUFFIX,
    Cancelled,
    PreparedRestore,
    list_backups,
    make_backup,
    prepare_restore,
)
from app.widgets.forms import error_label, label, passphrase_field, show_error
from app.widgets.tasks import TaskRunner

BACKUP_FILTER = f"Tend backups (*{SUFFIX});;All files (*)"

# (progress, cancel) -> result: what a job running under a progress dialog looks like.
Job = Callable[[Callable[[int, int], None], threading.Event], Any]


def failure_text(exc: Exception) -> str:
    """A message for a person. Known conditions speak for themselves; the rest name no
    user text (a path the person chose is theirs to see)."""
    if isinstance(exc, VaultError | Cancelled):
        return str(exc)
    message = getattr(exc, "message", None)
    if isinstance(message, str):
        return message
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        return f"Tend could not use{where}: {exc.strerror or 'input/output error'}."
    return "Something unexpected went wrong; nothing was changed."


# -- progress ------------------------------------------------------------------------------


class _Relay(QObject):
    moved = Signal(int, int)  # emitted on the worker, delivered on the GUI thread


class JobProgress(QProgressDialog):
    """Runs a job on the task runner and shows how far it has come; Cancel stops it."""

    def __init__(
        self,
        parent: QWidget | None,
        tasks: TaskRunner,
        title: str,
        text: str,
        job: Job,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        super().__init__(text, "Cancel", 0, 100, parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self.cancel_event = threading.Event()
        self.canceled.connect(self._cancel)
        self._relay = _Relay(self)
        self._relay.moved.connect(self._moved)
        self.setValue(0)
        self.show()

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self.close()
            self.deleteLater()
            callback(value)

        tasks.run(
            lambda: job(self._relay.moved.emit, self.cancel_event),
            lambda result: finish(on_done, result),
            lambda exc: finish(on_error, exc),
        )

    def _moved(self, done: int, total: int) -> None:
        if total > 0 and not self.cancel_event.is_set():
            self.setValue(min(100, done * 100 // total))

    def _cancel(self) -> None:
        self.cancel_event.set()
        self.setLabelText("Stopping… nothing will be changed.")


def _failed(parent: QWidget | None) -> Callable[[Exception], None]:
    """Say what went wrong; a job the person cancelled needs no message."""

    def report(exc: Exception) -> None:
        if not isinstance(exc, Cancelled):
            _tell(parent, failure_text(exc), problem=True)

    return report


def _tell(parent: QWidget | None, text: str, *, problem: bool = False) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(APP_NAME)
    box.setIcon(QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information)
    box.setText(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


# -- back up now ---------------------------------------------------------------------------


def default_backup_name(now: datetime) -> str:
    return f"tend-{now.strftime('%Y-%m-%d')}{SUFFIX}"


def ask_backup_file(parent: QWidget | None, now: datetime) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Back up to a file", str(Path.home() / default_backup_name(now)), BACKUP_FILTER
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix else path.with_suffix(SUFFIX)


def back_up_to(
    parent: QWidget | None, vault: Vault, tasks: TaskRunner, target: Path
) -> JobProgress:
    """Back up to a file the person picked (the file dialog asked about overwriting)."""

    def job(progress, cancel):
        return make_backup(vault, target, progress=progress, cancel=cancel, overwrite=True)

    def done(path: Path) -> None:
        _tell(
            parent,
            f"Your backup is saved as {path}.\n\n"
            "It is encrypted, and opens with the passphrase your vault has today.",
        )

    return JobProgress(
        parent,
        tasks,
        "Back up now",
        "Making an encrypted backup of your vault…",
        job,
        done,
        _failed(parent),
    )


def backups_kept_field(settings: Settings) -> QSpinBox:
    """For Settings: how many automatic daily backups to keep."""
    field = QSpinBox()
    field.setRange(MIN_KEPT, MAX_KEPT)
    field.setAccessibleName("Daily backups to keep")
    field.setValue(max(MIN_KEPT, min(MAX_KEPT, settings.read(BACKUPS_KEPT))))
    field.setToolTip(
        "Tend backs up your vault once a day, after you unlock it, and keeps this many."
    )

    def changed(value: int) -> None:
        # A convenience: if the vault cannot remember it now, the next change tries again.
        with contextlib.suppress(VaultError):
            settings.write(BACKUPS_KEPT, value)

    field.valueChanged.connect(changed)
    return field


# -- restore -------------------------------------------------------------------------------

RESTORE_INTRO = (
    "Choose a backup to bring back. Tend checks it before changing anything, and keeps "
    "your current vault in the backups folder, so nothing is lost either way."
)
RESTORE_PASSPHRASE_HINT = (
    "A backup opens with the passphrase your vault had on the day it was made."
)


class RestoreDialog(QDialog):
    """Backups newest first, or a file; the backup's passphrase; then a careful check."""

    prepared = Signal(object)  # a PreparedRestore, ready to swap in once the vault is closed

    def __init__(self, paths: Paths, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from a backup")
        self.setMinimumWidth(540)
        self._paths, self._tasks = paths, tasks
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(label("Restore from a backup", "dialogTitle"))
        layout.addWidget(label(RESTORE_INTRO, "hint"))

        self.backups = QListWidget()
        self.backups.setAccessibleName("Backups, newest first")
        self.backups.setMinimumHeight(140)
        self.backups.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.backups.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for info in list_backups(paths.backups):
            self._add_item(info.label, info.path)
        self.empty = label("There are no backups in Tend's folder yet.", "hint")
        self.empty.setVisible(self.backups.count() == 0)
        layout.addWidget(self.backups)
        layout.addWidget(self.empty)
        pick_row = QHBoxLayout()
        self.pick = QPushButton("Choose a backup file…")
        self.pick.clicked.connect(self._pick_file)
        pick_row.addWidget(self.pick)
        pick_row.addStretch(1)
        layout.addLayout(pick_row)

        self.passphrase = passphrase_field("Passphrase of the backup")
        self.passphrase.setPlaceholderText("The backup's passphrase")
        layout.addWidget(label("&Passphrase of this backup", "fieldLabel"))
        layout.itemAt(layout.count() - 1).widget().setBuddy(self.passphrase)
        layout.addWidget(self.passphrase)
        layout.addWidget(label(RESTORE_PASSPHRASE_HINT, "hint"))
        self.error = error_label()
        layout.addWidget(self.error)

        buttons = QDialogButtonBox()
        self.restore = buttons.addButton(
            "Check and restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.backups.count():
            self.backups.setCurrentRow(0)
        self.passphrase.setFocus()

    def _add_item(self, text: str, path: Path, *, first: bool = False) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setToolTip(str(path))
        if first:
            self.backups.insertItem(0, item)
        else:
            self.backups.addItem(item)
        return item

    def choose_file(self, path: Path) -> None:
        """Offer a file from elsewhere (a USB stick, say) at the top, selected."""
        item = self._add_item(f"{path.name} — chosen file", path, first=True)
        self.backups.setCurrentItem(item)
        self.empty.hide()

    def _pick_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Choose a backup", str(self._paths.backups), BACKUP_FILTER
        )
        if chosen:
            self.choose_file(Path(chosen))

    def selected(self) -> Path | None:
        item = self.backups.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def attempt(self) -> None:
        show_error(self.error, "")
        source = self.selected()
        if source is None:
            show_error(self.error, "Please choose a backup first.")
            return
        if not self.passphrase.text():
            show_error(self.error, "Please enter the passphrase this backup opens with.")
            self.passphrase.setFocus()
            return
        passphrase = self.passphrase.text()
        self.restore.setEnabled(False)
        self.restore.setText("Checking…")
        self._tasks.run(
            lambda: prepare_restore(self._paths, source, passphrase),
            self._ready,
            self._failed,
        )

    def _ready(self, prepared: PreparedRestore) -> None:
        self.passphrase.clear()
        self.accept()
        self.prepared.emit(prepared)  # the receiver may lock the window and all its dialogs

    def _failed(self, exc: Exception) -> None:
        self.restore.setEnabled(True)
        self.restore.setText("Check and restore")
        show_error(self.error, failure_text(exc))
        self.passphrase.selectAll()
        self.passphrase.setFocus()


def open_restore(
    parent: QWidget | None,
    paths: Paths,
    tasks: TaskRunner,
    on_prepared: Callable[[PreparedRestore], None],
) -> RestoreDialog:
    """Show the restore dialog; for the window's menu and the damaged-vault message.

    ``on_prepared`` gets a checked backup once the person confirmed it: close the vault
    (if one is open), then call ``prepared.commit(now)``.
    """
    dialog = RestoreDialog(paths, tasks, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.prepared.connect(on_prepared)
    dialog.open()
    return dialog


def restored_message(kept: Path | None) -> str:
    text = "Your vault is restored from the backup. Unlock it with the backup's passphrase."
    if kept is not None:
        text += f" Your previous vault is kept as {kept.name} in the backups folder."
    return text


# -- export --------------------------------------------------------------------------------

EXPORT_WARNING = (
    "An export is not encrypted. Anyone who can open these files can read every word you "
    "wrote, without your passphrase. Save it only somewhere private, and delete it when "
    "you no longer need it."
)


class ExportDialog(QDialog):
    """The warning comes first; the person then picks a form and a place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export as plain text")
        self.setMinimumWidth(500)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(label("Export as plain text", "dialogTitle"))
        warning = label(EXPORT_WARNING, "warning")
        warning.setAccessibleName("Warning: exports are not encrypted")
        layout.addWidget(warning)
        self.markdown = QRadioButton("A folder of &Markdown files, one for each journal entry")
        self.json = QRadioButton("One &JSON file with everything: entries, practice and breathing")
        self.markdown.setChecked(True)
        self.kinds = QButtonGroup(self)
        for button in (self.markdown, self.json):
            self.kinds.addButton(button)
            layout.addWidget(button)
        layout.addWidget(
            label("For an encrypted copy to restore later, use Back up now instead.", "hint")
        )
        buttons = QDialogButtonBox()
        self.go = buttons.addButton("Choose where to save…", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Enter never writes plaintext by accident: it means Cancel here.
        self.go.setAutoDefault(False)
        cancel.setDefault(True)

    @property
    def format(self) -> str:
        return "json" if self.json.isChecked() else "md"


def ask_export_target(parent: QWidget | None, fmt: str, now: datetime) -> Path | None:
    if fmt == "json":
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            "Export to a JSON file",
            str(Path.home() / f"tend-export-{now.strftime('%Y-%m-%d')}.json"),
            "JSON files (*.json)",
        )
        return Path(chosen) if chosen else None
    chosen = QFileDialog.getExistingDirectory(
        parent, "Choose where the export folder goes", str(Path.home())
    )
    return new_folder_in(Path(chosen), now) if chosen else None


def new_folder_in(parent_folder: Path, now: datetime) -> Path:
    """tend-export-2026-01-15 inside the chosen folder (-2, -3... if taken)."""
    stem = f"tend-export-{now.strftime('%Y-%m-%d')}"
    target, count = parent_folder / stem, 2
    while target.exists():
        target, count = parent_folder / f"{stem}-{count}", count + 1
    return target


def export_to(
    parent: QWidget | None, vault: Vault, tasks: TaskRunner, fmt: str, target: Path, now: datetime
) -> JobProgress:
    from app.exchange.export import export_json, export_markdown

    def job(progress, cancel):
        reader = vault.second_connection(read_only=True)
        try:
            if fmt == "json":
                return export_json(reader, target, now, overwrite=True, progress=progress)
            return export_markdown(reader, target, progress=progress, cancel=cancel)
        finally:
            reader.close()

    def done(count: int) -> None:
        what = "items" if fmt == "json" else "entries"
        _tell(parent, f"Exported {count} {what} to {target}.\n\nIt is plain text: keep it private.")

    return JobProgress(
        parent,
        tasks,
        "Export",
        "Writing your export…",
        job,
        done,
        _failed(parent),
    )


# -- import --------------------------------------------------------------------------------

IMPORT_FORMATS = (
    ("tend", "A Tend export (JSON)", "JSON files (*.json)"),
    ("jrnl", "A jrnl journal (jrnl --export json)", "JSON files (*.json)"),
    ("dayone", "A Day One export (.zip or .json)", "Day One exports (*.zip *.json)"),
)


class ImportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import a journal")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(label("Import a journal", "dialogTitle"))
        layout.addWidget(
            label(
                "Bring in entries you wrote elsewhere. Anything already in your vault is "
                "skipped, and a file Tend cannot read changes nothing.",
                "hint",
            )
        )
        self.kinds = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        for key, text, _ in IMPORT_FORMATS:
            button = QRadioButton(text)
            self.kinds.addButton(button)
            self.choices[key] = button
            layout.addWidget(button)
        self.choices["tend"].setChecked(True)
        buttons = QDialogButtonBox()
        buttons.addButton("Choose the file…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def format(self) -> str:
        return next(key for key, button in self.choices.items() if button.isChecked())


def ask_import_file(parent: QWidget | None, fmt: str) -> Path | None:
    file_filter = next(f for key, _, f in IMPORT_FORMATS if key == fmt)
    chosen, _ = QFileDialog.getOpenFileName(
        parent, "Choose the file to import", str(Path.home()), file_filter
    )
    return Path(chosen) if chosen else None


def import_from(
    parent: QWidget | None,
    vault: Vault,
    tasks: TaskRunner,
    fmt: str,
    source: Path,
    clock: Any,
    on_imported: Callable[[], None],
) -> JobProgress:
    from app.exchange.importer import import_bundle, read_file

    def job(progress, cancel):
        bundle = read_file(source, fmt)
        writer = vault.second_connection()  # this thread's own connection
        try:
            return import_bundle(writer, bundle, clock, progress=progress, cancel=cancel)
        finally:
            writer.close()

    def done(report) -> None:
        on_imported()
        _tell(parent, report.summary())

    return JobProgress(
        parent,
        tasks,
        "Import",
        "Importing… nothing is kept unless all of it is.",
        job,
        done,
        _failed(parent),
    )
