"""Light, dark or the system's scheme, plus Tend's calm stylesheet."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app import resources

# Soft colours: a warm paper light and a deep slate dark, with a sage accent.
_COLOURS = {
    "light": {
        "Window": "#f3f2ee",
        "WindowText": "#2b2f2e",
        "Base": "#fdfcf9",
        "AlternateBase": "#ebeae4",
        "Text": "#2b2f2e",
        "Button": "#ebeae4",
        "ButtonText": "#2b2f2e",
        "Highlight": "#5f8a7a",
        "HighlightedText": "#ffffff",
        "PlaceholderText": "#6f7674",
        "ToolTipBase": "#fdfcf9",
        "ToolTipText": "#2b2f2e",
        "Mid": "#d6d4cc",
        "Link": "#3f6a5b",
    },
    "dark": {
        "Window": "#1f2424",
        "WindowText": "#e4e6e3",
        "Base": "#262c2c",
        "AlternateBase": "#2c3333",
        "Text": "#e4e6e3",
        "Button": "#2f3737",
        "ButtonText": "#e4e6e3",
        "Highlight": "#7fb39d",
        "HighlightedText": "#142019",
        "PlaceholderText": "#9aa3a0",
        "ToolTipBase": "#2c3333",
        "ToolTipText": "#e4e6e3",
        "Mid": "#3d4646",
        "Link": "#9ccab6",
    },
}


def palette_for(scheme: str) -> QPalette:
    palette = QPalette()
    for role, colour in _COLOURS[scheme].items():
        palette.setColor(QPalette.ColorRole[role], QColor(colour))
    disabled = QColor(_COLOURS[scheme]["PlaceholderText"])
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def effective_scheme(app: QApplication, theme: str) -> str:
    if theme in ("light", "dark"):
        return theme
    dark = app.styleHints().colorScheme() == QtCore.Qt.ColorScheme.Dark
    return "dark" if dark else "light"


def apply_theme(app: QApplication, theme: str) -> None:
    """Ask the platform for the scheme, and set a matching palette ourselves.

    Some platforms ignore the request, so the palette is what makes it take.
    """
    schemes = QtCore.Qt.ColorScheme
    hints = app.styleHints()
    if theme in ("light", "dark"):
        hints.setColorScheme(schemes.Light if theme == "light" else schemes.Dark)
    else:
        hints.unsetColorScheme()
    _dress(app, effective_scheme(app, theme))


def apply_first_theme(app: QApplication, theme: str) -> None:
    """The theme for the first dialog, without asking the platform for its scheme.

    Asking builds Qt's whole namespace of enums (about 15 ms before anything is on
    screen), so the system's scheme is read off the palette it gave the application;
    apply_theme() follows once the dialog is up and corrects the guess if it was wrong.
    """
    if theme not in ("light", "dark"):
        window = app.palette().color(QPalette.ColorRole.Window)
        theme = "dark" if window.lightness() < 128 else "light"
    _dress(app, theme)


def _dress(app: QApplication, scheme: str) -> None:
    app.setPalette(palette_for(scheme))
    # Setting the sheet again re-polishes every widget, so palette() colours follow.
    app.setStyleSheet(app.styleSheet() or resources.read_text("styles/tend.qss"))
