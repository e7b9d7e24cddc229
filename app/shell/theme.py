"""Light, dark or the system's scheme, plus Tend's calm stylesheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app import resources

_SCHEMES = {
    "system": Qt.ColorScheme.Unknown,
    "light": Qt.ColorScheme.Light,
    "dark": Qt.ColorScheme.Dark,
}

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
    return "dark" if app.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"


def apply_theme(app: QApplication, theme: str) -> None:
    """Ask the platform for the scheme, and set a matching palette ourselves.

    Some platforms ignore the request, so the palette is what makes it take.
    """
    hints = app.styleHints()
    if theme in ("light", "dark"):
        hints.setColorScheme(_SCHEMES[theme])
    else:
        hints.unsetColorScheme()
    app.setPalette(palette_for(effective_scheme(app, theme)))
    # Setting the sheet again re-polishes every widget, so palette() colours follow.
    app.setStyleSheet(app.styleSheet() or resources.read_text("styles/tend.qss"))
