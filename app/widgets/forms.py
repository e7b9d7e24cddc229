"""Small pieces several dialogs share."""

from __future__ import annotations

from collections.abc import Callable

# QtCore.Qt is read where used, not imported: the unlock dialog is built from these pieces,
# and building Qt's own namespace of enums costs about 15 ms it can show without.
from PySide6 import QtCore
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def passphrase_field(accessible_name: str, parent: QWidget | None = None) -> QLineEdit:
    field = QLineEdit(parent)
    # Password mode also tells input methods the text is sensitive, hidden and not to
    # be predicted, so typed passphrases stay out of their history.
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    field.setMinimumWidth(280)
    return field


def _keep_private(field: QLineEdit) -> None:
    """A shown passphrase is still one: Qt drops these hints in Normal mode, so add them."""
    hints = QtCore.Qt.InputMethodHint
    field.setInputMethodHints(
        field.inputMethodHints() | hints.ImhSensitiveData | hints.ImhNoPredictiveText
    )


def show_passphrase_toggle(*fields: QLineEdit) -> QCheckBox:
    """A "Show passphrase" box: typing blind is hard, and nobody may be watching."""
    toggle = QCheckBox("S&how passphrase")
    toggle.setAccessibleName("Show passphrase")

    def apply(shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in fields:
            field.setEchoMode(mode)
            if shown:
                _keep_private(field)

    toggle.toggled.connect(apply)
    return toggle


def label(text: str, name: str = "", parent: QWidget | None = None) -> QLabel:
    widget = QLabel(text, parent)
    widget.setWordWrap(True)
    if name:
        widget.setObjectName(name)
    return widget


def error_label(parent: QWidget | None = None) -> QLabel:
    widget = label("", "errorLabel", parent)
    widget.setAccessibleDescription("Error message")
    widget.hide()
    return widget


def show_error(widget: QLabel, message: str) -> None:
    widget.setText(message)
    widget.setVisible(bool(message))


def page(widget: QWidget, title: str, subtitle: str, body: QLayout) -> QVBoxLayout:
    """The frame an area's page shares with the others: a title, a line under it, the body."""
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(32, 24, 32, 20)
    layout.setSpacing(6)
    layout.addWidget(label(title, "pageTitle"))
    layout.addWidget(label(subtitle, "pageSubtitle"))
    layout.addSpacing(10)
    layout.addLayout(body, 1)
    return layout


def card(title: str, *widgets: QWidget) -> QFrame:
    """A soft, bordered panel for the Today page."""
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.addWidget(label(title, "cardTitle"))
    for widget in widgets:
        layout.addWidget(widget)
    return frame


TOOL_HEIGHT = 32  # every button, picker and field in a row of tools


def same_height(*widgets: QWidget) -> None:
    """Give a row of tools one height, whatever kind of widget each is."""
    for widget in widgets:
        widget.setFixedHeight(TOOL_HEIGHT)


def scroll_area(
    widget: QWidget | None = None, *, name: str = "", sideways: bool = True
) -> QScrollArea:
    """A frameless scroll area that sizes its widget to fit; ``name`` makes the Tab stop
    it becomes (to scroll by keyboard) speak, and ``sideways=False`` scrolls only down."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    if not sideways:
        area.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if name:
        area.setAccessibleName(name)
    if widget is not None:
        area.setWidget(widget)
    return area


def undo_bar(
    message: str, on_undo: Callable[[], object], margins: tuple[int, int, int, int]
) -> tuple[QFrame, QLabel, QPushButton]:
    """The hidden strip that offers Undo after a delete: (bar, its words, its button)."""
    bar = QFrame()
    bar.setObjectName("warning")
    row = QHBoxLayout(bar)
    row.setContentsMargins(*margins)
    text = label(message)
    button = QPushButton("Undo")
    button.setAccessibleName("Undo delete")
    button.clicked.connect(on_undo)
    row.addWidget(text, 1)
    row.addWidget(button)
    bar.hide()
    return bar, text, button
