"""Settings: auto-lock, colour scheme and the passphrase. Changes apply at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QSpacerItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.config import THEMES
from app.shell.autolock import AUTOLOCK_MINUTES
from app.vault import Settings, Vault, VaultError, WrongPassphrase
from app.vault.passphrase import strength
from app.widgets.forms import error_label, label, passphrase_field, show_error


class SettingsDialog(QDialog):
    def __init__(
        self,
        vault: Vault,
        settings: Settings,
        theme: str,
        on_theme: Callable[[str], None],
        on_autolock: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(460)
        self._vault, self._settings = vault, settings
        self._on_theme, self._on_autolock = on_theme, on_autolock
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)

        # Sections as the pages have them: a title, then its fields (no group frames,
        # whose title inset left an odd gap). One form, so every field lines up.
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.addRow(label("General", "cardTitle"))
        self.autolock = QSpinBox()
        self.autolock.setRange(0, 240)
        self.autolock.setSuffix(" min")
        self.autolock.setSpecialValueText("Never")
        self.autolock.setAccessibleName("Lock after minutes of inactivity")
        self.autolock.setValue(settings.read(AUTOLOCK_MINUTES))
        self.autolock.valueChanged.connect(self._autolock_changed)
        form.addRow("&Lock after", self.autolock)
        self.theme = QComboBox()
        self.theme.setAccessibleName("Colour scheme")
        for key in THEMES:
            self.theme.addItem(key.capitalize(), key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme)))
        self.theme.currentIndexChanged.connect(lambda _: on_theme(self.theme.currentData()))
        form.addRow("&Colour scheme", self.theme)
        from app.shell.backup_dialogs import backups_kept_field

        self.backups_kept = backups_kept_field(settings)
        form.addRow("&Daily backups kept", self.backups_kept)
        form.addItem(QSpacerItem(0, 10))
        form.addRow(label("Passphrase", "cardTitle"))
        self.current = passphrase_field("Current passphrase")
        self.new = passphrase_field("New passphrase")
        self.again = passphrase_field("New passphrase again")
        self.strength = label("", "hint")
        self.strength.hide()  # no empty row under the field until there is a word to say
        self.new.textChanged.connect(self._show_strength)
        form.addRow("C&urrent", self.current)
        form.addRow("&New", self.new)
        form.addRow("", self.strength)
        form.addRow("A&gain", self.again)
        self.change = QPushButton("Change passphrase")
        self.change.clicked.connect(self._change_passphrase)
        form.addRow("", self.change)
        self.message = error_label()
        form.addRow(self.message)
        self.status = label("", "hint")
        self.status.setAccessibleDescription("Passphrase status")
        form.addRow(self.status)
        layout.addLayout(form)
        layout.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _show_strength(self, text: str) -> None:
        hint = strength(text).hint if text else ""
        self.strength.setText(hint)
        self.strength.setVisible(bool(hint))

    def _autolock_changed(self, minutes: int) -> None:
        self._on_autolock(minutes)  # in force now, even if the vault cannot remember it
        try:
            self._settings.write(AUTOLOCK_MINUTES, minutes)
        except VaultError as exc:
            show_error(self.message, f"{exc} The new time applies until Tend is locked.")

    def _change_passphrase(self) -> None:
        self.status.clear()
        show_error(self.message, "")
        if not self.current.text() or not self.new.text():
            show_error(self.message, "Please fill in your current and your new passphrase.")
            return
        if self.new.text() != self.again.text():
            show_error(self.message, "The two new passphrases differ. Please type them again.")
            return
        # On the GUI thread, on purpose: the vault's connection belongs to it, and the
        # work is two key derivations and one pass over the file.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._vault.change_passphrase(self.current.text(), self.new.text())
        except WrongPassphrase:
            show_error(self.message, "Your current passphrase is not right; nothing changed.")
            return
        except VaultError as exc:
            show_error(self.message, str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        for field in (self.current, self.new, self.again):
            field.clear()
        self.status.setText("Your passphrase is changed. Use the new one from now on.")
