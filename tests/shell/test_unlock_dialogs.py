"""The create and unlock dialogs: messages shown whole, passphrases that must match."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit

from app.shell.unlock import DIFFER, CreateDialog, UnlockDialog
from app.vault import Vault
from tests.conftest import PASSPHRASE


def whole(label) -> bool:
    """Every wrapped line of the label fits in the height it was given."""
    return label.height() >= label.heightForWidth(label.width())


def test_create_is_enabled_only_while_both_passphrases_match(qtbot, tmp_path):
    dialog = CreateDialog(tmp_path / "tend.db")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "river stones")
    qtbot.keyClicks(dialog.confirm, "river")
    assert not dialog.action.isEnabled()
    assert not dialog.error.isVisible()  # no scolding while the second is still typed
    qtbot.keyClicks(dialog.confirm, " stoned")
    assert not dialog.action.isEnabled()
    assert dialog.error.text() == DIFFER
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.confirm, "s")
    assert dialog.action.isEnabled()
    assert not dialog.error.isVisible()  # the message goes once they match


def test_messages_grow_the_dialog_instead_of_clipping_or_squashing(qtbot, tmp_path):
    dialog = CreateDialog(tmp_path / "tend.db")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field_height = dialog.passphrase.height()
    qtbot.keyClicks(dialog.passphrase, "x")
    qtbot.keyClicks(dialog.confirm, "y")
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    qtbot.waitUntil(lambda: whole(dialog.error) and whole(dialog.strength))
    assert dialog.passphrase.height() == field_height


def test_unlock_message_is_shown_whole_and_the_field_keeps_its_height(qtbot, paths):
    paths.ensure_data_dir()
    Vault.create(paths.vault, PASSPHRASE).close()
    dialog = UnlockDialog(paths.vault)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field_height = dialog.passphrase.height()
    qtbot.keyClicks(dialog.passphrase, "not it")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "does not open" in dialog.error.text()
    qtbot.waitUntil(lambda: whole(dialog.error))
    assert dialog.passphrase.height() == field_height


def test_show_passphrase_reveals_both_fields_and_hides_them_again(qtbot, tmp_path):
    dialog = CreateDialog(tmp_path / "tend.db")
    qtbot.addWidget(dialog)
    toggle = next(
        b for b in dialog.findChildren(QCheckBox) if b.accessibleName() == "Show passphrase"
    )
    toggle.click()
    assert dialog.passphrase.echoMode() == QLineEdit.EchoMode.Normal
    assert dialog.confirm.echoMode() == QLineEdit.EchoMode.Normal
    toggle.click()
    assert dialog.confirm.echoMode() == QLineEdit.EchoMode.Password


def test_passphrases_stay_out_of_input_method_memory_even_when_shown(qtbot, tmp_path):
    dialog = CreateDialog(tmp_path / "tend.db")
    qtbot.addWidget(dialog)
    toggle = next(
        b for b in dialog.findChildren(QCheckBox) if b.accessibleName() == "Show passphrase"
    )
    private = Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
    for shown in (False, True, False):
        if toggle.isChecked() != shown:
            toggle.click()
        for field in (dialog.passphrase, dialog.confirm):
            assert field.inputMethodHints() & private == private, shown
        hidden = bool(dialog.passphrase.inputMethodHints() & Qt.InputMethodHint.ImhHiddenText)
        assert hidden is not shown
