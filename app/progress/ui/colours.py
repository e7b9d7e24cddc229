"""Colours for the charts and the calendar, taken from the widget's palette.

The theme (app/shell/theme.py) sets a light or a dark palette; the series colours are
picked for each so they keep their contrast against the window in both.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

# Calm, distinguishable hues: sage, amber, slate blue, rose, ochre, teal grey.
_SERIES = {
    "light": ("#3f7a66", "#b5652a", "#4a6fa5", "#a4506b", "#8a7a2e", "#5b6b73"),
    "dark": ("#86c2aa", "#e5a06a", "#8fb0e0", "#d88fa8", "#d0c070", "#a8b8c0"),
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def scheme(palette: QPalette) -> str:
    return "dark" if is_dark(palette) else "light"


def series_colour(palette: QPalette, index: int) -> QColor:
    hues = _SERIES[scheme(palette)]
    return QColor(hues[index % len(hues)])


def text_colour(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.WindowText)


def muted_colour(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.PlaceholderText)


def grid_colour(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Mid)


def blend(low: QColor, high: QColor, share: float) -> QColor:
    """A colour `share` (0..1) of the way from `low` to `high`."""
    share = min(1.0, max(0.0, share))
    return QColor(
        round(low.red() + (high.red() - low.red()) * share),
        round(low.green() + (high.green() - low.green()) * share),
        round(low.blue() + (high.blue() - low.blue()) * share),
    )


def activity_shades(palette: QPalette, levels: int = 5) -> list[QColor]:
    """Level 0 (nothing that day) to the fullest day, from the base towards the accent."""
    empty = palette.color(QPalette.ColorRole.AlternateBase)
    empty = empty.lighter(115) if is_dark(palette) else empty.darker(104)
    accent = QColor(_SERIES[scheme(palette)][0])
    return [empty] + [
        blend(empty, accent, 0.3 + 0.7 * step / (levels - 1)) for step in range(1, levels)
    ]
