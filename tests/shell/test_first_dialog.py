"""The first dialog is dressed in two steps: a quick guess before it is shown, and the
platform's answer (with the window icon) once it has painted (issue 15)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication, QDialog

from app.shell.app import _FirstPaint, dress_application
from app.shell.theme import apply_first_theme, apply_theme, palette_for


@pytest.fixture
def app(qapp):
    icon = qapp.windowIcon()
    yield qapp  # the palette and style sheet are put back by tests/conftest.py
    qapp.setWindowIcon(icon)


def window_colour(app: QApplication) -> str:
    return app.palette().color(QPalette.ColorRole.Window).name()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_system_scheme_is_guessed_from_the_palette_the_platform_gave(app, scheme):
    app.setPalette(palette_for(scheme))  # stands in for the platform's own palette
    apply_first_theme(app, "system")
    assert window_colour(app) == palette_for(scheme).color(QPalette.ColorRole.Window).name()
    assert app.styleSheet()


def test_a_chosen_scheme_needs_no_guess(app):
    app.setPalette(palette_for("dark"))
    apply_first_theme(app, "light")
    assert window_colour(app) == palette_for("light").color(QPalette.ColorRole.Window).name()


def test_once_painted_the_platform_is_asked_and_the_icon_is_set(qtbot, app):
    apply_first_theme(app, "light")
    app.setWindowIcon(QIcon())  # no icon yet
    dialog = QDialog()
    qtbot.addWidget(dialog)
    called = []
    _FirstPaint(dialog, lambda: called.append(dress_application(app, "dark")))
    assert not called
    dialog.show()
    qtbot.waitUntil(lambda: bool(called))
    assert not app.windowIcon().isNull()
    assert window_colour(app) == palette_for("dark").color(QPalette.ColorRole.Window).name()
    dialog.repaint()  # a later paint calls nothing again
    app.processEvents()
    assert len(called) == 1
    apply_theme(app, "light")  # the platform is asked for light again, as before


def test_a_dialog_hidden_before_it_painted_still_dresses_the_application(qtbot, app):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    called = []
    _FirstPaint(dialog, lambda: called.append(True))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    dialog.show()
    dialog.hide()
    qtbot.waitUntil(lambda: bool(called))
