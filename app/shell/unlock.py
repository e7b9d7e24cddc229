"""The first window a person sees: create a vault, or unlock the one they have."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.widgets.forms import (
    error_label,
    label,
    passphrase_field,
    show_error,
    show_passphrase_toggle,
)

NO_RECOVERY = (
    "There is no way to recover a forgotten passphrase: not by you, not by us. "
    "Your words are encrypted with it and with nothing else. "
    "Choose one you will remember, or keep it somewhere safe."
)


DIFFER = "The two passphrases differ. Please type the same one twice."


class _VaultDialog(QDialog):
    """Shared frame: a title, a short text, a form, a message line and one button."""

    def __init__(self, title: str, intro: str, action: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(label(title, "dialogTitle"))
        layout.addWidget(label(intro, "hint"))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(self.form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox()
        self.action = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.action.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.body = layout

    def finish_layout(self) -> None:
        self.body.addWidget(self.buttons)
        self.buttons.accepted.connect(self._attempt)

    def say(self, message: str) -> None:
        """Show or clear the message line, growing the dialog so nothing is clipped."""
        show_error(self.error, message)
        self.fit_height()

    def fit_height(self) -> None:
        # A top-level window does not grow by itself when a wrapped label needs more
        # lines; without this the message is cut off and the fields squashed.
        layout = self.layout()
        layout.activate()
        width = self.width()
        needed = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(width, needed)

    def _busy(self, busy: bool) -> None:
        if busy:
            QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
        else:
            QApplication.restoreOverrideCursor()
        self.action.setEnabled(not busy)


class UnlockDialog(_VaultDialog):
    unlocked = Signal(object)  # the open Vault

    def __init__(self, vault_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(
            "Welcome back",
            "Enter your passphrase to open your private space.",
            "Unlock",
            parent,
        )
        self._path = vault_path
        self.passphrase = passphrase_field("Passphrase")
        self.form.addRow("&Passphrase", self.passphrase)
        self.form.addRow("", show_passphrase_toggle(self.passphrase))
        self.finish_layout()
        self.passphrase.setFocus()

    def _attempt(self) -> None:
        from app.vault import VaultError

        self.say("")
        if not self.passphrase.text():
            self.say("Please enter your passphrase.")
            return
        self._busy(True)
        try:
            vault = self._open(self.passphrase.text())
        except VaultError as exc:
            self.say(str(exc))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        finally:
            self._busy(False)
        self.passphrase.clear()
        self.unlocked.emit(vault)
        self.accept()

    def _open(self, passphrase: str):
        from app.vault import DiskFull, ReadOnlyPlace, Vault
        from app.vault.vault import WINDOW_BUSY_TIMEOUT_S

        try:
            return Vault.open(
                self._path, passphrase, exclusive=True, busy_timeout_s=WINDOW_BUSY_TIMEOUT_S
            )
        except (ReadOnlyPlace, DiskFull) as cause:
            # Nothing can be saved there, but the journal can still be read.
            vault = Vault.open(self._path, passphrase, read_only=True)
            vault.read_only_reason = cause
            return vault


class CreateDialog(_VaultDialog):
    created = Signal(object)  # the new Vault

    def __init__(self, vault_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(
            "Welcome to Tend",
            "A private place to reflect, practise kinder words and breathe. "
            "Everything you write stays on this computer, encrypted with a passphrase "
            "only you know.",
            "Create my vault",
            parent,
        )
        self._path = vault_path
        self.passphrase = passphrase_field("Passphrase")
        self.confirm = passphrase_field("Passphrase again")
        self.strength = label("", "hint")
        self.strength.setAccessibleDescription("Passphrase strength")
        self.form.addRow("&Passphrase", self.passphrase)
        self.form.addRow("", self.strength)
        self.form.addRow("&Again", self.confirm)
        self.form.addRow("", show_passphrase_toggle(self.passphrase, self.confirm))
        warning = label(NO_RECOVERY, "warning")
        warning.setAccessibleDescription("Warning: no passphrase recovery")
        self.body.addWidget(warning)
        self.finish_layout()
        self.passphrase.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        # As _update() would say of empty fields, without measuring a dialog not yet shown.
        from app.vault.passphrase import CHOOSE

        self.strength.setText(CHOOSE)
        self.action.setEnabled(False)
        self.passphrase.setFocus()

    def _update(self) -> None:
        from app.vault.passphrase import strength

        first, again = self.passphrase.text(), self.confirm.text()
        self.strength.setText(strength(first).hint)
        # Say so once the second one is as long as the first, not at every keystroke.
        differ = bool(again) and first != again and len(again) >= len(first)
        self.say(DIFFER if differ else "")
        self.action.setEnabled(bool(first) and first == again)

    def _attempt(self) -> None:
        from app.vault import Vault, VaultError

        if self.passphrase.text() != self.confirm.text():
            self.say(DIFFER)
            self.confirm.selectAll()
            self.confirm.setFocus()
            return
        self.say("")
        self._busy(True)
        try:
            self._path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            vault = Vault.create(self._path, self.passphrase.text(), exclusive=True)
        except (VaultError, OSError) as exc:
            message = (
                str(exc)
                if isinstance(exc, VaultError)
                else (f"Tend could not create its vault in {self._path.parent}: {exc.strerror}.")
            )
            self.say(message)
            return
        finally:
            self._busy(False)
        self.passphrase.clear()
        self.confirm.clear()
        self.created.emit(vault)
        self.accept()
